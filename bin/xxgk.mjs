#!/usr/bin/env node
// Runs src/cli.ts through tsx (Node 20 cannot strip types), so `npx xxgk …` works after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
await runCli(process.argv.slice(2));
