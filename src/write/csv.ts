/**
 * CSV as Excel and every CSV reader expect it: RFC 4180 quoting, CRLF line ends, UTF-8 with a
 * byte order mark (so Excel opens Chinese text without mojibake). Pure functions.
 */

/** The UTF-8 byte order mark, written once at the start of every CSV file. */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/** One field: null/undefined → empty; quoted when it holds a comma, quote, CR or LF (quotes doubled). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row, CRLF-terminated. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** A whole CSV document (BOM, header, rows) as one string: for small outputs and tests. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = BOM + csvRow(header);
  for (const r of rows) out += csvRow(r);
  return out;
}
