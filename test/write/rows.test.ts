import { describe, expect, it } from 'vitest';
import { allCanonicalKeys } from '../../src/layout/spec.ts';
import { emptyRecord } from '../../src/record/build.ts';
import type { XxgkRecord } from '../../src/record/schema.ts';
import { renderRecord } from '../../src/write/render.ts';
import { CELLS_HEADER, cellRows, valueAt, WIDE_META_COLUMNS, wideHeader, wideRow } from '../../src/write/rows.ts';

function sample(): XxgkRecord {
  const r = emptyRecord({ file: 'sub/报告.html', sha256: 'ab', bytes: 10, format: 'html', status: 'ok', issues: [] });
  const key = allCanonicalKeys().find((k) => k.startsWith('applications.'))!;
  const [, row, col] = key.split('.');
  r.applications = { [row]: { [col]: 4 } } as XxgkRecord['applications'];
  r.report = { ...r.report, template: '2021', year: 2024, agency: '某某镇人民政府' };
  r.issues = [
    { code: 'identity_failed', severity: 'warning', message: 'x' },
    { code: 'identity_failed', severity: 'warning', message: 'y' },
    { code: 'unit_converted', severity: 'info', message: 'z' },
  ];
  r.cells = { [key]: { raw: '4', kind: 'number', grid: 'table 3', row: 5, col: 2, rowLabel: '（一）自然人', colLabel: '自然人', bbox: [1, 2, 3, 4], page: 2 } };
  return r;
}

describe('rows', () => {
  it('has one wide column per canonical key after the record columns', () => {
    const header = wideHeader();
    expect(header.slice(0, WIDE_META_COLUMNS.length)).toEqual([...WIDE_META_COLUMNS]);
    expect(header.slice(WIDE_META_COLUMNS.length)).toEqual(allCanonicalKeys());
    expect(new Set(header).size).toBe(header.length);
  });

  it('fills a wide row: values where found, null (empty) elsewhere, issue codes once each', () => {
    const r = sample();
    const row = wideRow(r);
    const header = wideHeader();
    const at = (col: string) => row[header.indexOf(col)];
    expect(at('file')).toBe('sub/报告.html');
    expect(at('issues')).toBe('identity_failed;unit_converted');
    expect(at('template')).toBe('2021');
    expect(at('year')).toBe(2024);
    const key = Object.keys(r.cells)[0];
    expect(at(key)).toBe(4);
    expect(row.slice(WIDE_META_COLUMNS.length).filter((v) => v !== null)).toEqual([4]);
  });

  it('reads values by canonical key and gives null for anything absent', () => {
    const r = sample();
    expect(valueAt(r, Object.keys(r.cells)[0])).toBe(4);
    expect(valueAt(r, 'applications.nothing.here')).toBeNull();
    expect(valueAt(r, 'nonsense')).toBeNull();
  });

  it('makes one long row per value found, with its provenance', () => {
    const rows = cellRows(sample());
    expect(rows).toHaveLength(1);
    const byCol = Object.fromEntries(CELLS_HEADER.map((h, i) => [h, rows[0][i]]));
    expect(byCol).toMatchObject({ file: 'sub/报告.html', value: 4, raw: '4', kind: 'number', grid: 'table 3', row: 5, col: 2, page: 2, bbox: '1 2 3 4', row_label: '（一）自然人' });
  });

  it('renders a record into its JSONL line and CSV rows', () => {
    const r = sample();
    const out = renderRecord(r);
    expect(JSON.parse(out.line)).toEqual(r);
    expect(out.line.endsWith('\n')).toBe(true);
    expect(out.wide.endsWith('\r\n')).toBe(true);
    expect(out.cells.split('\r\n').filter(Boolean)).toHaveLength(1);
    expect(out.head).toMatchObject({ file: r.file, status: 'ok', format: 'html', template: '2021', codes: ['identity_failed', 'unit_converted'] });
  });
});
