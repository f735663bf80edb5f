/**
 * Rows cut by a page break. A word processor lets a tall row break across pages (its default):
 * the first lines of a wrapped label stay with the numbers at the foot of one page ("7." or
 * "（七）总"), the rest of the label opens the next page's part of the table in a row of its own
 * with no numbers ("属于行政执法案卷"). Neither half matches a row of the layout; together they do.
 *
 * The halves are joined only when everything says it is one row: the second half is the first row
 * of a grid on a later page and the first half the last row of the grid before it (only
 * paragraphs — page numbers, running heads — between them); the second half prints no values and
 * does not start with a numbering of its own (every row of 表三 does: "2.", "（四）", "四、"); each
 * of its texts sits under a cell of the first half (page positions); the joined label matches a
 * row of the layout by its fragments, and the first half alone does not match that well (it
 * matches nothing, the same row only by numbering or fuzzily, or another row only through a bare
 * "其他"). Two rows that merely meet at a page break fail at least one of these.
 */
import type { Place } from '../../extractors/model.ts';
import { normaliseLabel, splitNumbering } from '../text/normalise.ts';
import { matchedByWholeLabelOnly, matchRowLabel } from './match.ts';
import { ACTIVE_ROWS, APP_ROWS } from './reading.ts';
import { splitRow, type GridRow, type StreamCell, type StreamRow } from './rows.ts';

const ROWS = [...APP_ROWS, ...ACTIVE_ROWS];

export function joinRowsSplitByPageBreaks(stream: StreamRow[]): StreamRow[] {
  const out: StreamRow[] = [];
  let current: GridRow['grid'] | null = null;
  let lastOfPrevious = -1; // index in `out` of the last row of the grid before the current one
  let lastOfCurrent = -1;
  let bodyStart = 0; // first row of the current grid after a header repeated from an earlier grid
  const heads = new Set<string>(); // the first rows of every earlier grid: a repeated header is one of them
  let headsOfCurrent: string[] = [];
  const signature = (row: GridRow) => row.cells.map((c) => c.norm).join('|');
  for (const row of stream) {
    if (row.kind !== 'row') {
      out.push(row);
      continue;
    }
    if (row.grid !== current) {
      headsOfCurrent.forEach((h) => heads.add(h));
      headsOfCurrent = [];
      current = row.grid;
      lastOfPrevious = lastOfCurrent;
      bodyStart = 0;
    }
    if (row.r < 3) headsOfCurrent.push(signature(row));
    if (row.r === bodyStart && bodyStart < 3 && heads.has(signature(row)) && row.cells.some((c) => c.norm)) {
      bodyStart++;
    } else if (row.r === bodyStart && lastOfPrevious >= 0) {
      const joined = joinHalves(out[lastOfPrevious] as GridRow, row);
      if (joined) {
        out[lastOfPrevious] = joined;
        continue;
      }
    }
    lastOfCurrent = out.length;
    out.push(row);
  }
  return out;
}

function joinHalves(a: GridRow, b: GridRow): GridRow | null {
  if (a.r !== a.grid.rows.length - 1 || a.grid === b.grid) return null;
  const pageA = a.grid.pages?.at(-1), pageB = b.grid.pages?.[0];
  if (pageA === undefined || pageB === undefined || pageB <= pageA) return null;
  const partsB = splitRow(b);
  if (!partsB.labels.length || partsB.values.some((c) => c.norm)) return null;
  const tails = b.cells.filter((c) => c.norm && !c.covered);
  if (!tails.length || tails.some((c) => splitNumbering(c.norm).numbering)) return null;
  // each tail goes under the cell of the first half it sits below
  const cells = a.cells.map((c) => ({ ...c }));
  let label: { before: string; cell: StreamCell } | undefined;
  for (const tail of [...tails].sort((x, y) => (x.place?.bbox?.[0] ?? 0) - (y.place?.bbox?.[0] ?? 0))) {
    const target = cellAbove(cells, tail.place);
    if (!target || !target.norm) return null;
    label = { before: target.norm, cell: target };
    target.text += tail.text;
    target.norm = normaliseLabel(target.text);
  }
  // the rightmost tail continues the row's own label
  const before = matchRowLabel(label!.before, ROWS, null);
  const after = matchRowLabel(label!.cell.norm, ROWS, null);
  if (!after || after.via !== 'fragment') return null;
  // the head alone may name a row only weakly: by numbering, fuzzily, or as a bare "2.其他"
  const weak = !before || (before.via === 'fragment' ? matchedByWholeLabelOnly(before) && before.spec.id !== after.spec.id : before.spec.id === after.spec.id);
  if (!weak) return null;
  return { ...a, cells };
}

/** The cell whose page column overlaps `place` the most (none without positions). */
function cellAbove(cells: StreamCell[], place: Place | undefined): StreamCell | undefined {
  const box = place?.bbox;
  if (!box) return undefined;
  let best: StreamCell | undefined, bestOverlap = 0;
  for (const c of cells) {
    const cb = c.place?.bbox;
    if (!cb) continue;
    const overlap = Math.min(cb[2], box[2]) - Math.max(cb[0], box[0]);
    if (overlap > bestOverlap) {
      best = c;
      bestOverlap = overlap;
    }
  }
  return bestOverlap > 0.5 * (box[2] - box[0]) ? best : undefined;
}
