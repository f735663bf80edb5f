/**
 * Loading pdfjs-dist once per process and opening documents with the settings that work in Node
 * (CMaps for non-embedded Chinese fonts, no eval, no font faces or glyph paths, no worker).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { importPatchedWorker } from './worker-patches.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let loading: Promise<Pdfjs> | undefined;
let packageDir: string | undefined;

/** The pdfjs module, imported on first use and shared afterwards. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= importKeepingNatives();
  return loading;
}

/**
 * The legacy build bundles core-js, which replaces some built-ins process-wide with slow polyfills
 * on Node 20 (their feature tests fail there): Array.prototype.push (pdfjs pushes millions of
 * times), JSON.parse/stringify and Function.prototype.toString. Put the native ones back after the
 * import. What core-js adds (Promise.withResolvers, …) stays: pdfjs needs it on Node 20.
 */
const NATIVE_BUILT_INS: [object, PropertyKey][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

async function importKeepingNatives(): Promise<Pdfjs> {
  const natives = NATIVE_BUILT_INS.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const);
  const mod = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // the in-process ("fake") worker would import this lazily, bringing the polyfills back: load it
  // now and hand it to pdfjs the way it looks for a preloaded worker
  // (with two speed patches: worker-patches.ts)
  const worker = await importPatchedWorker(join(pdfjsPackageDir(), 'legacy', 'build', 'pdf.worker.mjs'));
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
  for (const [owner, key, native] of natives) {
    if (native && Object.getOwnPropertyDescriptor(owner, key)?.value !== native.value) Object.defineProperty(owner, key, native);
  }
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
    // false, so that the worker does not turn every glyph shown into a path for the canvas (on
    // tabular pages getOperatorList spent more time there than anywhere else); nothing is ever
    // drawn, so font faces are not installed either: see skipFontFaces
    disableFontFace: false,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
    // images are never looked at (ruling lines and text are), and decoding them is the costliest
    // thing getOperatorList can do (a seal or logo on a table page; a hostile 20000x20000 image
    // would decode to gigabytes): 0 makes pdfjs drop every image instead of decoding it
    maxImageSize: 0,
  });
  try {
    const doc = await task.promise;
    skipFontFaces(doc);
    return doc;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw err;
  }
}

/**
 * The main-thread half of pdfjs would install each font it receives as a CSS font face (base64
 * of the whole font program, a DOM that Node lacks, then a fallback round trip to the worker).
 * Text and operator lists never need it: make the document's font loader do nothing. If a pdfjs
 * version hides the loader elsewhere, the reading stays right and only gets slower.
 */
function skipFontFaces(doc: PdfDocument): void {
  const transport = (doc as unknown as { _transport?: { fontLoader?: { bind?: unknown } } })._transport;
  if (transport?.fontLoader && typeof transport.fontLoader.bind === 'function') transport.fontLoader.bind = async () => undefined;
}

/** The OPS table (operator ids) of the loaded pdfjs. */
export async function operatorIds(): Promise<Pdfjs['OPS']> {
  return (await loadPdfjs()).OPS;
}
