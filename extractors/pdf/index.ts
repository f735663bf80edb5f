/**
 * The PDF reader: bytes → paragraphs and grids, page by page, with coded problems for files it
 * cannot read (encrypted, corrupt, scans and fonts without ToUnicode, too many pages).
 * Knows nothing about reports.
 */
import type { Block, Reader, ReaderProblem, SourceDoc } from '../model.ts';
import { openDocument, operatorIds, type PdfDocument } from './load.ts';
import type { OpIds } from './operators.ts';
import { readPage } from './page.ts';

/** Below this many characters of text a page (on average) the document is a scan. */
const MIN_CHARS_PER_PAGE = 10;
/** Above this share of garbage characters the text layer is unusable. */
const MAX_GARBAGE_SHARE = 0.3;

export const readPdf: Reader = async (bytes, limits) => {
  const problems: ReaderProblem[] = [];
  let title: string | undefined;
  const result = (blocks: Block[], pages?: number): SourceDoc => ({ format: 'pdf', blocks, pages, title, problems });
  let doc: PdfDocument;
  try {
    doc = await openDocument(bytes);
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e?.name === 'PasswordException') problems.push({ code: 'encrypted', message: 'the PDF needs a password to open' });
    else problems.push({ code: 'corrupt', message: `the PDF cannot be opened: ${e?.message ?? String(err)}` });
    return result([]);
  }
  const blocks: Block[] = [];
  let chars = 0, garbage = 0, pagesRead = 0;
  const textless: number[] = [];
  try {
    const ops = (await operatorIds()) as unknown as OpIds;
    title = await documentTitle(doc);
    const total = doc.numPages;
    const last = Math.min(total, Math.max(0, limits.maxPdfPages));
    if (total > last) {
      problems.push({ code: 'partial_read', message: `the PDF has ${total} pages; read the first ${last} (page limit)` });
    }
    let afterTable = false;
    for (let n = 1; n <= last; n++) {
      let page;
      try {
        page = await doc.getPage(n);
        const read = await readPage(page, n, ops, afterTable);
        afterTable = read.tableAtFoot;
        blocks.push(...read.blocks);
        chars += read.signals.chars;
        if (read.signals.chars === 0) textless.push(n);
        garbage += read.signals.garbage;
        pagesRead++;
      } catch (err) {
        afterTable = false;
        problems.push({ code: 'partial_read', message: `page ${n} could not be read: ${(err as Error)?.message ?? String(err)}`, place: { page: n } });
      } finally {
        page?.cleanup();
      }
    }
    if (pagesRead === 0 && last > 0) {
      problems.push({ code: 'corrupt', message: 'no page of the PDF could be read' });
    } else if (pagesRead > 0 && chars < MIN_CHARS_PER_PAGE * pagesRead) {
      problems.push({ code: 'needs_ocr', message: `the PDF has almost no text layer (${chars} characters on ${pagesRead} pages): a scan?` });
    } else if (chars > 0 && garbage / chars > MAX_GARBAGE_SHARE) {
      problems.push({ code: 'needs_ocr', message: `${Math.round((100 * garbage) / chars)}% of the text is not text (fonts without ToUnicode?)` });
      return result([], total); // text that is not text would only mislead
    }
    // pages without any text in a document that has text: scanned pages (or blank ones)
    if (!problems.some((p) => p.code === 'needs_ocr')) {
      for (const n of textless) problems.push({ code: 'partial_read', message: `page ${n} has no text layer (a scanned or blank page): not read`, place: { page: n } });
    }
    return result(blocks, total);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
};

/** The Info dictionary's Title, when it says something. */
async function documentTitle(doc: PdfDocument): Promise<string | undefined> {
  try {
    const { info } = await doc.getMetadata();
    const t = (info as { Title?: unknown } | undefined)?.Title;
    return typeof t === 'string' && t.trim() ? t.trim() : undefined;
  } catch {
    return undefined;
  }
}
