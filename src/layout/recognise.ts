/**
 * Recognise 表二/表三/表四 in the row stream by their Chinese labels, decide each table's layout
 * version from what it prints, and read every value cell with its provenance.
 *
 * Values are mapped to columns by order when a row prints exactly as many value cells as the
 * table has columns (robust to colspans that differ between header and body), else by the
 * header's slot positions when the grid is aligned, else the row is flagged and not taken.
 */
import { issue, type Issue } from '../issues.ts';
import type { Provenance } from '../record/schema.ts';
import { declaredMoneyUnit, parseCell } from '../text/numbers.ts';
import { matchColumnLabel, matchRowLabel } from './match.ts';
import { splitRow, streamRows, type GridRow, type RowParts, type StreamCell, type StreamRow } from './rows.ts';
import { TEMPLATES, type SpecColumn, type SpecRow, type SpecTable } from './spec.ts';
import type { SourceDoc } from '../../extractors/model.ts';
import { SECTION } from '../text/meta.ts';
import { isApplicationsHeaderCell, isLegalPersonGroup, isReviewHeader, isReviewLeafHeader } from '../text/labels.ts';

export type Version = '2019' | '2021';
export type TableId = 'active' | 'applications' | 'reviewLitigation';

export interface FoundCell {
  value: number | null;
  prov: Provenance;
}

export interface Recognised {
  versions: Record<TableId, Version | null>;
  /** canonical key → value with provenance */
  values: Map<string, FoundCell>;
  /** values printed on group rows of 表三 (subtotals some reports add), "denied.total" etc. */
  groupSubtotals: Map<string, FoundCell>;
  issues: Issue[];
}

const tablesOf = (v: Version): SpecTable[] => TEMPLATES.versions[v].tables;
const table = (v: Version, id: string) => tablesOf(v).find((t) => t.id === id)!;
// the layouts' tables, rows and columns, looked up once per process
const ACTIVE_TABLES: Record<Version, SpecTable[]> = {
  '2019': tablesOf('2019').filter((t) => t.id.startsWith('activeDisclosure.')),
  '2021': tablesOf('2021').filter((t) => t.id.startsWith('activeDisclosure.')),
};
const ACTIVE_IDS = (v: Version) => ACTIVE_TABLES[v];
const ACTIVE_COLUMNS: Record<Version, SpecColumn[]> = {
  '2019': ACTIVE_TABLES['2019'].flatMap((t) => t.columns),
  '2021': ACTIVE_TABLES['2021'].flatMap((t) => t.columns),
};
const ACTIVE_ROWS: SpecRow[] = [...new Map([...ACTIVE_TABLES['2019'], ...ACTIVE_TABLES['2021']].flatMap((t) => t.rows).map((r) => [r.id, r] as const)).values()];
const APP_ROWS: SpecRow[] = [...new Map([...table('2021', 'applications').rows, ...table('2019', 'applications').rows].map((r) => [r.id, r] as const)).values()];
const APP_GROUP_ROWS: SpecRow[] = APP_ROWS.filter((s) => !s.dataRow || s.id === 'other');
const APP_COLUMNS: SpecColumn[] = table('2021', 'applications').columns;

/** Money columns read in 万元, whatever unit the cell prints. */
/** Does the current 表二 header describe this sub-table's columns? */
const headerCovers = (h: HeaderSlots | null, t: SpecTable): boolean => [...(h?.slots.keys() ?? [])].some((id) => t.columns.some((c) => c.id === id));

const unitOf = (col: SpecColumn): string | null => (col.type === 'money' || col.unit === '万元' ? '万元' : (col.unit ?? null));

interface HeaderSlots {
  grid: GridRow['grid'];
  /** column id → slot column, for aligned grids */
  slots: Map<string, number>;
  /** column id → money unit its header declares */
  units?: Map<string, string>;
}

export function recognise(doc: SourceDoc): Recognised {
  const rows = streamRows(doc);
  return new Recogniser(rows).run();
}

class Recogniser {
  private section: TableId | null = null;
  private issues: Issue[] = [];
  private values = new Map<string, FoundCell>();
  private groupSubtotals = new Map<string, FoundCell>();
  // 表二
  private activeHeaderVersion: Version | null = null;
  private previousWasActiveHeader = false;
  private activeHeaderSlots: HeaderSlots | null = null;
  private activeVersions: Version[] = [];
  private activeRowsSeen = new Set<string>();
  private activeCells = new Map<string, { version: Version; subtable: string; cell: FoundCell }>();
  // 表三
  private appHeader: HeaderSlots | null = null;
  private appGroup: string | null = null;
  private appRows = new Map<string, Map<string, FoundCell>>();
  private appRowHasValues = new Set<string>();
  private appSeenAny = false;
  // 表四
  private reviewHeaderSeen = false;
  private reviewHeader: HeaderSlots | null = null;
  private reviewTaken = false;
  private reviewFound = false;

