/**
 * The speed patches to the pdfjs worker (extractors/pdf/worker-patches.ts) must still apply to the
 * installed pdfjs: if one stops matching, the reader silently falls back to the unpatched (slower)
 * worker, and this test is what says so after an upgrade. And they must change speed only: what
 * pdfjs returns (text, operators, rebuilt font programs) and what the reader makes of it are the
 * same with and without them.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { patchWorkerSource, WORKER_PATCHES } from '../../extractors/pdf/worker-patches.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('pdfjs worker patches', () => {
  it('each patch matches the installed worker exactly once', () => {
    const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const source = readFileSync(path, 'utf8');
    for (const p of WORKER_PATCHES) expect(source.split(p.find).length - 1, p.why).toBe(1);
    const patched = patchWorkerSource(source, 'file:///pdf.worker.mjs');
    expect(patched).toBeDefined();
    expect(patched).not.toContain('import.meta.url');
  });

  it('change nothing pdfjs returns for the sample PDFs (and the shared real reports, when present)', async () => {
    const inputs = [join(root, 'samples', 'pdf')];
    // WPS-made reports: the subset fonts with tens of thousands of glyph slots the patches are for
    const real = join(root, '..', 'shared', 'corpus', 'real');
    if (existsSync(real)) inputs.push(real);
    const run = (...flags: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'pdfjs-digest.ts'), ...flags, ...inputs], {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
      });
    const [patched, unpatched] = await Promise.all([run(), run('--unpatched')]);
    const a = JSON.parse(patched.stdout) as Record<string, { pages?: string[]; fontPrograms: unknown[] }>;
    const b = JSON.parse(unpatched.stdout);
    const files = Object.keys(a);
    expect(files.length).toBeGreaterThanOrEqual(17);
    // the comparison covers real content: pages were read and font programs rebuilt
    expect(files.filter((f) => a[f].pages?.length).length).toBeGreaterThan(10);
    expect(files.reduce((n, f) => n + a[f].fontPrograms.length, 0)).toBeGreaterThan(0);
    expect(a).toEqual(b);
  }, 120_000);
});
