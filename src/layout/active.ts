/**
 * 表二 主动公开: sub-tables 第二十条第（一）（五）（六）（八）（九）项. Each row label names its
 * sub-table; the columns come from the latest header row, or from the count of values when the
 * header does not describe the row (a wrong column set under a caption is real).
 */
import { issue } from '../issues.ts';
import { declaredMoneyUnit } from '../text/numbers.ts';
import { matchColumnLabel, matchRowLabel } from './match.ts';
import { ACTIVE_COLUMNS, ACTIVE_ROWS, ACTIVE_TABLES, type FoundCell, type HeaderSlots, type Reading, type Version } from './reading.ts';
import type { GridRow, RowParts, StreamCell } from './rows.ts';
import type { SpecColumn, SpecTable } from './spec.ts';

/** Does the current header describe this sub-table's columns? */
const headerCovers = (h: HeaderSlots | null, t: SpecTable): boolean => [...(h?.slots.keys() ?? [])].some((id) => t.columns.some((c) => c.id === id));

/** Money columns are read in 万元, whatever unit the cell prints. */
const unitOf = (col: SpecColumn): string | null => (col.type === 'money' || col.unit === '万元' ? '万元' : (col.unit ?? null));

const subTableOf = (v: Version, rowId: string) => ACTIVE_TABLES[v].find((t) => t.rows.some((r) => r.id === rowId));

export class ActiveTable {
  private headerVersion: Version | null = null;
  private header: HeaderSlots | null = null;
  /** the last header row seen, to recognise the row right under it */
  private headerRow: GridRow | null = null;
  private versions: Version[] = [];
  private rowsSeen = new Set<string>();
  private cells = new Map<string, { version: Version; cell: FoundCell }>();

  constructor(private readonly r: Reading) {}

  /** A row of column labels and no values: remember which version and where each column is. */
  tryHeader(row: GridRow, parts: RowParts): boolean {
    const found: { version: Version; col: SpecColumn; cell: StreamCell }[] = [];
    for (const cell of row.cells) {
      if (!cell.norm || cell.covered) continue;
      for (const v of ['2021', '2019'] as Version[]) {
        const col = matchColumnLabel(cell.norm, ACTIVE_COLUMNS[v]);
        if (col) found.push({ version: v, col, cell });
      }
    }
    if (!found.length || parts.values.some((c) => c.norm)) return false;
    const score = (v: Version) => new Set(found.filter((f) => f.version === v).map((f) => f.cell.col)).size;
    const only = (v: Version) => found.filter((f) => f.version === v && !found.some((g) => g.version !== v && g.cell === f.cell)).length;
    const version: Version = only('2019') > only('2021') ? '2019' : only('2021') > only('2019') ? '2021' : score('2019') > score('2021') ? '2019' : '2021';
    this.headerVersion = version;
    const slots = new Map<string, number>();
    const units = new Map<string, string>();
    for (const f of found) {
      if (f.version !== version || slots.has(f.col.id)) continue;
      slots.set(f.col.id, f.cell.col);
      const unit = declaredMoneyUnit(f.cell.norm);
      if (unit) units.set(f.col.id, unit);
    }
    this.header = { grid: row.grid, slots, units };
    this.headerRow = row;
    this.r.section = 'active';
    return true;
  }

  /** A mirror that dropped the 规章 label still prints its numbers right under the (一) header. */
  tryUnlabelledRegulations(row: GridRow, parts: RowParts, previous: GridRow | null): boolean {
    if (parts.labels.length || previous === null || previous !== this.headerRow || this.r.section !== 'active' || this.rowsSeen.has('regulations')) return false;
    if (!['made', 'newlyMade'].some((id) => this.header?.slots.has(id)) || !parts.values.some((c) => c.norm)) return false;
    this.r.issues.push(issue('row_unmatched', 'info', 'a 表二 row without a label, right under the 第二十条第（一）项 header, read as 规章', 'active.regulations'));
    this.take(row, 'regulations', '', parts.values);
    return true;
  }

  tryRow(row: GridRow, parts: RowParts): boolean {
    if (this.r.section !== 'active' && this.r.section !== null) return false;
    const last = parts.labels.at(-1);
    if (!last || !parts.values.length) return false;
    const m = matchRowLabel(last.norm, ACTIVE_ROWS, null);
    if (!m || m.via === 'numbering') return false;
    this.r.section = 'active';
    this.take(row, m.spec.id, last.text, parts.values);
    return true;
  }

  /** Read a row whose row id is known. */
  private take(row: GridRow, rowId: string, labelText: string, values: StreamCell[]): void {
    if (this.rowsSeen.has(rowId)) {
      this.r.issues.push(issue('row_duplicate', 'info', `表二 row ${rowId} appears again; the first was kept`, `active.${rowId}`));
      return;
    }
    this.rowsSeen.add(rowId);
    // which version's columns: the header's when it describes this row, else the value count
    const withRow = (['2021', '2019'] as Version[]).filter((v) => subTableOf(v, rowId));
    const hv = this.headerVersion;
    let version: Version | null = null;
    if (hv && withRow.includes(hv)) {
      const t = subTableOf(hv, rowId)!;
      if (headerCovers(this.header, t) || t.columns.length === values.length) version = hv;
    }
    if (!version) {
      const byCount = withRow.filter((v) => subTableOf(v, rowId)!.columns.length === values.length);
      version = byCount.length === 1 ? byCount[0] : hv && withRow.includes(hv) ? hv : withRow[0];
    }
    const sub = subTableOf(version, rowId)!;
    this.versions.push(version);
    const mapped = this.r.mapValues(row, values, sub.columns.map((c) => c.id), this.header, `active.${rowId}`);
    if (!mapped) return;
    const covers = headerCovers(this.header, sub);
    for (const col of sub.columns) {
      const cell = mapped.get(col.id);
      if (!cell) continue;
      const bare = covers ? (this.header?.units?.get(col.id) ?? null) : null;
      const found = this.r.readCell(row, cell, unitOf(col), labelText, col.label, `active.${rowId}.${col.id}`, bare);
      this.cells.set(`${rowId}.${col.id}`, { version, cell: found });
    }
  }

  /** One version for the whole table, the one most of its sub-tables follow; its values go in. */
  finish(): Version | null {
    if (!this.cells.size && !this.versions.length) return null;
    const n21 = this.versions.filter((v) => v === '2021').length;
    const active: Version = this.versions.length - n21 > n21 ? '2019' : '2021';
    for (const [k, { version, cell }] of this.cells) {
      if (version === active) this.r.values.set(`active.${k}`, cell);
      else this.r.issues.push(issue('row_unmatched', 'warning', `表二 row ${k} follows the ${version} layout in a ${active} table; not taken`, `active.${k}`));
    }
    return active;
  }
}
