/**
 * Write test/golden/records/<sample>.json from the current code. Run only on purpose
 * (`npm run golden`), then review the diff like code: a golden is a claim about the output.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes } from '../src/extract.ts';
import { digest, GOLDEN_EXTENSIONS } from '../test/golden/digest.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const samples = join(root, 'samples');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
for (const path of walk(samples).filter((p) => GOLDEN_EXTENSIONS.test(p))) {
  const rel = relative(samples, path).replace(/\\/g, '/');
  const record = await extractBytes(readFileSync(path), rel);
  const out = join(root, 'test/golden/records', `${rel}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(digest(record), null, 1)}\n`);
  console.log(`${record.status.padEnd(10)} ${rel}`);
}
