/**
 * Plain-text reader. Text dumps of reports print tables in several dialects; each block of lines
 * is read in the dialect it shows, everything else becomes paragraphs:
 *
 * - tab-led (a Word table copied as text): a cell a line, led by a tab; a blank line ends a row;
 *   an untabbed line right after a cell continues it (a wrapped label, kept with '\n'); a line of
 *   a lone tab is an empty cell; two blank lines, or a paragraph, end the table.
 * - pipes: `a | b | c |` rows; or a cell a line (`a |`, or bare lines between lines of `|`),
 *   where lines of pipes mark row ends when the dump kept them. Where it did not, rows are
 *   recovered from the cells' shapes (see splitLostRows).
 * - tab-separated rows (`label\t0\t0`), and rows printed with runs of 2+ spaces or a label
 *   followed by numbers.
 *
 * All grids are ragged (aligned: false): a row lists the cells it printed, in order.
 */
import type { Block, Grid, ReaderLimits, ReaderProblem, SourceDoc } from './model.ts';
import { decodeBytes } from './decode.ts';
import { isNumberLike, isValueLike, raggedGrid, splitLostRows } from './text-rows.ts';

/** Read a plain-text file. */
export async function readText(bytes: Uint8Array, _limits: ReaderLimits): Promise<SourceDoc> {
  const decoded = decodeBytes(bytes);
  const problems: ReaderProblem[] = [];
  if (decoded.guessed) problems.push({ code: 'encoding_guessed', message: `not UTF-8; read as ${decoded.encoding}` });
  return { format: 'text', blocks: blocksOfText(decoded.text), encoding: decoded.encoding, problems };
}

type RegionReader = (lines: string[], start: number) => { rows: string[][]; next: number } | undefined;

/** Paragraphs and grids of a text, in order. */
export function blocksOfText(text: string): Block[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let grids = 0;
  const pushGrid = (rows: string[][]) => {
    if (rows.length === 0) return;
    grids++;
    blocks.push(raggedGrid(rows, `table ${grids}`) satisfies Grid);
  };
  const readers: RegionReader[] = [readTabLed, readPipes, readTabSeparated, readSpaced];
  let i = 0;
  outer: while (i < lines.length) {
    for (const read of readers) {
      const region = read(lines, i);
      if (region) {
        pushGrid(region.rows);
        i = region.next;
        continue outer;
      }
    }
    const paragraph = lines[i].replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph });
    i++;
  }
  return blocks;
}

const isBlank = (line: string) => line.trim() === '';

/** The seed dialect: a cell a line, tab-led, rows ended by a blank line. */
export const readTabLed: RegionReader = (lines, start) => {
  if (!lines[start].startsWith('\t')) return undefined;
  const rows: string[][] = [];
  let row: string[] = [];
  let blanks = 0;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('\t')) {
      blanks = 0;
      for (const part of line.slice(1).split('\t')) row.push(part.trim());
      continue;
    }
    if (isBlank(line)) {
      if (row.length > 0) rows.push(row);
      row = [];
      if (++blanks >= 2) break;
      continue;
    }
    // an untabbed line right after a label cell continues it; otherwise the table is over
    const last = row[row.length - 1];
    if (blanks === 0 && last !== undefined && !isValueLike(last)) {
      row[row.length - 1] = `${last}\n${line.trim()}`;
      continue;
    }
    break;
  }
  if (row.length > 0) rows.push(row);
  return { rows, next: i };
};

const PIPE_SEPARATOR = /^\s*\|[\s|]*$/;
const hasPipe = (line: string) => line.includes('|');

/** Pipe dialects: whole rows on a line, or a cell a line with pipes between. */
export const readPipes: RegionReader = (lines, start) => {
  const isSep = (k: number) => k >= 0 && k < lines.length && PIPE_SEPARATOR.test(lines[k]);
  const inRegion = (k: number): boolean => {
    const line = lines[k];
    if (line === undefined || isBlank(line)) return false;
    if (hasPipe(line)) return true;
    // a bare line is a cell when a pipe line follows, or a value between pipe lines
    return isSep(k + 1) || (isSep(k - 1) && isValueLike(line) && (k + 1 >= lines.length || hasPipe(lines[k + 1]) || isBlank(lines[k + 1])));
  };
  const first = lines[start];
  if (!hasPipe(first) && !isSep(start + 1)) return undefined;
  if (hasPipe(first) && !PIPE_SEPARATOR.test(first) && first.split('|').filter((p) => p.trim() !== '').length === 0) return undefined;
  let end = start;
  while (end < lines.length && inRegion(end)) end++;
  if (end === start) return undefined;
  const region = lines.slice(start, end);
  if (!region.some((line) => PIPE_SEPARATOR.test(line) || line.trim().endsWith('|') || line.split('|').length >= 3)) return undefined;
  return { rows: rowsOfPipeRegion(region), next: end };
};

