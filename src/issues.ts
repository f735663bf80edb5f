/**
 * Every coded problem a record can carry. Codes are stable (researchers filter on them); the
 * message is for people. README.md documents each code.
 */
export const ISSUE_CODES = {
  // the file as a whole
  empty_file: 'the file has no bytes',
  unsupported_format: 'a format xxgk does not read (image, archive, spreadsheet, binary …)',
  corrupt_file: 'the file is truncated or its container cannot be parsed',
  encrypted: 'the file is password protected',
  needs_ocr: 'no usable text layer (a scan, or fonts without a text mapping): OCR needed',
  too_large: 'over a size, depth or inflation limit: refused to protect the run',
  timeout: 'reading took longer than the per-file time limit',
  out_of_memory: 'reading would exhaust the worker memory limit',
  worker_crashed: 'the worker reading the file died',
  unreadable: 'the file could not be opened (permissions, vanished, not a regular file)',
  duplicate: 'byte-identical to another file in the run (named in the message)',
  extension_mismatch: 'the extension names another format than the content; the content was used',
  encoding_guessed: 'the charset was undeclared or wrong and was detected from the bytes',
  reader_problem: 'the reader could read only part of the file',
  // is it a report
  not_report: 'no report tables and no report title: a notice, budget or other page',
  blank_template: 'the official template with every value cell empty, and no agency or year',
  pre2019_layout: 'a report from before the 2019 layout: statistics in prose, no standard tables',
  // tables, rows, columns, values
  table_missing: 'one of 表二/表三/表四 was not found',
  row_missing: 'a row of the layout was not found in its table',
  row_unmatched: 'a table row whose label matches no row of the layout (kept out of the values)',
  row_duplicate: 'a layout row appeared twice; the first was kept',
  value_unparsed: 'a cell holds text that is not a number; the value is null',
  value_count_mismatch: 'a row printed a different number of values than its columns; row not taken',
  unit_converted: 'a cell printed its own unit and was converted to the column unit',
  mixed_layout: 'tables follow different layout versions (e.g. a 2021 表二 with a 2019 表三)',
  all_values_blank: 'every value cell of the tables is blank',
  // metadata
  year_missing: 'the year reported on could not be found',
  agency_missing: 'the publishing agency could not be found',
  // checks
  identity_failed: 'an identity (勾稽关系) of the layout does not hold on the printed values',
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;
export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  code: IssueCode;
  severity: Severity;
  message: string;
  /** where in the document, when known: e.g. "applications.granted" or "page 3" */
  where?: string;
}

export function issue(code: IssueCode, severity: Severity, message: string, where?: string): Issue {
  return where === undefined ? { code, severity, message } : { code, severity, message, where };
}