  constructor(private rows: StreamRow[]) {}

  run(): Recognised {
    for (const row of this.rows) {
      if (row.kind === 'para') this.onParagraph(row.norm);
      else this.onRow(row);
    }
    return this.finish();
  }

  private onParagraph(norm: string): void {
    const s = SECTION.exec(norm)?.groups;
    if (!s) return;
    if (s.active) this.section = 'active';
    else if (s.applications) this.section = 'applications';
    else if (s.review) this.section = 'reviewLitigation';
    else if (s.end) this.section = null;
  }

  private onRow(row: GridRow): void {
    if (!row.cells.some((c) => c.norm)) {
      if (this.section === 'reviewLitigation' && this.reviewHeaderSeen) this.tryReviewRow(row, row.cells, []);
      return;
    }
    const joined = row.cells.map((c) => c.norm).join('|');
    // section headings that are printed inside the table grid
    if (row.cells.filter((c) => c.norm).length === 1) this.onParagraph(row.cells.find((c) => c.norm)!.norm);
    if (isReviewHeader(joined)) {
      this.section = 'reviewLitigation';
      this.reviewHeaderSeen = true;
      this.reviewFound = true;
      if (this.reviewHeader?.grid !== row.grid) this.reviewHeader = { grid: row.grid, slots: new Map() };
      this.recordReviewLeaves(row);
      return;
    }
    const parts = splitRow(row);
    const afterHeader = this.previousWasActiveHeader;
    this.previousWasActiveHeader = false;
    if (this.tryActiveHeader(row, parts)) {
      this.previousWasActiveHeader = true;
      return;
    }
    // a mirror that dropped the 规章 label still prints its numbers right under the (一) header
    if (!parts.labels.length && afterHeader && this.section === 'active' && !this.activeRowsSeen.has('regulations') &&
        ['made', 'newlyMade'].some((id) => this.activeHeaderSlots?.slots.has(id)) && parts.values.some((c) => c.norm)) {
      this.issues.push(issue('row_unmatched', 'info', 'a 表二 row without a label, right under the 第二十条第（一）项 header, read as 规章', 'active.regulations'));
      this.takeActiveRow(row, 'regulations', '', parts.values);
      return;
    }
    if (this.tryApplicationsHeader(row, parts)) return;
    const last = parts.labels.at(-1);
    if (last && this.tryActiveRow(row, parts.labels, parts.values)) return;
    if (last && this.tryApplicationsRow(row, parts.labels, parts.values)) return;
    if (this.section === 'reviewLitigation' && this.reviewHeaderSeen) this.tryReviewRow(row, parts.values, parts.labels);
  }

  // ---------- 表二 ----------

  private tryActiveHeader(row: GridRow, parts: RowParts): boolean {
    const found: { version: Version; col: SpecColumn; cell: StreamCell }[] = [];
    for (const cell of row.cells) {
      if (!cell.norm || cell.covered) continue;
      for (const v of ['2021', '2019'] as Version[]) {
        const col = matchColumnLabel(cell.norm, ACTIVE_COLUMNS[v]);
        if (col) found.push({ version: v, col, cell });
      }
    }
    if (!found.length) return false;
    // a header row holds column labels and nothing that reads as a value
    if (parts.values.some((c) => c.norm)) return false;
    const score = (v: Version) => new Set(found.filter((f) => f.version === v).map((f) => f.cell.col)).size;
    const only = (v: Version) => found.filter((f) => f.version === v && !found.some((g) => g.version !== v && g.cell === f.cell)).length;
    const version: Version = only('2019') > only('2021') ? '2019' : only('2021') > only('2019') ? '2021' : score('2019') > score('2021') ? '2019' : '2021';
    this.activeHeaderVersion = version;
    const slots = new Map<string, number>();
    const units = new Map<string, string>();
    for (const f of found) {
      if (f.version !== version || slots.has(f.col.id)) continue;
      slots.set(f.col.id, f.cell.col);
      const unit = declaredMoneyUnit(f.cell.norm);
      if (unit) units.set(f.col.id, unit);
    }
    this.activeHeaderSlots = { grid: row.grid, slots, units };
    this.section = 'active';
    return true;
  }

