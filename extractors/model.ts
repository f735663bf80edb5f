/**
 * The document model every reader produces: paragraphs and grids of cells, in reading order.
 *
 * Readers know formats, never reports: they turn bytes into this model faithfully and nothing
 * more. Everything about the reports themselves lives in src/
 */

/** Formats the sniffer can name. `unknown` covers everything we do not read. */
export type Format = 'text' | 'html' | 'docx' | 'pdf' | 'doc' | 'xls' | 'xlsx' | 'image' | 'archive' | 'empty' | 'unknown';

/** Where a piece of content was found. Page numbers are 1-based; bbox is [x0, y0, x1, y1] in PDF user space points, origin top-left of the page. */
export interface Place {
  page?: number;
  bbox?: [number, number, number, number];
}

/**
 * One slot of an expanded grid. A merged cell fills rowSpan × colSpan slots; the top-left slot
 * is the origin (`covered: false`), the others are `covered: true` and point back to it with
 * `origin`. Covered slots repeat the origin's text so that a row can be read on its own, but a
 * value must only be taken from an origin slot.
 */
export interface GridCell {
  text: string;
  covered: boolean;
  /** [row, col] of the origin slot of this cell within the same grid */
  origin: [number, number];
  rowSpan: number;
  colSpan: number;
  place?: Place;
}

export interface Grid {
  kind: 'grid';
  /**
   * rows × columns. When `aligned` is true every row has `width` slots and slot c of every row
   * lies under the same column. When false (text dumps, where spans are lost) rows are ragged:
   * each row lists just the cells it printed, in order, and columns must be inferred.
   */
  rows: GridCell[][];
  width: number;
  aligned: boolean;
  /** e.g. "table 3" (HTML/DOCX) or "page 4 table 1" (PDF), for provenance */
  label: string;
  /** pages this grid spans, when the format has pages */
  pages?: number[];
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  place?: Place;
}

export type Block = Paragraph | Grid;

/** A problem a reader met; codes are stable, messages are for people. */
export interface ReaderProblem {
  code: ReaderProblemCode;
  message: string;
  place?: Place;
}

export type ReaderProblemCode =
  | 'encoding_guessed'    // charset was not declared (or was wrong) and had to be detected
  | 'encrypted'           // the file is password protected
  | 'corrupt'             // the container or its parts cannot be parsed
  | 'needs_ocr'           // no usable text layer (scan) or text that is not text (fonts without ToUnicode)
  | 'too_large'           // over a configured size/depth/inflation limit
  | 'partial_read'        // some parts could not be read, the rest was
  | 'unsupported';        // a format we recognise but do not read

export interface SourceDoc {
  format: Format;
  blocks: Block[];
  /** page count for paged formats */
  pages?: number;
  /** charset the bytes were decoded with, for text formats */
  encoding?: string;
  /** document title where the format carries one (HTML <title>, DOCX core properties) */
  title?: string;
  problems: ReaderProblem[];
}

/** Settings readers may consult. Resolved once by the caller and passed down read-only. */
export interface ReaderLimits {
  /** refuse to inflate more than this many bytes out of a zip part (DOCX) */
  maxInflatedBytes: number;
  /** refuse HTML nested deeper than this */
  maxHtmlDepth: number;
  /** stop reading a PDF after this many pages */
  maxPdfPages: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = {
  maxInflatedBytes: 64 * 1024 * 1024,
  maxHtmlDepth: 2000,
  maxPdfPages: 200,
};

/** A reader: bytes in, document model out. Problems are returned, not thrown, where the reader can tell. */
export type Reader = (bytes: Uint8Array, limits: ReaderLimits) => Promise<SourceDoc>;
