/**
 * What the table readers share while they walk a document: the section they are in, the values
 * and issues found so far, and the two operations every table needs — placing a row's value cells
 * under its columns, and reading one cell with its provenance.
 */
import { issue, type Issue } from '../issues.ts';
import type { Provenance } from '../record/schema.ts';
import { parseCell } from '../text/numbers.ts';
import type { GridRow, StreamCell } from './rows.ts';
import { TEMPLATES, type SpecColumn, type SpecRow, type SpecTable } from './spec.ts';

export type Version = '2019' | '2021';
export type TableId = 'active' | 'applications' | 'reviewLitigation';

export interface FoundCell {
  value: number | null;
  prov: Provenance;
}

/** Where a table's header put each column. */
export interface HeaderSlots {
  grid: GridRow['grid'];
  /** column id → slot column, for aligned grids */
  slots: Map<string, number>;
  /** column id → money unit its header declares */
  units?: Map<string, string>;
}

const tablesOf = (v: Version): SpecTable[] => TEMPLATES.versions[v].tables;
export const layoutTable = (v: Version, id: string): SpecTable => tablesOf(v).find((t) => t.id === id)!;
const uniqueById = (rows: SpecRow[]) => [...new Map(rows.map((r) => [r.id, r] as const)).values()];

/** The layouts' tables, rows and columns, looked up once per process. */
export const ACTIVE_TABLES: Record<Version, SpecTable[]> = {
  '2019': tablesOf('2019').filter((t) => t.id.startsWith('activeDisclosure.')),
  '2021': tablesOf('2021').filter((t) => t.id.startsWith('activeDisclosure.')),
};
export const ACTIVE_COLUMNS: Record<Version, SpecColumn[]> = {
  '2019': ACTIVE_TABLES['2019'].flatMap((t) => t.columns),
  '2021': ACTIVE_TABLES['2021'].flatMap((t) => t.columns),
};
export const ACTIVE_ROWS: SpecRow[] = uniqueById([...ACTIVE_TABLES['2019'], ...ACTIVE_TABLES['2021']].flatMap((t) => t.rows));
export const APP_ROWS: SpecRow[] = uniqueById([...layoutTable('2021', 'applications').rows, ...layoutTable('2019', 'applications').rows]);
export const APP_COLUMNS: SpecColumn[] = layoutTable('2021', 'applications').columns;
export const REVIEW_COLUMNS: SpecColumn[] = layoutTable('2021', 'reviewLitigation').columns;

export class Reading {
  section: TableId | null = null;
  readonly issues: Issue[] = [];
  /** canonical key → value with provenance */
  readonly values = new Map<string, FoundCell>();
  /** values printed on group rows of 表三 (subtotals some reports add), "denied.total" etc. */
  readonly groupSubtotals = new Map<string, FoundCell>();

  /** Assign value cells to column ids: by order when the count fits, else by header slots. */
  mapValues(row: GridRow, values: StreamCell[], order: string[], header: HeaderSlots | null, where: string): Map<string, StreamCell> | null {
    const out = new Map<string, StreamCell>();
    const byOrder = (cells: StreamCell[]) => {
      order.forEach((id, i) => out.set(id, cells[i]));
      return out;
    };
    // trailing empty cells (padding, gridAfter, "| ||" in text dumps) carry nothing: drop them to fit
    const trimmed = (cells: StreamCell[]) => {
      if (cells.length > order.length && cells.slice(order.length).every((c) => !c.norm)) cells = cells.slice(0, order.length);
      // … and so do leading ones (an empty corner cell under a header that has none)
      if (cells.length > order.length && cells.slice(0, cells.length - order.length).every((c) => !c.norm)) cells = cells.slice(cells.length - order.length);
      return cells;
    };
    // a header in this grid naming every column places the values itself, unless it cannot
    const headerHere = row.grid.aligned && header?.grid === row.grid && header.slots.size === order.length;
    const printed = new Set(values);
    // blank cells left of where the header puts the first column (in this grid, or one as wide
    // that it continues) are label padding (label cells split 1+1+1), not values, even when
    // dropping them leaves too few to fit
    const firstSlot = row.grid.aligned && header && header.grid.aligned && header.grid.width === row.grid.width ? header.slots.get(order[0]) : undefined;
    if (firstSlot !== undefined) {
      let skip = 0;
      while (skip < values.length && !values[skip].norm && values[skip].col < firstSlot) skip++;
      values = values.slice(skip);
    }
    const fitted = trimmed(values);
    // a header here is asked before blank padding is dropped
    const counted = headerHere ? values : fitted;
    if (counted.length === order.length) return byOrder(counted);
    if (row.grid.aligned && header && header.slots.size === order.length && header.grid.width === row.grid.width) {
      const byCol = new Map(row.cells.map((c) => [c.col, c]));
      let ok = true;
      for (const id of order) {
        const cell = byCol.get(header.slots.get(id)!);
        // a slot that lands on a label cell (or before the values) is a header out of line with this row
        if (!cell || !printed.has(cell)) ok = false;
        else out.set(id, cell);
      }
      if (ok) return out;
      out.clear();
    }
    // the header's slots miss the row's cells (a header typeset with other column widths than the
    // body, so its boundaries fall elsewhere): blank padding around the values is all that can go
    if (fitted.length === order.length) return byOrder(fitted);
    this.issues.push(issue('value_count_mismatch', 'error', `printed ${counted.length} value cells where the layout has ${order.length}; row not taken`, where));
    return null;
  }

  readCell(row: GridRow, cell: StreamCell, unit: string | null, rowLabel: string, colLabel: string, key: string, bareUnit: string | null = null): FoundCell {
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
}
