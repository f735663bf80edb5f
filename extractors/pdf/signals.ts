/**
 * Cheap signals read from text items alone, before any drawing is parsed: does this page look
 * like it holds a table (worth getOperatorList), and is its text layer real text?
 */
import { isGarbage, isNumeric } from './chars.ts';
import type { FontStyles, TextItemLike } from './runs.ts';

/** Gaps wider than this many font sizes between items on one baseline look like column gaps. */
const COLUMN_GAP_EMS = 1.5;

export interface PageSignals {
  /** characters of real text */
  chars: number;
  /** characters that look like fonts without ToUnicode */
  garbage: number;
  numericItems: number;
  columnGaps: number;
  verticalFonts: Set<string>;
  /** items not on the dominant direction (rotated labels) */
  turnedItems: number;
}

export function readSignals(items: TextItemLike[], styles: FontStyles): PageSignals {
  const s: PageSignals = { chars: 0, garbage: 0, numericItems: 0, columnGaps: 0, verticalFonts: new Set(), turnedItems: 0 };
  let prev: TextItemLike | undefined;
  let prevEnd = 0;
  for (const it of items) {
    const t = it.str.trim();
    const size = Math.hypot(it.transform[2], it.transform[3]) || 1;
    const sameLine = prev && Math.abs(prev.transform[5] - it.transform[5]) < 0.5 * size && Math.abs(prev.transform[4] - it.transform[4]) >= 0;
    // pdfjs's synthetic space items carry widths in other units: measure gaps between real items
    if (!t) continue;
    if (styles[it.fontName]?.vertical) s.verticalFonts.add(it.fontName);
    if (Math.abs(it.transform[1]) > 0.1 * size || Math.abs(it.transform[2]) > 0.1 * size) s.turnedItems++;
    for (const ch of t) {
      if (ch.trim()) {
        s.chars++;
        if (isGarbage(ch)) s.garbage++;
      }
    }
    if (isNumeric(t)) s.numericItems++;
    if (sameLine && it.transform[4] - prevEnd > COLUMN_GAP_EMS * size) s.columnGaps++;
    prev = it;
    prevEnd = it.transform[4] + it.width;
  }
  return s;
}

/** Worth parsing the drawing (ruling lines, vertical text): a generic, label-free test. */
export function looksTabular(s: PageSignals): boolean {
  // numbers alone say nothing (dates in prose); wide gaps between items on one line do
  return s.verticalFonts.size > 0 || s.turnedItems >= 2 || s.columnGaps >= 3;
}
