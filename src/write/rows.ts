/**
 * Records → table rows: the wide reports.csv (one row per file, one column per canonical key) and
 * the long cells.csv (one row per value found). Pure functions of records.
 */
import { allCanonicalKeys } from '../layout/spec.ts';
import type { ValueTree, XxgkRecord } from '../record/schema.ts';
import type { CsvValue } from './csv.ts';

const GROUPS = ['active', 'applications', 'reviewLitigation'] as const;

/** The value of a canonical key ("applications.granted.total") in a record; null when absent. */
export function valueAt(record: XxgkRecord, key: string): number | null {
  const parts = key.split('.');
  const group = parts.shift() as (typeof GROUPS)[number];
  if (!GROUPS.includes(group)) return null;
  let node: number | null | ValueTree | undefined = record[group];
  for (const p of parts) {
    if (node === null || node === undefined || typeof node !== 'object') return null;
    node = node[p];
  }
  return typeof node === 'number' ? node : null;
}

/** Columns of reports.csv before the canonical keys. */
export const WIDE_META_COLUMNS = [
  'file', 'status', 'issues', 'format', 'agency', 'year', 'template',
  'active_template', 'applications_template', 'reviewLitigation_template',
  'title', 'sha256', 'bytes', 'ms', 'tool_version',
] as const;

export function wideHeader(keys: readonly string[] = allCanonicalKeys()): string[] {
  return [...WIDE_META_COLUMNS, ...keys];
}

/** Issue codes of a record, each once, in order of first appearance, joined with ";". */
export function issueCodes(record: XxgkRecord): string {
  return [...new Set(record.issues.map((i) => i.code))].join(';');
}

export function wideRow(record: XxgkRecord, keys: readonly string[] = allCanonicalKeys()): CsvValue[] {
  const r = record.report;
  return [
    record.file, record.status, issueCodes(record), record.format, r.agency, r.year, r.template,
    r.tables.active, r.tables.applications, r.tables.reviewLitigation,
    r.title, record.sha256, record.bytes, record.ms === null ? null : Math.round(record.ms), record.tool.version,
    ...keys.map((k) => valueAt(record, k)),
  ];
}

export const CELLS_HEADER = ['file', 'key', 'value', 'raw', 'kind', 'grid', 'row', 'col', 'page', 'bbox', 'row_label', 'col_label', 'unit_factor'] as const;

/** One row per provenance entry of the record (record.cells), in canonical-key order where known. */
let keyOrder: Map<string, number> | null = null;

export function cellRows(record: XxgkRecord): CsvValue[][] {
  const order = (keyOrder ??= new Map(allCanonicalKeys().map((k, i) => [k, i])));
  const keys = Object.keys(record.cells).sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => {
    const c = record.cells[key];
    return [
      record.file, key, valueAt(record, key), c.raw, c.kind, c.grid, c.row, c.col, c.page ?? null,
      c.bbox ? c.bbox.join(' ') : null, c.rowLabel, c.colLabel, c.unitFactor ?? null,
    ];
  });
}
