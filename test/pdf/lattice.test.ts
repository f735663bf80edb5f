/**
 * Ruling lines → cells. Real renderings leave borders out (cells a word processor skipped with
 * gridBefore, a merged label column drawn without its inner rules): a merge that is not a
 * rectangle must not swallow a neighbouring cell that its own borders close.
 */
import { describe, expect, it } from 'vitest';
import { tablesFromSegments } from '../../extractors/pdf/lattice.ts';
import type { Segment } from '../../extractors/pdf/rules.ts';

const h = (y: number, x0: number, x1: number): Segment => ({ horizontal: true, x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ horizontal: false, x0: x, x1: x, y0, y1 });
const byOrigin = (cells: { r: number; c: number; rowSpan: number; colSpan: number }[]) =>
  [...cells].sort((a, b) => a.r - b.r || a.c - b.c).map((k) => `${k.r},${k.c} ${k.rowSpan}x${k.colSpan}`);

describe('lattice', () => {
  it('keeps a total cell whole when an unruled column beside it merges into an L shape', () => {
    // columns 0-40-80-200, rows 0-20-40-60; column 0 has no inner rules at all; the last row's
    // cell spans columns 1-2 and has its own left border
    const segments = [
      h(0, 0, 200), h(60, 0, 200), h(20, 40, 200), h(40, 40, 200),
      v(0, 0, 60), v(200, 0, 60), v(80, 0, 40), v(40, 40, 60),
    ];
    const [table] = tablesFromSegments(segments);
    expect(table.xs).toEqual([0, 40, 80, 200]);
    expect(table.ys).toEqual([0, 20, 40, 60]);
    expect(byOrigin(table.cells)).toEqual(['0,0 2x2', '0,2 1x1', '1,2 1x1', '2,0 1x1', '2,1 1x2']);
  });

  it('still reads rectangular merges as one cell each', () => {
    // a label spanning two rows in column 0, a header spanning columns 1-2
    const segments = [
      h(0, 0, 200), h(20, 40, 200), h(40, 0, 200), h(60, 0, 200),
      v(0, 0, 60), v(40, 0, 60), v(120, 20, 60), v(200, 0, 60),
    ];
    const [table] = tablesFromSegments(segments);
    expect(byOrigin(table.cells)).toEqual(['0,0 2x1', '0,1 1x2', '1,1 1x1', '1,2 1x1', '2,0 1x1', '2,1 1x1', '2,2 1x1']);
  });
});