  private tryActiveRow(row: GridRow, labels: StreamCell[], values: StreamCell[]): boolean {
    if (this.section !== 'active' && this.section !== null) return false;
    const last = labels.at(-1)!;
    const m = matchRowLabel(last.norm, ACTIVE_ROWS, null);
    if (!m || m.via === 'numbering') return false;
    if (!values.length) return false;
    this.section = 'active';
    this.takeActiveRow(row, m.spec.id, last.text, values);
    return true;
  }

  /** Read a 表二 row whose row id is known. */
  private takeActiveRow(row: GridRow, rowId: string, labelText: string, values: StreamCell[]): void {
    if (this.activeRowsSeen.has(rowId)) {
      this.issues.push(issue('row_duplicate', 'info', `表二 row ${rowId} appears again; the first was kept`, `active.${rowId}`));
      return;
    }
    this.activeRowsSeen.add(rowId);
    // which version's columns: the header's when it has columns for this row, else the value count
    const versionsWithRow = (['2021', '2019'] as Version[]).filter((v) => ACTIVE_IDS(v).some((t) => t.rows.some((r) => r.id === rowId)));
    let version: Version | null = null;
    const hv = this.activeHeaderVersion;
    if (hv && versionsWithRow.includes(hv)) {
      const t = ACTIVE_IDS(hv).find((t) => t.rows.some((r) => r.id === rowId))!;
      if (headerCovers(this.activeHeaderSlots, t) || t.columns.length === values.length) version = hv;
    }
    if (!version) {
      const byCount = versionsWithRow.filter((v) => ACTIVE_IDS(v).find((t) => t.rows.some((r) => r.id === rowId))!.columns.length === values.length);
      version = byCount.length === 1 ? byCount[0] : (hv && versionsWithRow.includes(hv) ? hv : versionsWithRow[0]);
    }
    const sub = ACTIVE_IDS(version).find((t) => t.rows.some((r) => r.id === rowId))!;
    this.activeVersions.push(version);
    const mapped = this.mapValues(row, values, sub.columns.map((c) => c.id), this.activeHeaderSlots, `active.${rowId}`);
    if (!mapped) return;
    for (const col of sub.columns) {
      const cell = mapped.get(col.id);
      if (!cell) continue;
      const bare = headerCovers(this.activeHeaderSlots, sub) ? (this.activeHeaderSlots?.units?.get(col.id) ?? null) : null;
      const found = this.readCell(row, cell, unitOf(col), labelText, col.label, `active.${rowId}.${col.id}`, bare);
      this.activeCells.set(`${rowId}.${col.id}`, { version, subtable: sub.id, cell: found });
    }
  }

  // ---------- 表三 ----------

  private appSpecs(): SpecRow[] {
    return APP_ROWS;
  }

  private appColumns(): SpecColumn[] {
    return APP_COLUMNS;
  }

  private tryApplicationsHeader(row: GridRow, parts: RowParts): boolean {
    if (row.cells.some((c) => isApplicationsHeaderCell(c.norm))) {
      this.enterApplications(row);
      this.recordAppHeaderSlots(row);
      return true;
    }
    const cols = row.cells.map((c) => (c.norm && !c.covered ? matchColumnLabel(c.norm, this.appColumns()) : null));
    const distinct = new Set(cols.filter(Boolean).map((c) => c!.id));
    if (distinct.size >= 3 && !parts.values.some((c) => c.norm)) {
      this.enterApplications(row);
      this.recordAppHeaderSlots(row);
      return true;
    }
    return false;
  }

  private enterApplications(row: GridRow): void {
    this.section = 'applications';
    this.appSeenAny = true;
    if (this.appHeader?.grid !== row.grid) this.appHeader = { grid: row.grid, slots: new Map() };
  }

  /** Header cells may be split over rows ("商业" / "企业"): combine texts per slot column. */
  private recordAppHeaderSlots(row: GridRow): void {
    const header = this.appHeader!;
    for (const cell of row.cells) {
      if (!cell.norm) continue;
      const col = matchColumnLabel(cell.norm, this.appColumns());
      if (col && !(col.id === 'otherOrg' && isLegalPersonGroup(cell.norm))) header.slots.set(col.id, cell.col);
    }
  }

