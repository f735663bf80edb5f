/**
 * Digests of what pdfjs gives the PDF reader, for checking that the worker patches
 * (extractors/pdf/worker-patches.ts) change speed only: run once as is and once with
 * `--unpatched`, and compare the two outputs (test/pdf/worker-patches.test.ts does).
 *
 * Per PDF: the reader's SourceDoc; per page, getTextContent and getOperatorList; and every font
 * program pdfjs rebuilt (the bytes it would hand to a renderer).
 *   npx tsx scripts/pdfjs-digest.ts [--unpatched] file-or-dir ...
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WORKER_PATCHES } from '../extractors/pdf/worker-patches.ts';

const args = process.argv.slice(2);
const unpatched = args.includes('--unpatched');
const inputs = args.filter((a) => a !== '--unpatched');
if (!inputs.length) {
  console.error('usage: pdfjs-digest.ts [--unpatched] file-or-dir ...');
  process.exit(2);
}
if (unpatched) WORKER_PATCHES.length = 0;
// record each rebuilt font program as pdfjs exports it (the worker runs in this thread)
WORKER_PATCHES.push({
  why: 'digest: record font programs',
  find: '  exportData() {\n    return {\n      buffer: compileFontInfo(',
  replace: '  exportData() {\n    (globalThis.__xxgkFontPrograms ??= []).push(this.data ? this.data.slice() : null);\n    return {\n      buffer: compileFontInfo(',
});
const fontPrograms = () => ((globalThis as { __xxgkFontPrograms?: (Uint8Array | null)[] }).__xxgkFontPrograms ??= []);

const { readPdf } = await import('../extractors/pdf/index.ts');
const { openDocument } = await import('../extractors/pdf/load.ts');
const { DEFAULT_READER_LIMITS } = await import('../extractors/model.ts');

const digest = (x: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)) ?? 'undefined')
    .digest('hex')
    .slice(0, 16);

function pdfsUnder(path: string): string[] {
  if (statSync(path).isFile()) return path.toLowerCase().endsWith('.pdf') ? [path] : [];
  return readdirSync(path).sort().flatMap((name) => pdfsUnder(join(path, name)));
}

const out: Record<string, unknown> = {};
for (const file of inputs.flatMap(pdfsUnder)) {
  const bytes = new Uint8Array(readFileSync(file));
  fontPrograms().length = 0;
  const entry: Record<string, unknown> = { reader: digest(await readPdf(bytes, DEFAULT_READER_LIMITS)) };
  try {
    const doc = await openDocument(bytes);
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const text = await page.getTextContent();
      const ops = await page.getOperatorList();
      pages.push(digest([text, ops.fnArray, ops.argsArray]));
    }
    entry.pages = pages;
    await doc.destroy();
  } catch (err) {
    entry.error = String(err);
  }
  entry.fontPrograms = fontPrograms().map((d) => (d ? digest(d) : null));
  out[file] = entry;
}
console.log(JSON.stringify(out, null, 1));
