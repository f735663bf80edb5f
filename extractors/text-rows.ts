/**
 * Small structural tests and transforms on the cells of text dumps, shared by the text reader's
 * table dialects. Nothing here knows what a table is about: only whether a cell looks like a
 * value (a number, possibly with a short unit, or a blank/placeholder) or like a label.
 */
import type { Grid, GridCell } from './model.ts';

/** Digits (ASCII or fullwidth) with separators, an optional sign and at most two trailing CJK unit characters. */
const NUMBER_CELL = /^[-+\u2212\uff0d]?[0-9\uff10-\uff19][0-9\uff10-\uff19,.\uff0c\uff0e]*\s*[%\u4e00-\u9fff]{0,2}$/;
/** A cell holding only a placeholder: slash, dashes, or one CJK character standing for "none". */
const PLACEHOLDER_CELL = /^[\/\uff0f\-\u2012-\u2015\u2212\uff0d\u2014\u2013]{1,2}$|^[\u4e00-\u9fff]$/;

/** True for a cell that looks like a value: empty, a number (units allowed), or a placeholder. */
export function isValueLike(text: string): boolean {
  const t = text.trim();
  return t === '' || NUMBER_CELL.test(t) || PLACEHOLDER_CELL.test(t);
}

/** True for a cell that is a number (not blank, not a placeholder). */
export function isNumberLike(text: string): boolean {
  return NUMBER_CELL.test(text.trim());
}

/**
 * Split a run of cells whose row boundaries were lost into rows: a label that follows a value
 * starts a new row, and of several labels before a run of values, the last one starts the row
 * (the earlier ones are headers or group labels printed on their own).
 */
export function splitLostRows(cells: string[]): string[][] {
  const pieces: string[][] = [];
  let current: string[] = [];
  for (const cell of cells) {
    const label = !isValueLike(cell);
    if (label && current.some((c) => isValueLike(c)) && current.length > 0 && isValueLike(current[current.length - 1])) {
      pieces.push(current);
      current = [];
    }
    current.push(cell);
  }
  if (current.length > 0) pieces.push(current);
  const rows: string[][] = [];
  for (const raw of pieces) {
    // empty cells before the first label are artifacts of the dump (a row-leading pipe)
    const firstLabel = raw.findIndex((c) => !isValueLike(c));
    const piece = firstLabel > 0 && raw.slice(0, firstLabel).every((c) => c.trim() === '') ? raw.slice(firstLabel) : raw;
    const firstValue = piece.findIndex((c) => c.trim() !== '' && isValueLike(c));
    const labelsBefore = firstValue < 0 ? [] : piece.slice(0, firstValue).flatMap((c, i) => (isValueLike(c) ? [] : [i]));
    if (labelsBefore.length >= 2) {
      const last = labelsBefore[labelsBefore.length - 1];
      rows.push(piece.slice(0, last));
      rows.push(piece.slice(last));
    } else {
      rows.push(piece);
    }
  }
  return rows.filter((row) => row.some((c) => c.trim() !== ''));
}

/** A ragged grid (aligned: false) from rows of cell texts, as printed. */
export function raggedGrid(rows: string[][], label: string): Grid {
  const gridRows: GridCell[][] = rows.map((row, r) =>
    row.map((text, c) => ({ text, covered: false, origin: [r, c] as [number, number], rowSpan: 1, colSpan: 1 })),
  );
  return { kind: 'grid', rows: gridRows, width: rows.reduce((w, row) => Math.max(w, row.length), 0), aligned: false, label };
}