  private tryApplicationsRow(row: GridRow, labels: StreamCell[], values: StreamCell[]): boolean {
    if (this.section === 'reviewLitigation' && this.reviewHeaderSeen) return false;
    const specs = this.appSpecs();
    // group context from the row's own outer label cells (merged group labels), else the last group seen
    let group = this.appGroup;
    for (const l of labels.slice(0, -1)) {
      const g = matchRowLabel(l.norm, APP_GROUP_ROWS, null);
      if (g) group = g.spec.id === 'results' ? (group ?? 'results') : g.spec.id;
    }
    const last = labels.at(-1)!;
    const m = matchRowLabel(last.norm, specs, group);
    if (!m) {
      if (this.section === 'applications' && values.some((v) => v.norm)) {
        this.issues.push(issue('row_unmatched', 'warning', `表三 row "${last.text.replace(/\s+/g, ' ')}" matches no row of the layout; not taken`, 'applications'));
        return true;
      }
      return false;
    }
    if (m.via !== 'fragment' && this.section !== 'applications') return false;
    const spec = m.spec;
    if (this.section !== 'applications') {
      // a 表三 row outside 表三 (no header seen): accept only strong, specific labels
      if (!this.appSeenAny && m.spec.match.every((f) => f.length < 3)) return false;
      this.section = 'applications';
      this.appSeenAny = true;
    }
    // group bookkeeping
    if (!spec.dataRow || spec.id === 'other') this.appGroup = spec.id;
    else if (spec.parent === 'results' || spec.parent === null) this.appGroup = spec.parent === 'results' ? 'results' : null;
    else this.appGroup = spec.parent;
    if (!values.length) return true;
    const key = spec.id;
    if (this.appRows.has(key)) {
      this.issues.push(issue('row_duplicate', 'info', `表三 row ${key} appears again; the first was kept`, `applications.${key}`));
      return true;
    }
    const order = this.appColumns().map((c) => c.id);
    const mapped = this.mapValues(row, values, order, this.appHeader, `applications.${key}`);
    if (!mapped) return true;
    const cells = new Map<string, FoundCell>();
    for (const col of this.appColumns()) {
      const cell = mapped.get(col.id);
      if (cell) cells.set(col.id, this.readCell(row, cell, null, last.text, col.label, `applications.${key}.${col.id}`));
    }
    this.appRows.set(key, cells);
    if (values.length) this.appRowHasValues.add(key);
    return true;
  }

  // ---------- 表四 ----------

  /** 表四's leaf headers (结果维持 … 总计, three times) give the slot of each of the 15 columns. */
  private readonly reviewLeafCols = new Set<number>();

  private recordReviewLeaves(row: GridRow): void {
    for (const cell of row.cells) if (!cell.covered && isReviewLeafHeader(cell.norm)) this.reviewLeafCols.add(cell.col);
    const cols = [...this.reviewLeafCols].sort((a, b) => a - b);
    if (cols.length === 15 && this.reviewHeader) {
      const ids = table('2021', 'reviewLitigation').columns.map((c) => c.id);
      this.reviewHeader.slots = new Map(ids.map((id, i) => [id, cols[i]]));
    }
  }

  private tryReviewRow(row: GridRow, values: StreamCell[], labels: StreamCell[]): void {
    if (values.length < 5) return;
    const keys = table('2021', 'reviewLitigation').columns;
    const allBlank = values.every((v) => !v.norm);
    if (this.reviewTaken && allBlank) return;
    if (this.reviewTaken && !this.reviewWasBlank()) return;
    const mapped = this.mapValues(row, values, keys.map((c) => c.id), this.reviewHeader, 'reviewLitigation');
    if (!mapped) return;
    for (const col of keys) {
      const cell = mapped.get(col.id);
      if (!cell) continue;
      const k = `reviewLitigation.${col.id}`;
      this.values.set(k, this.readCell(row, cell, null, labels.at(-1)?.text ?? '', col.label, k));
    }
    this.reviewTaken = true;
  }

  private reviewWasBlank(): boolean {
    return [...this.values.entries()].filter(([k]) => k.startsWith('reviewLitigation.')).every(([, v]) => v.prov.kind === 'blank');
  }

  // ---------- shared ----------

