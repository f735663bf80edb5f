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

/** Longest line taken as the first part of a wrapped cell in bare-pipe dumps. */
const WRAPPED_LINE_MAX = 10;
const countPipes = (line: string) => line.split('|').length - 1;

/**
 * Pipe dialects. Two families: cells that end with their own pipe (`a |`, one or many on a
 * line; a lone `|` is then an empty cell and a line of only pipes ends a row), and bare cells
 * with lines of `|` between them (one pipe separates cells, two in a row end a row).
 */
export const readPipes: RegionReader = (lines, start) => {
  const isSep = (k: number) => k >= 0 && k < lines.length && PIPE_SEPARATOR.test(lines[k]);
  const inRegion = (k: number): boolean => {
    const line = lines[k];
    if (line === undefined || isBlank(line)) return false;
    if (hasPipe(line)) return true;
    // a bare line is a cell when a pipe line follows within a short run of bare lines (a wrapped
    // cell), or when it is a value right after a pipe line
    if (isSep(k + 1)) return true;
    // the first lines of a cell wrapped over a few lines are short (a narrow column)
    if (line.trim().length <= WRAPPED_LINE_MAX) {
      for (let j = k + 1; j <= k + 3 && j < lines.length; j++) {
        if (isSep(j)) return true;
        if (isBlank(lines[j]) || hasPipe(lines[j]) || lines[j].trim().length > WRAPPED_LINE_MAX) break;
      }
    }
    return isSep(k - 1) && isValueLike(line) && line.trim() !== '';
  };
  let end = start;
  while (end < lines.length && inRegion(end)) end++;
  if (end === start) return undefined;
  const region = lines.slice(start, end);
  const contentPipes = region.filter((line) => hasPipe(line) && !PIPE_SEPARATOR.test(line)).length;
  const bare = region.filter((line) => !hasPipe(line)).length;
  if (contentPipes === 0 && !region.some((line) => PIPE_SEPARATOR.test(line))) return undefined;
  const trailing = contentPipes > bare;
  if (trailing) {
    // cells carry their own pipes here, so bare lines around them are headings and prose
    if (!hasPipe(region[0])) return undefined;
    while (!hasPipe(region[region.length - 1])) {
      region.pop();
      end--;
    }
  }
  return { rows: trailing ? rowsOfTrailingPipes(region) : rowsOfBarePipes(region), next: end };
};

/** Splits a content line into cells; `kind` says whether it is one cell, a padded cell closing its row, or a whole row. */
function cellsOfPipeLine(line: string, leadingIsDelimiter: boolean): { kind: 'cell' | 'closing' | 'row'; cells: string[] } {
  const parts = line.trim().split('|').map((p) => p.trim());
  if (leadingIsDelimiter && line.trimStart().startsWith('|')) parts.shift();
  if (line.trimEnd().endsWith('|')) parts.pop();
  if (parts.length === 1) return { kind: 'cell', cells: parts };
  const filled = parts.filter((p) => p !== '').length;
  if (filled === 1 && parts[0] !== '' && parts.slice(1).every((p) => p === '')) return { kind: 'closing', cells: [parts[0]] };
  return { kind: 'row', cells: parts };
}

/** Builds rows from pipe-dialect events: cells gather into a pending row until something ends it. */
function pipeRowBuilder() {
  const rows: string[][] = [];
  let pending: string[] = [];
  const endRow = () => {
    if (pending.length > 0) rows.push(...splitLostRows(pending));
    pending = [];
  };
  const take = (line: string, leadingIsDelimiter: boolean) => {
    const { kind, cells } = cellsOfPipeLine(line, leadingIsDelimiter);
    if (kind === 'row') {
      endRow();
      rows.push(cells);
      return;
    }
    pending.push(cells[0]);
    if (kind === 'closing') endRow();
  };
  return { rows, endRow, take, push: (cell: string) => pending.push(cell) };
}

function leadingPipeIsDelimiter(region: string[]): boolean {
  const rowLines = region.filter((line) => hasPipe(line) && !PIPE_SEPARATOR.test(line));
  return rowLines.length > 0 && rowLines.filter((line) => line.trimStart().startsWith('|')).length * 2 > rowLines.length;
}

/** Cells that end with their own pipe: `a | b |` rows, or `a |` a line; a lone `|` is an empty cell. */
function rowsOfTrailingPipes(region: string[]): string[][] {
  const builder = pipeRowBuilder();
  const leading = leadingPipeIsDelimiter(region);
  for (const line of region) {
    if (PIPE_SEPARATOR.test(line)) {
      if (countPipes(line) === 1) builder.push('');
      else builder.endRow();
    } else if (!hasPipe(line)) {
      builder.push(line.trim());
    } else {
      builder.take(line, leading);
    }
  }
  builder.endRow();
  return builder.rows;
}

/** Bare cells between lines of `|`: consecutive bare lines are one wrapped cell. */
function rowsOfBarePipes(region: string[]): string[][] {
  const builder = pipeRowBuilder();
  const leading = leadingPipeIsDelimiter(region);
  let cellLines: string[] = [];
  const flushCell = () => {
    if (cellLines.length > 0) builder.push(cellLines.join('\n'));
    cellLines = [];
  };
  let previousWasSeparator = false;
  for (const line of region) {
    if (PIPE_SEPARATOR.test(line)) {
      flushCell();
      if (countPipes(line) >= 2 || previousWasSeparator) builder.endRow();
      previousWasSeparator = true;
      continue;
    }
    previousWasSeparator = false;
    if (!hasPipe(line)) {
      cellLines.push(line.trim());
      continue;
    }
    flushCell();
    builder.take(line, leading);
  }
  flushCell();
  builder.endRow();
  return builder.rows;
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

/** Lines longer than this are prose, never a space-aligned row (and keep the row patterns linear). */
const MAX_SPACED_ROW = 1000;
const NUMBER_TOKEN = '[-+\\u2212\\uff0d]?[0-9\\uff10-\\uff19][0-9\\uff10-\\uff19,.\\uff0c\\uff0e]*';
const LABEL_THEN_NUMBERS = new RegExp(`^(.*?\\S)\\s+((?:${NUMBER_TOKEN}\\s+)+${NUMBER_TOKEN})$`);
const ONLY_NUMBERS = new RegExp(`^(?:${NUMBER_TOKEN}\\s+)+${NUMBER_TOKEN}$`);

/** Cells of a line printed with space-aligned columns, or a label followed by numbers; undefined for prose. */
export function cellsOfSpacedLine(line: string): string[] | undefined {
  if (line.length > MAX_SPACED_ROW) return undefined;
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
