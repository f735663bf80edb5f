/**
 * 表三 收到和处理政府信息公开申请: 25 rows (2021) or 23 (2019) × 7 applicant columns. Rows match
 * by label within their group (（三）不予公开, （四）无法提供 …); the version follows from
 * （六）其他处理: one row with numbers in 2019, three sub-rows in 2021.
 */
import { issue } from '../issues.ts';
import { isApplicationsHeaderCell, isLegalPersonGroup } from '../text/labels.ts';
import { matchColumnLabel, matchRowLabel } from './match.ts';
import { APP_COLUMNS, APP_ROWS, layoutTable, type FoundCell, type HeaderSlots, type Reading, type Version } from './reading.ts';
import type { GridRow, RowParts } from './rows.ts';

const GROUP_ROWS = APP_ROWS.filter((s) => !s.dataRow || s.id === 'other');
const ORDER = APP_COLUMNS.map((c) => c.id);

export class ApplicationsTable {
  private header: HeaderSlots | null = null;
  private group: string | null = null;
  private rows = new Map<string, Map<string, FoundCell>>();
  private seen = false;

  constructor(private readonly r: Reading) {}

  /** 申请人情况 / 法人或其他组织, or three applicant columns in a row without values. */
  tryHeader(row: GridRow, parts: RowParts): boolean {
    const obvious = row.cells.some((c) => isApplicationsHeaderCell(c.norm));
    if (!obvious) {
      const distinct = new Set(row.cells.map((c) => (c.norm && !c.covered ? matchColumnLabel(c.norm, APP_COLUMNS)?.id : undefined)).filter(Boolean));
      if (distinct.size < 3 || parts.values.some((c) => c.norm)) return false;
    }
    this.r.section = 'applications';
    this.seen = true;
    if (this.header?.grid !== row.grid) this.header = { grid: row.grid, slots: new Map() };
    // header cells may be split over rows ("商业" / "企业"): each row adds the slots it names
    for (const cell of row.cells) {
      if (!cell.norm) continue;
      const col = matchColumnLabel(cell.norm, APP_COLUMNS);
      if (col && !(col.id === 'otherOrg' && isLegalPersonGroup(cell.norm))) this.header.slots.set(col.id, cell.col);
    }
    return true;
  }

  tryRow(row: GridRow, parts: RowParts): boolean {
    const { labels, values } = parts;
    const last = labels.at(-1);
    if (!last) return false;
    // group context from the row's own outer label cells (merged group labels), else the last group seen
    let group = this.group;
    for (const l of labels.slice(0, -1)) {
      const g = matchRowLabel(l.norm, GROUP_ROWS, null);
      if (g) group = g.spec.id === 'results' ? (group ?? 'results') : g.spec.id;
    }
    const m = matchRowLabel(last.norm, APP_ROWS, group);
    if (!m) {
      if (this.r.section === 'applications' && values.some((v) => v.norm)) {
        this.r.issues.push(issue('row_unmatched', 'warning', `表三 row "${last.text.replace(/\s+/g, ' ')}" matches no row of the layout; not taken`, 'applications'));
        return true;
      }
      return false;
    }
    if (m.via !== 'fragment' && this.r.section !== 'applications') return false;
    const spec = m.spec;
    if (this.r.section !== 'applications') {
      // a 表三 row outside 表三 (no header seen): accept only strong, specific labels
      if (!this.seen && spec.match.every((f) => f.length < 3)) return false;
      this.r.section = 'applications';
      this.seen = true;
    }
    if (!spec.dataRow || spec.id === 'other') this.group = spec.id;
    else this.group = spec.parent === 'results' ? 'results' : spec.parent;
    if (!values.length) return true;
    if (this.rows.has(spec.id)) {
      this.r.issues.push(issue('row_duplicate', 'info', `表三 row ${spec.id} appears again; the first was kept`, `applications.${spec.id}`));
      return true;
    }
    const mapped = this.r.mapValues(row, values, ORDER, this.header, `applications.${spec.id}`);
    if (!mapped) return true;
    const cells = new Map<string, FoundCell>();
    for (const col of APP_COLUMNS) {
      const cell = mapped.get(col.id);
      if (cell) cells.set(col.id, this.r.readCell(row, cell, null, last.text, col.label, `applications.${spec.id}.${col.id}`));
    }
    this.rows.set(spec.id, cells);
    return true;
  }

  /** Decide the version, put data rows under their keys and group rows aside as subtotals. */
  finish(fallback: Version | null): Version | null {
    if (!this.rows.size && !this.seen) return null;
    const has2021Rows = ['other.noCorrection', 'other.unpaidFee', 'other.otherReasons'].some((k) => this.rows.has(k));
    const version: Version = has2021Rows ? '2021' : this.rows.has('other') ? '2019' : (fallback ?? '2021');
    const t = layoutTable(version, 'applications');
    for (const [rowId, cells] of this.rows) {
      const dataRow = t.rows.find((r) => r.id === rowId)?.dataRow;
      for (const [colId, cell] of cells) {
        if (dataRow) this.r.values.set(`applications.${rowId}.${colId}`, cell);
        else this.r.groupSubtotals.set(`${rowId}.${colId}`, cell);
      }
    }
    for (const id of t.dataRowOrder ?? []) {
      if (!this.rows.has(id)) this.r.issues.push(issue('row_missing', 'warning', `表三 row ${id} was not found`, `applications.${id}`));
    }
    return version;
  }
}