  /** Assign value cells to column ids: by order when the count fits, else by header slots. */
  private mapValues(row: GridRow, values: StreamCell[], order: string[], header: HeaderSlots | null, where: string): Map<string, StreamCell> | null {
    const out = new Map<string, StreamCell>();
    // trailing empty cells (padding, gridAfter, "| ||" in text dumps) carry nothing: drop them to fit
    if (values.length > order.length && values.slice(order.length).every((c) => !c.norm) && !(row.grid.aligned && header?.grid === row.grid && header.slots.size === order.length)) {
      values = values.slice(0, order.length);
    }
    // … and so do leading ones (an empty corner cell under a header that has none)
    if (values.length > order.length && values.slice(0, values.length - order.length).every((c) => !c.norm)) {
      values = values.slice(values.length - order.length);
    }
    if (values.length === order.length) {
      order.forEach((id, i) => out.set(id, values[i]));
      return out;
    }
    if (row.grid.aligned && header && header.slots.size === order.length && header.grid.width === row.grid.width) {
      const byCol = new Map(row.cells.map((c) => [c.col, c]));
      let ok = true;
      for (const id of order) {
        const cell = byCol.get(header.slots.get(id)!);
        if (!cell) ok = false;
        else out.set(id, cell);
      }
      if (ok) return out;
    }
    this.issues.push(issue('value_count_mismatch', 'error', `printed ${values.length} value cells where the layout has ${order.length}; row not taken`, where));
    return null;
  }

  private readCell(row: GridRow, cell: StreamCell, unit: string | null, rowLabel: string, colLabel: string, key: string, bareUnit: string | null = null): FoundCell {
    const parsed = cell.covered ? { kind: 'blank' as const, value: null } : parseCell(cell.text, unit, bareUnit);
    if (parsed.kind === 'unparsed') this.issues.push(issue('value_unparsed', 'warning', `"${cell.text}" is not a number; kept as null`, key));
    if (parsed.unitFactor !== undefined) this.issues.push(issue('unit_converted', 'info', `"${cell.text}"${bareUnit ? ` (header unit ${bareUnit})` : ''} converted to 万元`, key));
    const prov: Provenance = {
      raw: cell.text,
      kind: parsed.kind,
      grid: row.grid.label,
      row: row.r,
      col: cell.col,
      rowLabel: rowLabel.replace(/\s+/g, ''),
      colLabel,
    };
    if (cell.place?.page !== undefined) prov.page = cell.place.page;
    if (cell.place?.bbox) prov.bbox = cell.place.bbox;
    if (parsed.unitFactor !== undefined) prov.unitFactor = parsed.unitFactor;
    return { value: parsed.value, prov };
  }

  private finish(): Recognised {
    // 表二: one version for the table, the one most of its sub-tables follow
    let active: Version | null = null;
    if (this.activeCells.size || this.activeVersions.length) {
      const n21 = this.activeVersions.filter((v) => v === '2021').length;
      const n19 = this.activeVersions.length - n21;
      active = n19 > n21 ? '2019' : '2021';
      for (const [k, { version, cell }] of this.activeCells) {
        if (version === active) this.values.set(`active.${k}`, cell);
        else this.issues.push(issue('row_unmatched', 'warning', `表二 row ${k} follows the ${version} layout in a ${active} table; not taken`, `active.${k}`));
      }
    }
    // 表三: 2021 splits (六)其他处理 into three rows; 2019 prints its numbers on one row
    let applications: Version | null = null;
    if (this.appRows.size || this.appSeenAny) {
      const has2021Rows = ['other.noCorrection', 'other.unpaidFee', 'other.otherReasons'].some((k) => this.appRows.has(k));
      applications = has2021Rows ? '2021' : this.appRows.has('other') ? '2019' : (active ?? '2021');
      const t = table(applications, 'applications');
      for (const [rowId, cells] of this.appRows) {
        const spec = t.rows.find((r) => r.id === rowId);
        for (const [colId, cell] of cells) {
          if (spec?.dataRow) this.values.set(`applications.${rowId}.${colId}`, cell);
          else this.groupSubtotals.set(`${rowId}.${colId}`, cell);
        }
      }
      for (const id of t.dataRowOrder ?? []) {
        if (!this.appRows.has(id)) this.issues.push(issue('row_missing', 'warning', `表三 row ${id} was not found`, `applications.${id}`));
      }
    }
    const reviewLitigation: Version | null = this.reviewTaken || this.reviewFound ? (active ?? applications ?? '2021') : null;
    if (this.reviewFound && !this.reviewTaken) this.issues.push(issue('row_missing', 'warning', '表四 header found but no row of 15 values under it', 'reviewLitigation'));
    return { versions: { active, applications, reviewLitigation }, values: this.values, groupSubtotals: this.groupSubtotals, issues: this.issues };
  }
}

