/**
 * Unruled tables ("stream"): lines whose text falls into separated phrases with numbers among
 * them form a table; columns are the bands those numeric lines occupy; a line holding only the
 * first column (a wrapped label) joins the nearest numeric row.
 */
import { isNumeric, isPageNumber } from './chars.ts';
import { groupLines, lineText, type Line } from './lines.ts';
import type { Run } from './runs.ts';
import { clusterValues, type CellSpan, type TableStructure } from './structure.ts';

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
  const lines = groupLines(runs.filter((r) => r.upright)).filter((l) => !isPageNumber(lineText(l)));
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
  // rows: numeric lines anchor rows; other lines join the nearest anchor when they only hold the first column
  const anchors = block.filter((b) => b.numeric >= 1);
  const groups: Line[][] = [];
  const anchorOf = new Map<Line, number>();
  for (const b of block) {
    const onlyFirst = b.phrases.every((p) => p.x1 <= xs[1] + 1);
    if (b.numeric >= 1 || !onlyFirst) {
      const early = anchorOf.get(b.line);
      if (early !== undefined) { groups[early].push(b.line); continue; }
      anchorOf.set(b.line, groups.length);
      groups.push([b.line]);
      continue;
    }
    const cy = (b.line.y0 + b.line.y1) / 2;
    let best: Line | undefined, bestD = Infinity;
    for (const a of anchors) {
      const d = Math.abs((a.line.y0 + a.line.y1) / 2 - cy);
      if (d < bestD) { bestD = d; best = a.line; }
    }
    const h = b.line.y1 - b.line.y0;
    if (best && bestD <= 1.6 * h && anchorOf.has(best)) groups[anchorOf.get(best)!].push(b.line);
    else if (best && bestD <= 1.6 * h) {
      // the anchor comes later: start its group now
      anchorOf.set(best, groups.length);
      groups.push([b.line]);
    } else {
      groups.push([b.line]);
    }
  }
  const extents = groups.map((g) => [Math.min(...g.map((l) => l.y0)), Math.max(...g.map((l) => l.y1))] as [number, number]);
  const ys = [extents[0][0] - 1];
  for (let k = 1; k < extents.length; k++) ys.push((extents[k - 1][1] + extents[k][0]) / 2);
  ys.push(extents[extents.length - 1][1] + 1);
  const bounds = clusterValues(ys, 0.01);
  if (bounds.length !== ys.length) return undefined; // rows overlap: not a clean table
  const cells: CellSpan[] = [];
  for (let r = 0; r < ys.length - 1; r++) for (let c = 0; c < xs.length - 1; c++) cells.push({ r, c, rowSpan: 1, colSpan: 1 });
  return { xs, ys, cells, method: 'stream' };
}
