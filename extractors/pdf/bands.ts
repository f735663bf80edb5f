/**
 * Rows that the ruling lines do not separate. A table drawn with column rules but without a rule
 * between some rows puts several rows into one band between two horizontal rules; every cell of
 * the band would then hold several rows' text ("1 4 7" would read as one number). The band is
 * split between its first cell's lines when the text says so:
 * - the band's first cell (the table's first column) holds two or more lines;
 * - another cell holds two or more lines of numbers that would fit side by side in half its width
 *   (a number wrapped for want of room fills its cell: "3" / "0" in a narrow cell is 30);
 * - every line of every cell sits on one of the first cell's lines.
 * A label wrapped beside numbers centred on it, a wrapped number, or header words wrapped in their
 * cells do not pass. Bands crossed by a merged cell are left as drawn.
 */
import { isNumeric } from './chars.ts';
import { insideTable } from './place.ts';
import type { Run } from './runs.ts';
import { intervalOf, slotOwners, type CellSpan, type TableStructure } from './structure.ts';

/** Lines closer than this share of the font size are one line. */
const SAME_LINE = 0.6;
/** Stacked numbers, side by side with a space between, would take less than this share of the cell. */
const STACKED_SHARE = 0.5;

interface Line { y: number; size: number; numeric: boolean; width: number }

export function splitBandsByTextLines(t: TableStructure, runs: Run[]): TableStructure {
  const rows = t.ys.length - 1;
  const owner = slotOwners(t);
  const byBand = new Map<number, Run[]>();
  for (const run of runs) {
    if (!insideTable(t, run)) continue;
    const band = intervalOf(t.ys, (run.y0 + run.y1) / 2);
    if (band < 0) continue;
    const list = byBand.get(band);
    if (list) list.push(run);
    else byBand.set(band, [run]);
  }
  const cuts = new Map<number, number[]>(); // band → y positions to cut at
  for (const [band, bandRuns] of byBand) {
    if (owner[band].some((k) => t.cells[k].rowSpan !== 1)) continue;
    const lines = new Map<number, Line[]>(); // cell → its lines
    for (const run of bandRuns) {
      const cy = (run.y0 + run.y1) / 2;
      const c = intervalOf(t.xs, (run.x0 + run.x1) / 2);
      if (c < 0) continue;
      const k = owner[band][c];
      const list = lines.get(k) ?? [];
      const line = list.find((l) => Math.abs(l.y - cy) < SAME_LINE * Math.max(l.size, run.size));
      if (line) {
        line.numeric &&= isNumeric(run.text);
        line.width += run.x1 - run.x0;
      } else list.push({ y: cy, size: run.size, numeric: isNumeric(run.text), width: run.x1 - run.x0 });
      lines.set(k, list);
    }
    const filled = [...lines.entries()].sort(([a], [b]) => t.cells[a].c - t.cells[b].c);
    if (filled.length < 2 || t.cells[filled[0][0]].c !== 0) continue;
    const first = filled[0][1].sort((a, b) => a.y - b.y);
    if (first.length < 2) continue;
    const stacked = filled.slice(1).some(([k, ls]) => {
      const cell = t.cells[k];
      const cellWidth = t.xs[cell.c + cell.colSpan] - t.xs[cell.c];
      const sideBySide = ls.reduce((w, l) => w + l.width + 0.3 * l.size, 0);
      return ls.length >= 2 && ls.every((l) => l.numeric) && sideBySide < STACKED_SHARE * cellWidth;
    });
    if (!stacked) continue;
    const onFirst = (l: Line) => first.some((f) => Math.abs(f.y - l.y) < SAME_LINE * Math.max(f.size, l.size));
    if (!filled.slice(1).every(([, ls]) => ls.every(onFirst))) continue;
    cuts.set(band, first.slice(1).map((l, i) => (first[i].y + l.y) / 2));
  }
  if (!cuts.size) return t;
  // the new boundaries, and where each old row starts among them
  const ys: number[] = [];
  const start: number[] = [];
  for (let r = 0; r < rows; r++) {
    start.push(ys.length);
    ys.push(t.ys[r], ...(cuts.get(r) ?? []));
  }
  ys.push(t.ys[rows]);
  const cells: CellSpan[] = [];
  for (const cell of t.cells) {
    const extra = cuts.get(cell.r);
    if (extra) {
      for (let i = 0; i <= extra.length; i++) cells.push({ ...cell, r: start[cell.r] + i });
    } else {
      const end = cell.r + cell.rowSpan;
      cells.push({ ...cell, r: start[cell.r], rowSpan: (end < rows ? start[end] : ys.length - 1) - start[cell.r] });
    }
  }
  return { ...t, ys, cells };
}
