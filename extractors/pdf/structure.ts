/**
 * The shape of a table before text is placed in it: column and row boundaries and the cells
 * (merged or not) that tile the slots between them. Lattice (ruling lines) and stream (text
 * alignment) both produce it; place.ts fills it with text.
 */
export interface CellSpan {
  r: number;
  c: number;
  rowSpan: number;
  colSpan: number;
}

export interface TableStructure {
  /** column boundaries, left to right (columns = xs.length - 1) */
  xs: number[];
  /** row boundaries, top to bottom (rows = ys.length - 1) */
  ys: number[];
  /** origin cells; together they cover every slot exactly once */
  cells: CellSpan[];
  /** how it was found */
  method: 'lattice' | 'stream';
}

/** slot → index of the cell covering it */
export function slotOwners(t: TableStructure): number[][] {
  const rows = t.ys.length - 1, cols = t.xs.length - 1;
  const owner = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  t.cells.forEach((cell, k) => {
    for (let r = cell.r; r < cell.r + cell.rowSpan; r++) for (let c = cell.c; c < cell.c + cell.colSpan; c++) owner[r][c] = k;
  });
  return owner;
}

/** Index of the interval of sorted `bounds` holding v, or -1. */
export function intervalOf(bounds: number[], v: number): number {
  if (v < bounds[0] || v > bounds[bounds.length - 1]) return -1;
  for (let i = 0; i < bounds.length - 1; i++) if (v <= bounds[i + 1]) return i;
  return bounds.length - 2;
}

/** Sorted values grouped where neighbours are within `tol`; each group's mean. */
export function clusterValues(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0, n = 0, last = -Infinity;
  for (const v of sorted) {
    if (n && v - last > tol) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n) out.push(sum / n);
  return out;
}
