/**
 * Write test/golden/records/<sample>.json from the current code. Run only on purpose
 * (`npm run golden`), then review the diff like code: a golden is a claim about the output.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes } from '../src/extract.ts';
import { digest, sampleFiles } from '../test/golden/digest.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const { path, name: rel } of sampleFiles(join(root, 'samples'))) {
  const record = await extractBytes(readFileSync(path), rel);
  const out = join(root, 'test/golden/records', `${rel}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(digest(record), null, 1)}\n`);
  console.log(`${record.status.padEnd(10)} ${rel}`);
}
