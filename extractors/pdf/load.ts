/**
 * Loading pdfjs-dist once per process and opening documents with the settings that work in Node
 * (CMaps for non-embedded Chinese fonts, no eval, no font faces, no worker).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let loading: Promise<Pdfjs> | undefined;
let packageDir: string | undefined;

/** The pdfjs module, imported on first use and shared afterwards. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= importKeepingNativePush();
  return loading;
}

/**
 * The legacy build bundles core-js, which replaces Array.prototype.push process-wide with a
 * slow polyfill on Node 20 (its feature test fails there); pdfjs pushes millions of times.
 * Put the native one back after the import.
 */
async function importKeepingNativePush(): Promise<Pdfjs> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
  const mod = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // the in-process ("fake") worker would import this lazily, bringing the polyfill back: load it
  // now and hand it to pdfjs the way it looks for a preloaded worker
  const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // untyped module
  const worker: unknown = await import(workerModule);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
  if (push && Array.prototype.push !== push.value) Object.defineProperty(Array.prototype, 'push', push);
  return mod;
}

function pdfjsPackageDir(): string {
  if (!packageDir) {
    const require = createRequire(import.meta.url);
    packageDir = dirname(require.resolve('pdfjs-dist/package.json'));
  }
  return packageDir;
}

/** Open a document. Throws what pdfjs throws (PasswordException, InvalidPDFException, …). */
export async function openDocument(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  const dir = pdfjsPackageDir();
  // pdfjs reads these with fs.readFile in Node: plain directory paths ending in a separator
  const url = (sub: string) => join(dir, sub) + '/';
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    cMapUrl: url('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: url('standard_fonts'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw err;
  }
}

/** The OPS table (operator ids) of the loaded pdfjs. */
export async function operatorIds(): Promise<Pdfjs['OPS']> {
  return (await loadPdfjs()).OPS;
}
