/**
 * Unruled tables ("stream"): lines whose text falls into separated phrases with numbers among
 * them form a table; columns are the bands those numeric lines occupy; a line holding only the
 * first column (a wrapped label) joins the nearest numeric row.
 */
import { isNumeric, isPageNumber } from './chars.ts';
import { groupLines, lineText, type Line } from './lines.ts';
import type { Run } from './runs.ts';
import type { CellSpan, TableStructure } from './structure.ts';

/** Runs further apart than this many font sizes belong to different cells. */
export const PHRASE_GAP_EMS = 1.2;
/** Lines further apart than this many line heights end a table. */
const MAX_LINE_GAP = 2.5;

interface Phrase { x0: number; x1: number; text: string }

function phrasesOf(line: Line): Phrase[] {
  const out: Phrase[] = [];
  for (const run of line.runs) {
    const last = out[out.length - 1];
    if (last && run.x0 - last.x1 <= PHRASE_GAP_EMS * run.size) {
      last.x1 = Math.max(last.x1, run.x1);
      last.text += run.text;
    } else out.push({ x0: run.x0, x1: run.x1, text: run.text });
  }
  return out;
}

export function tablesFromText(runs: Run[]): TableStructure[] {
  // a page number is a decorated number (`- 3 -`) or a bare one opening or closing the page
  const all = groupLines(runs.filter((r) => r.upright));
  const lines = all.filter((l, k) => {
    const t = lineText(l);
    return !(isPageNumber(t) && (!/^\d+$/.test(t) || k === 0 || k === all.length - 1));
  });
  const info = lines.map((line) => {
    const phrases = phrasesOf(line);
    const numeric = phrases.filter((p) => isNumeric(p.text)).length;
    return { line, phrases, numeric, rowLike: phrases.length >= 3 || (phrases.length >= 2 && numeric >= 1) };
  });
  const tables: TableStructure[] = [];
  let i = 0;
  while (i < info.length) {
    if (!info[i].rowLike) { i++; continue; }
    // extend the block while row-like lines follow closely (wrapped label lines may sit between)
    let j = i, last = i;
    while (j + 1 < info.length) {
      const gap = info[j + 1].line.y0 - info[j].line.y1;
      const h = info[j].line.y1 - info[j].line.y0;
      if (gap > MAX_LINE_GAP * h) break;
      j++;
      if (info[j].rowLike) last = j;
      else if (j - last > 2) break;
    }
    const block = info.slice(i, last + 1);
    i = last + 1;
    const numericLines = block.filter((b) => b.numeric >= 1 && b.phrases.length >= 2);
    if (numericLines.length < 2) continue;
    const table = structureOf(block, numericLines);
    if (table) tables.push(table);
  }
  return tables;
}

function structureOf(block: { line: Line; phrases: Phrase[]; numeric: number }[], numericLines: typeof block): TableStructure | undefined {
  // column bands: union of the phrase extents of numeric lines
  const spans = numericLines.flatMap((b) => b.phrases.map((p) => [p.x0, p.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const bands: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = bands[bands.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else bands.push([a, b]);
  }
  if (bands.length < 2) return undefined;
  const left = Math.min(...block.map((b) => b.line.x0)), right = Math.max(...block.map((b) => b.line.x1));
  const xs = [Math.min(left, bands[0][0]) - 1];
  for (let k = 1; k < bands.length; k++) xs.push((bands[k - 1][1] + bands[k][0]) / 2);
  xs.push(Math.max(right, bands[bands.length - 1][1]) + 1);
  // rows: a line with numbers starts a row unless it completes a label begun on the line above
  // (numbers centred against a wrapped label); a first-column-only line continues the row when the
  // first-column text above it ran to the column's edge (a wrapped label), else starts a row
  const firstRight = Math.max(...block.flatMap((b) => b.phrases.filter((p) => p.x1 <= xs[1]).map((p) => p.x1)));
  // where rows are padded, lines of one cell sit closer together than the rows do
  const gaps = block.slice(1).map((b, k) => b.line.y0 - block[k].line.y1);
  const typicalGap = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] : 0;
  const rows: { lines: Line[]; numeric: boolean; open: boolean }[] = [];
  for (const [k, b] of block.entries()) {
    const tight = k > 0 && gaps[k - 1] < 0.5 * typicalGap;
    const first = b.phrases.filter((p) => p.x1 <= xs[1]);
    const onlyFirst = first.length === b.phrases.length;
    const size = b.line.size;
    const current = rows[rows.length - 1];
    const hasNumbers = b.numeric >= 1;
    const joins = current && (hasNumbers ? !current.numeric && (current.open || tight) : onlyFirst && (current.open || tight));
    if (joins) {
      current.lines.push(b.line);
      current.numeric ||= hasNumbers;
    } else {
      rows.push({ lines: [b.line], numeric: hasNumbers, open: false });
    }
    const row = rows[rows.length - 1];
    // a first-column text that reaches the column's edge wraps onto the next line
    if (first.length) row.open = first[first.length - 1].x1 >= firstRight - 1.5 * size;
    else if (hasNumbers) row.open = row.open && !onlyFirst;
  }
  const extents = rows.map((r) => [Math.min(...r.lines.map((l) => l.y0)), Math.max(...r.lines.map((l) => l.y1))] as [number, number]);
  const ys = [extents[0][0] - 1];
  for (let k = 1; k < extents.length; k++) ys.push((extents[k - 1][1] + extents[k][0]) / 2);
  ys.push(extents[extents.length - 1][1] + 1);
  if (ys.some((y, k) => k > 0 && y <= ys[k - 1])) return undefined;
  const cells: CellSpan[] = [];
  for (let r = 0; r < ys.length - 1; r++) for (let c = 0; c < xs.length - 1; c++) cells.push({ r, c, rowSpan: 1, colSpan: 1 });
  return { xs, ys, cells, method: 'stream' };
}
