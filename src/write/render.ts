/**
 * A record rendered once into every output it feeds: its JSONL line, its reports.csv row, its
 * cells.csv rows, and the few fields the summary counts. Workers render the records they make, so
 * the runner only moves strings (no parsing, no re-serialising) and the final files are byte copies.
 */
import { allCanonicalKeys } from '../layout/spec.ts';
import type { XxgkRecord } from '../record/schema.ts';
import { csvRow } from './csv.ts';
import { cellRows, wideRow } from './rows.ts';

/** What the summary needs of a record. */
export interface RecordHead {
  file: string;
  status: XxgkRecord['status'];
  format: string;
  template: string | null;
  codes: string[];
  sha256: string | null;
}

export interface Rendered {
  head: RecordHead;
  /** the JSONL line, with its newline */
  line: string;
  /** the reports.csv row, CRLF-terminated */
  wide: string;
  /** the cells.csv rows, each CRLF-terminated ('' when the record has no cells) */
  cells: string;
}

let keys: readonly string[] | null = null;

export function renderRecord(record: XxgkRecord): Rendered {
  keys ??= allCanonicalKeys();
  return {
    head: {
      file: record.file,
      status: record.status,
      format: record.format,
      template: record.report.template,
      codes: [...new Set(record.issues.map((i) => i.code))],
      sha256: record.sha256,
    },
    line: JSON.stringify(record) + '\n',
    wide: csvRow(wideRow(record, keys)),
    cells: cellRows(record).map(csvRow).join(''),
  };
}
