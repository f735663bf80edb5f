/**
 * The speed patches to the pdfjs worker (extractors/pdf/worker-patches.ts) must still apply to the
 * installed pdfjs: if one stops matching, the reader silently falls back to the unpatched (slower)
 * worker, and this test is what says so after an upgrade.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { patchWorkerSource, WORKER_PATCHES } from '../../extractors/pdf/worker-patches.ts';

describe('pdfjs worker patches', () => {
  it('each patch matches the installed worker exactly once', () => {
    const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const source = readFileSync(path, 'utf8');
    for (const p of WORKER_PATCHES) expect(source.split(p.find).length - 1, p.why).toBe(1);
    const patched = patchWorkerSource(source, 'file:///pdf.worker.mjs');
    expect(patched).toBeDefined();
    expect(patched).not.toContain('import.meta.url');
  });
});
