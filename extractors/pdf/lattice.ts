/**
 * Ruling segments → table structures ("lattice"): connected segments form a table; their
 * clustered x and y positions are the column and row boundaries; neighbouring slots with no
 * rule between them are one merged cell.
 */
import type { Segment } from './rules.ts';
import { clusterValues, type CellSpan, type TableStructure } from './structure.ts';

/** Segments closer than this (points) touch; boundary positions closer than this are one. */
export const JOIN_TOLERANCE = 2;
/** A border exists between two slots when rules cover at least this share of it. */
const BORDER_COVERAGE = 0.5;
/** Boundaries closer than this are double rules drawn for one border. */
const MIN_CELL = 3;

export function tablesFromSegments(segments: Segment[]): TableStructure[] {
  const hs = mergeCollinear(segments.filter((s) => s.horizontal), true);
  const vs = mergeCollinear(segments.filter((s) => !s.horizontal), false);
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const tol = JOIN_TOLERANCE;
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j];
      if (v.x0 >= h.x0 - tol && v.x0 <= h.x1 + tol && h.y0 >= v.y0 - tol && h.y0 <= v.y1 + tol) {
        parent[find(i)] = find(hs.length + j);
      }
    }
  }
  const groups = new Map<number, Segment[]>();
  all.forEach((s, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(s);
  });
  const tables: TableStructure[] = [];
  for (const group of groups.values()) {
    const table = tableFromGroup(group);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => a.ys[0] - b.ys[0]);
}

function tableFromGroup(group: Segment[]): TableStructure | undefined {
  const hs = group.filter((s) => s.horizontal);
  const vs = group.filter((s) => !s.horizontal);
  if (hs.length < 2 || vs.length < 2) return undefined;
  let xs = squeeze(clusterValues(vs.map((s) => s.x0), JOIN_TOLERANCE));
  let ys = squeeze(clusterValues(hs.map((s) => s.y0), JOIN_TOLERANCE));
  // open sides (no outer rule): the rules running past the last boundary close the table
  const minX = Math.min(...hs.map((s) => s.x0)), maxX = Math.max(...hs.map((s) => s.x1));
  const minY = Math.min(...vs.map((s) => s.y0)), maxY = Math.max(...vs.map((s) => s.y1));
  if (minX < xs[0] - 3 * MIN_CELL) xs = [minX, ...xs];
  if (maxX > xs[xs.length - 1] + 3 * MIN_CELL) xs = [...xs, maxX];
  if (minY < ys[0] - 3 * MIN_CELL) ys = [minY, ...ys];
  if (maxY > ys[ys.length - 1] + 3 * MIN_CELL) ys = [...ys, maxY];
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rows = ys.length - 1, cols = xs.length - 1;
  const covered = (segs: Segment[], horizontal: boolean, at: number, from: number, to: number) => {
    const pieces: [number, number][] = [];
    for (const s of segs) {
      const pos = horizontal ? s.y0 : s.x0;
      if (Math.abs(pos - at) > JOIN_TOLERANCE) continue;
      const a = Math.max(from, horizontal ? s.x0 : s.y0), b = Math.min(to, horizontal ? s.x1 : s.y1);
      if (b > a) pieces.push([a, b]);
    }
    return coveredLength(pieces) >= BORDER_COVERAGE * (to - from);
  };
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => { parent[find(a)] = find(b); };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(vs, false, xs[c + 1], ys[r], ys[r + 1])) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covered(hs, true, ys[r + 1], xs[c], xs[c + 1])) union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const extent = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const e = extent.get(root);
      if (!e) extent.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        e.r0 = Math.min(e.r0, r); e.c0 = Math.min(e.c0, c);
        e.r1 = Math.max(e.r1, r); e.c1 = Math.max(e.c1, c);
      }
    }
  }
  const taken: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const cells: CellSpan[] = [];
  const ordered = [...extent.entries()].sort(([, a], [, b]) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const [root, e] of ordered) place(root, e.r0, e.c0, e.r1, e.c1);
  // what non-rectangular merges leave over (unruled corners, a border missing along part of a
  // cell) becomes cells of its own, each as large as its own merged slots allow
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (!taken[r][c]) place(find(r * cols + c), r, c, rows - 1, cols - 1);
  /** The largest rectangle from (r0, c0) within the bounds, of free slots merged into `root`. */
  function place(root: number, r0: number, c0: number, r1: number, c1: number) {
    const free = (r: number, c: number) => !taken[r][c] && find(r * cols + c) === root;
    if (!free(r0, c0)) return;
    let cEnd = c0;
    while (cEnd + 1 <= c1 && free(r0, cEnd + 1)) cEnd++;
    let rEnd = r0;
    const rowFree = (r: number) => { for (let c = c0; c <= cEnd; c++) if (!free(r, c)) return false; return true; };
    while (rEnd + 1 <= r1 && rowFree(rEnd + 1)) rEnd++;
    for (let r = r0; r <= rEnd; r++) for (let c = c0; c <= cEnd; c++) taken[r][c] = true;
    cells.push({ r: r0, c: c0, rowSpan: rEnd - r0 + 1, colSpan: cEnd - c0 + 1 });
  }
  if (cells.length < 2) return undefined; // a box around text, not a table
  return { xs, ys, cells, method: 'lattice' };
}

function squeeze(bounds: number[]): number[] {
  const out: number[] = [];
  for (const b of bounds) {
    if (out.length && b - out[out.length - 1] < MIN_CELL) out[out.length - 1] = (out[out.length - 1] + b) / 2;
    else out.push(b);
  }
  return out;
}

function coveredLength(pieces: [number, number][]): number {
  pieces.sort((a, b) => a[0] - b[0]);
  let total = 0, end = -Infinity;
  for (const [a, b] of pieces) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** Join collinear pieces that touch or overlap (dashed or cell-by-cell rules). */
function mergeCollinear(segs: Segment[], horizontal: boolean): Segment[] {
  const pos = (s: Segment) => (horizontal ? s.y0 : s.x0);
  const start = (s: Segment) => (horizontal ? s.x0 : s.y0);
  const end = (s: Segment) => (horizontal ? s.x1 : s.y1);
  const sorted = [...segs].sort((a, b) => pos(a) - pos(b) || start(a) - start(b));
  const out: Segment[] = [];
  const open: Segment[] = [];
  for (const s of sorted) {
    const near = open.find((o) => Math.abs(pos(o) - pos(s)) <= 1 && start(s) <= end(o) + 1 && end(s) >= start(o) - 1);
    if (near) {
      if (horizontal) { near.x0 = Math.min(near.x0, s.x0); near.x1 = Math.max(near.x1, s.x1); }
      else { near.y0 = Math.min(near.y0, s.y0); near.y1 = Math.max(near.y1, s.y1); }
      continue;
    }
    const copy = { ...s };
    out.push(copy);
    open.push(copy);
    while (open.length && Math.abs(pos(open[0]) - pos(s)) > 1) open.shift();
  }
  return out;
}
