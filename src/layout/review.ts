/**
 * 表四 行政复议、行政诉讼: one row of 15 numbers, usually unlabelled, under a three-row header
 * whose leaf labels (结果维持 … 总计, three times) place the columns.
 */
import { issue } from '../issues.ts';
import { isReviewHeader, isReviewLeafHeader } from '../text/labels.ts';
import { REVIEW_COLUMNS, type HeaderSlots, type Reading, type Version } from './reading.ts';
import type { GridRow, StreamCell } from './rows.ts';

export class ReviewTable {
  /** a header of 表四 has been seen: rows after it may be its data row */
  headerSeen = false;
  private header: HeaderSlots | null = null;
  private leafCols = new Set<number>();
  private taken = false;

  constructor(private readonly r: Reading) {}

  tryHeader(row: GridRow, joinedNorm: string): boolean {
    if (!isReviewHeader(joinedNorm)) return false;
    this.r.section = 'reviewLitigation';
    this.headerSeen = true;
    if (this.header?.grid !== row.grid) {
      this.header = { grid: row.grid, slots: new Map() };
      this.leafCols.clear();
    }
    for (const cell of row.cells) if (!cell.covered && isReviewLeafHeader(cell.norm)) this.leafCols.add(cell.col);
    const cols = [...this.leafCols].sort((a, b) => a - b);
    if (cols.length === REVIEW_COLUMNS.length) this.header.slots = new Map(REVIEW_COLUMNS.map((c, i) => [c.id, cols[i]]));
    return true;
  }

  /** The first row of values under the header (a later one replaces it only when it was all blank). */
  tryRow(row: GridRow, values: StreamCell[], labels: StreamCell[]): void {
    if (!this.headerSeen || this.r.section !== 'reviewLitigation' || values.length < 5) return;
    if (this.taken && (values.every((v) => !v.norm) || !this.takenWasBlank())) return;
    const mapped = this.r.mapValues(row, values, REVIEW_COLUMNS.map((c) => c.id), this.header, 'reviewLitigation');
    if (!mapped) return;
    for (const col of REVIEW_COLUMNS) {
      const cell = mapped.get(col.id);
      if (!cell) continue;
      const k = `reviewLitigation.${col.id}`;
      this.r.values.set(k, this.r.readCell(row, cell, null, labels.at(-1)?.text ?? '', col.label, k));
    }
    this.taken = true;
  }

  private takenWasBlank(): boolean {
    return REVIEW_COLUMNS.every((c) => this.r.values.get(`reviewLitigation.${c.id}`)?.prov.kind !== 'number');
  }

  finish(fallback: Version | null): Version | null {
    if (!this.headerSeen) return null;
    if (!this.taken) this.r.issues.push(issue('row_missing', 'warning', '表四 header found but no row of 15 values under it', 'reviewLitigation'));
    return fallback ?? '2021';
  }
}
