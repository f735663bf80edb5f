import { readFileSync } from 'node:fs';

/** The tool version recorded in every record (and used by --resume to decide what is stale). */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
