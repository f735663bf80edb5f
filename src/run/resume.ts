/**
 * --resume: what an earlier run already left in reports.jsonl. A torn last line (a run killed
 * mid-write) is cut off; lines that do not parse are ignored. Only references are kept (line
 * offsets), never the records themselves.
 */
import { existsSync } from 'node:fs';
import { TOOL_VERSION } from '../version.ts';
import { scanJsonl, type LineRef } from '../write/jsonl.ts';

export interface PriorRuns {
  /** the last line of each file name, in first-seen order */
  byFile: Map<string, LineRef>;
  /** a reusable line per content hash, made by this tool version (a non-duplicate line preferred) */
  byHash: Map<string, LineRef>;
  lines: number;
  bad: number;
  torn: boolean;
}

interface LineHead {
  file?: unknown;
  sha256?: unknown;
  tool?: { version?: unknown };
  issues?: { code?: unknown }[];
}

export function loadPriorRuns(jsonlPath: string): PriorRuns {
  const prior: PriorRuns = { byFile: new Map(), byHash: new Map(), lines: 0, bad: 0, torn: false };
  if (!existsSync(jsonlPath)) return prior;
  const dupOnly = new Set<string>();
  const counts = scanJsonl(jsonlPath, (value, ref) => {
    const v = value as LineHead;
    if (typeof v?.file !== 'string') return;
    prior.byFile.set(v.file, ref);
    if (typeof v.sha256 !== 'string' || v.tool?.version !== TOOL_VERSION) return;
    const isDup = Array.isArray(v.issues) && v.issues.some((i) => i?.code === 'duplicate');
    if (!prior.byHash.has(v.sha256) || (dupOnly.has(v.sha256) && !isDup)) {
      prior.byHash.set(v.sha256, ref);
      if (isDup) dupOnly.add(v.sha256);
      else dupOnly.delete(v.sha256);
    }
  }, true);
  return { ...prior, ...counts };
}
