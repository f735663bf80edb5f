/**
 * The reader registry: one entry per format. Adding a reader is adding a line here.
 */
import type { Format, Reader } from './model.ts';
import { readText } from './text.ts';
import { readHtml } from './html.ts';
import { readDocx } from './docx.ts';
import { readPdf } from './pdf/index.ts';

export const READERS: Partial<Record<Format, Reader>> = {
  text: readText,
  html: readHtml,
  docx: readDocx,
  pdf: readPdf,
};

export { sniffFormat } from './sniff.ts';
export type * from './model.ts';
export { DEFAULT_READER_LIMITS } from './model.ts';