/** Rows of a block of pipe lines. */
function rowsOfPipeRegion(region: string[]): string[][] {
  const rowLines = region.filter((line) => !PIPE_SEPARATOR.test(line) && hasPipe(line));
  const leadingIsDelimiter = rowLines.filter((line) => line.trimStart().startsWith('|')).length * 2 >= rowLines.length && rowLines.length > 0;
  const bareStyle = region.some((line) => !hasPipe(line));
  const rows: string[][] = [];
  let pending: string[] = [];
  const endRow = () => {
    if (pending.length > 0) rows.push(...splitLostRows(pending));
    pending = [];
  };
  region.forEach((line, k) => {
    if (PIPE_SEPARATOR.test(line)) {
      const pipes = line.split('|').length - 1;
      // in the trailing-pipe style every separator line ends a row; between bare cells, a single
      // pipe separates cells and a doubled one (two lines, or '||') ends the row
      if (!bareStyle || pipes >= 2 || PIPE_SEPARATOR.test(region[k - 1] ?? '')) endRow();
      return;
    }
    if (!hasPipe(line)) {
      pending.push(line.trim());
      return;
    }
    const parts = line.trim().split('|').map((p) => p.trim());
    if (leadingIsDelimiter && line.trimStart().startsWith('|')) parts.shift();
    if (line.trimEnd().endsWith('|')) parts.pop();
    const filled = parts.filter((p) => p !== '').length;
    if (parts.length === 1) {
      pending.push(parts[0]);
    } else if (filled === 1 && parts[0] !== '' && parts.slice(1).every((p) => p === '')) {
      // a cell followed by empty pipes (a spanned cell's padding): it closes its row
      pending.push(parts[0]);
      endRow();
    } else {
      endRow();
      rows.push(parts);
    }
  });
  endRow();
  return rows;
}

/** Tab-separated rows: `label\t0\t0\t0`, a row a line. */
export const readTabSeparated: RegionReader = (lines, start) => {
  const isRow = (line: string | undefined) => line !== undefined && !line.startsWith('\t') && line.includes('\t') && line.split('\t').filter((p) => p.trim() !== '').length >= 2;
  if (!isRow(lines[start])) return undefined;
  const rows: string[][] = [];
  let i = start;
  for (; i < lines.length && isRow(lines[i]); i++) rows.push(lines[i].split('\t').map((p) => p.trim()));
  return { rows, next: i };
};

const NUMBER_TOKEN = '[-+\\u2212\\uff0d]?[0-9\\uff10-\\uff19][0-9\\uff10-\\uff19,.\\uff0c\\uff0e]*';
const LABEL_THEN_NUMBERS = new RegExp(`^(.*?\\S)\\s+((?:${NUMBER_TOKEN}\\s+)+${NUMBER_TOKEN})$`);
const ONLY_NUMBERS = new RegExp(`^(?:${NUMBER_TOKEN}\\s+)+${NUMBER_TOKEN}$`);

/** Cells of a line printed with space-aligned columns, or a label followed by numbers; undefined for prose. */
export function cellsOfSpacedLine(line: string): string[] | undefined {
  const t = line.replace(/\u3000/g, '  ').trim();
  if (t === '') return undefined;
  if (ONLY_NUMBERS.test(t)) return t.split(/\s+/);
  const m = LABEL_THEN_NUMBERS.exec(t);
  if (m && !isNumberLike(m[1]) && !/\s{2,}/.test(m[1])) return [m[1], ...m[2].split(/\s+/)];
  const parts = t.split(/\s{2,}/);
  if (parts.length >= 3) return parts;
  if (parts.length === 2 && parts.some((p) => isNumberLike(p))) return parts;
  return undefined;
}

/** Rows printed with runs of spaces, or a label followed by numbers. */
export const readSpaced: RegionReader = (lines, start) => {
  const rows: string[][] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const cells = cellsOfSpacedLine(lines[i]);
    if (!cells) break;
    rows.push(cells);
  }
  if (rows.length === 0) return undefined;
  // one spaced line alone is a table row only when it carries at least two numbers
  if (rows.length === 1 && rows[0].filter((c) => isNumberLike(c)).length < 2) return undefined;
  return { rows, next: i };
};
