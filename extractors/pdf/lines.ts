/**
 * Runs → lines: runs that share a baseline band, left to right, and the text of a line and of
 * a stack of lines (a cell, a paragraph).
 */
import { joinPieces } from './chars.ts';
import type { Run } from './runs.ts';

export interface Line {
  runs: Run[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
}

/** Group runs into lines by vertical overlap; lines top to bottom, runs left to right. */
export function groupLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const lines: Line[] = [];
  for (const run of sorted) {
    const h = run.y1 - run.y0;
    let target: Line | undefined;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 3; i--) {
      const line = lines[i];
      const overlap = Math.min(line.y1, run.y1) - Math.max(line.y0, run.y0);
      const lh = line.y1 - line.y0;
      if (overlap >= 0.5 * Math.min(h, lh) && !collides(line, run)) {
        target = line;
        break;
      }
    }
    if (target) {
      target.runs.push(run);
      target.x0 = Math.min(target.x0, run.x0);
      target.x1 = Math.max(target.x1, run.x1);
      target.y0 = Math.min(target.y0, run.y0);
      target.y1 = Math.max(target.y1, run.y1);
      target.size = Math.max(target.size, run.size);
    } else {
      lines.push({ runs: [run], x0: run.x0, y0: run.y0, x1: run.x1, y1: run.y1, size: run.size });
    }
  }
  for (const line of lines) line.runs.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** Two single characters stacked one above the other are not on one line (vertical text). */
function collides(line: Line, run: Run): boolean {
  return line.runs.some((r) => Math.min(r.x1, run.x1) - Math.max(r.x0, run.x0) > 0.5 * Math.min(r.x1 - r.x0, run.x1 - run.x0));
}

/** The text of one line: runs joined, a space only between Latin letters/digits set apart. */
export function lineText(line: Line): string {
  const runs = line.runs;
  // letter-spaced text: every run one character, evenly spread: join without spaces
  const letterSpaced = runs.length >= 3 && runs.every((r) => Array.from(r.text).length === 1);
  let text = '';
  let prev: Run | undefined;
  for (const run of runs) {
    if (!prev || letterSpaced) text += run.text;
    else {
      const gap = run.x0 - prev.x1;
      text = gap > 0.15 * Math.min(run.size, prev.size) ? joinPieces(text, run.text) : text + run.text;
    }
    prev = run;
  }
  return text;
}

/** Text of stacked lines (a cell, a paragraph): lines joined the same way as runs. */
export function linesText(lines: Line[]): string {
  // characters turned to read bottom to top (a btLr cell) are read from the bottom line up
  const upwards = lines.length > 1 && lines.every((l) => l.runs.every((r) => r.quarter === 3));
  const ordered = upwards ? [...lines].reverse() : lines;
  return ordered.map(lineText).reduce((acc, t) => joinPieces(acc, t), '');
}
