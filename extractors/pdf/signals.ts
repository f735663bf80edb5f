/**
 * Cheap signals read from text items alone, before any drawing is parsed: does this page look
 * like it holds a table (worth getOperatorList), and is its text layer real text?
 */
import { isGarbage, isNumeric } from './chars.ts';
import type { FontStyles, TextItemLike } from './runs.ts';

/** Gaps wider than this many font sizes between items on one baseline look like column gaps. */
const COLUMN_GAP_EMS = 1.5;
/** Between two numbers, a narrower gap does: narrow value columns in a large font sit closer. */
const NUMBER_GAP_EMS = 0.5;

export interface PageSignals {
  /** characters of real text */
  chars: number;
  /** characters that look like fonts without ToUnicode */
  garbage: number;
  numericItems: number;
  columnGaps: number;
  /** gaps of more than half an em between two numbers side by side on one baseline */
  numberGaps: number;
  verticalFonts: Set<string>;
  /** items not on the dominant direction (rotated labels) */
  turnedItems: number;
}

export function readSignals(items: TextItemLike[], styles: FontStyles): PageSignals {
  const s: PageSignals = { chars: 0, garbage: 0, numericItems: 0, columnGaps: 0, numberGaps: 0, verticalFonts: new Set(), turnedItems: 0 };
  const placed: Placed[] = [];
  for (const it of items) {
    const t = it.str.trim();
    // pdfjs's synthetic space items carry widths in other units: measure gaps between real items
    if (!t) continue;
    const size = Math.hypot(it.transform[2], it.transform[3]) || 1;
    if (styles[it.fontName]?.vertical) s.verticalFonts.add(it.fontName);
    if (Math.abs(it.transform[1]) > 0.1 * size || Math.abs(it.transform[2]) > 0.1 * size) s.turnedItems++;
    for (const ch of t) {
      if (ch.trim()) {
        s.chars++;
        if (isGarbage(ch)) s.garbage++;
      }
    }
    const numeric = isNumeric(t);
    if (numeric) s.numericItems++;
    placed.push({ x0: it.transform[4], x1: it.transform[4] + it.width, y: it.transform[5], size, numeric });
  }
  Object.assign(s, countGaps(placed));
  return s;
}

interface Placed { x0: number; x1: number; y: number; size: number; numeric: boolean }

/**
 * Gaps between neighbouring items on one baseline (wide ones, and narrower ones between two
 * numbers). Items are grouped by baseline whatever
 * their order in the content stream: a word processor writes a table cell by cell, so the number
 * on a row's first line comes after every line of a label wrapped beside it.
 */
function countGaps(placed: Placed[]): { columnGaps: number; numberGaps: number } {
  const byLine = [...placed].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  let columnGaps = 0, numberGaps = 0;
  for (let i = 0; i < byLine.length; ) {
    const first = byLine[i];
    let j = i + 1;
    while (j < byLine.length && first.y - byLine[j].y < 0.5 * first.size) j++;
    const line = byLine.slice(i, j).sort((a, b) => a.x0 - b.x0);
    for (let k = 1; k < line.length; k++) {
      const gap = line[k].x0 - line[k - 1].x1;
      if (gap > COLUMN_GAP_EMS * line[k].size) columnGaps++;
      else if (line[k].numeric && line[k - 1].numeric && gap > NUMBER_GAP_EMS * line[k].size) numberGaps++;
    }
    i = j;
  }
  return { columnGaps, numberGaps };
}

/** Worth parsing the drawing (ruling lines, vertical text): a generic, label-free test. */
export function looksTabular(s: PageSignals): boolean {
  // numbers alone say nothing (dates in prose); wide gaps between items on one line do
  return s.verticalFonts.size > 0 || s.turnedItems >= 2 || s.columnGaps >= 3 || s.numberGaps >= 4;
}
