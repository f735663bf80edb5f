/**
 * Runs into a table structure: a run crossing a border between two cells is cut there, every
 * piece goes to the cell holding its centre, and each cell's lines are joined into its text.
 */
import type { Grid, GridCell } from '../model.ts';
import { bboxOf } from './geometry.ts';
import { groupLines, linesText } from './lines.ts';
import { cutRun, type Run } from './runs.ts';
import { intervalOf, slotOwners, type TableStructure } from './structure.ts';

/** How far (points) outside the outer rules a run's centre may lie and still belong to the table. */
const EDGE_SLACK = 1;

export function insideTable(t: TableStructure, run: Run): boolean {
  const cx = (run.x0 + run.x1) / 2, cy = (run.y0 + run.y1) / 2;
  return (
    cx >= t.xs[0] - EDGE_SLACK && cx <= t.xs[t.xs.length - 1] + EDGE_SLACK &&
    cy >= t.ys[0] - EDGE_SLACK && cy <= t.ys[t.ys.length - 1] + EDGE_SLACK
  );
}

/** Fill the table with the runs that fall inside it; returns the grid and the runs it took. */
export function fillTable(t: TableStructure, runs: Run[], page: number, label: string): { grid: Grid; taken: Set<Run> } {
  const owner = slotOwners(t);
  const rows = t.ys.length - 1, cols = t.xs.length - 1;
  const clampIndex = (bounds: number[], v: number) => {
    const i = intervalOf(bounds, v);
    if (i >= 0) return i;
    return v < bounds[0] ? 0 : bounds.length - 2;
  };
  const contents: Run[][] = t.cells.map(() => []);
  const taken = new Set<Run>();
  for (const run of runs) {
    if (!insideTable(t, run)) continue;
    taken.add(run);
    const r = clampIndex(t.ys, (run.y0 + run.y1) / 2);
    let pieces = [run];
    if (run.upright) {
      for (let c = 1; c < cols; c++) {
        const x = t.xs[c];
        if (owner[r][c - 1] === owner[r][c]) continue;
        const next: Run[] = [];
        for (const p of pieces) {
          if (x > p.x0 + 0.5 && x < p.x1 - 0.5) {
            const [a, b] = cutRun(p, x);
            if (a) next.push(a);
            if (b) next.push(b);
          } else next.push(p);
        }
        pieces = next;
      }
    }
    for (const p of pieces) {
      const c = clampIndex(t.xs, (p.x0 + p.x1) / 2);
      contents[owner[r][c]].push(p);
    }
  }
  const texts = contents.map((cellRuns) => linesText(groupLines(cellRuns)));
  const grid: GridCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: GridCell[] = [];
    for (let c = 0; c < cols; c++) {
      const k = owner[r][c];
      const cell = t.cells[k];
      row.push({
        text: texts[k],
        covered: r !== cell.r || c !== cell.c,
        origin: [cell.r, cell.c],
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
        place: {
          page,
          bbox: bboxOf({ x0: t.xs[cell.c], y0: t.ys[cell.r], x1: t.xs[cell.c + cell.colSpan], y1: t.ys[cell.r + cell.rowSpan] }),
        },
      });
    }
    grid.push(row);
  }
  return { grid: { kind: 'grid', rows: grid, width: cols, aligned: true, label, pages: [page] }, taken };
}
