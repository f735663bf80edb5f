/**
 * Reading a cell as a number. Blank and placeholders stay distinct from 0; units printed in a
 * cell are converted to the column's unit and reported.
 */

export type CellKind = 'number' | 'placeholder' | 'blank' | 'unparsed';

export interface ParsedCell {
  kind: CellKind;
  value: number | null;
  /** factor applied because the cell printed its own unit */
  unitFactor?: number;
}

/** Tokens that mean "nothing here" (whole trimmed cell only). From the layout conventions. */
const PLACEHOLDERS = new Set(['/', '-', '—', '－', '–', '--', '——', '无', '空', '&nbsp;', '\\', '／', '×', '-/-', '没有', '暂无']);

/** Units a cell may print; value in the unit → factor to 元 (money) or 1 (counts). */
const MONEY_UNITS: Record<string, number> = { 亿元: 1e8, 万元: 1e4, 千元: 1e3, 元: 1 };
const COUNT_UNIT_RE = /(件|条|项|个|次|人次|人|篇|份|家|起|宗|批)$/;

/**
 * Parse a cell. `unit` is the column's unit: '万元' for money columns (values converted to 万元),
 * anything else for counts. `bareUnit` is the money unit the column header declares, applied to
 * numbers that print none.
 */
export function parseCell(raw: string, unit: string | null = null, bareUnit: string | null = null): ParsedCell {
  let s = raw.normalize('NFKC').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
  if (s === '') return { kind: 'blank', value: null };
  if (PLACEHOLDERS.has(s) || /^[-—–－/\\]+$/.test(s)) return { kind: 'placeholder', value: null };
  s = s.replace(/^[（(]|[）)]$/g, '');
  let factor = 1;
  let printedUnit: string | null = null;
  for (const [u, f] of Object.entries(MONEY_UNITS)) {
    if (s.endsWith(u)) {
      printedUnit = u;
      s = s.slice(0, -u.length);
      if (unit === '万元') factor = f / 1e4;
      break;
    }
  }
  if (!printedUnit) s = s.replace(COUNT_UNIT_RE, '');
  // a bare number under a header that declares its own money unit ("采购总金额（元）")
  if (!printedUnit && unit === '万元' && bareUnit && MONEY_UNITS[bareUnit] !== undefined) factor = MONEY_UNITS[bareUnit] / 1e4;
  s = s.replace(/[−－–—]/g, '-').replace(/^\+/, '');
  // thousands separators: 1,234 or 1，234 (NFKC turned the fullwidth comma into ',')
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^-?(\d+(\.\d+)?|\.\d+)$/.test(s)) return { kind: 'unparsed', value: null };
  let value = Number(s);
  if (!Number.isFinite(value)) return { kind: 'unparsed', value: null };
  if (factor !== 1) value = Number((value * factor).toPrecision(12));
  return factor !== 1 ? { kind: 'number', value, unitFactor: factor } : { kind: 'number', value };
}

/** Does the cell read as a value cell (a number or a placeholder), as opposed to a label? */
export function looksLikeValue(raw: string): boolean {
  const p = parseCell(raw, '万元');
  return p.kind === 'number' || p.kind === 'placeholder';
}

/** The money unit a header declares: "采购总金额（元）", "金额(单位:万元)" → '元' / '万元'; null when none. */
export function declaredMoneyUnit(headerNorm: string): string | null {
  const m = /(?:单位[:：]?)?(亿元|万元|千元|元)\)?$/.exec(headerNorm.replace(/[)）]$/, ''));
  return m ? m[1] : null;
}
