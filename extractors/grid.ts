import type { GridCell, Grid, Place } from './model.ts';

/** A cell as a reader meets it before spans are expanded. */
export interface RawCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  place?: Place;
}

/**
 * Expand rows of raw cells (HTML/DOCX style: a cell covered by a rowspan from above is absent
 * from its row) into a rectangular grid of slots. `skipBefore[r]` leaves that many empty slots at
 * the start of row r (DOCX gridBefore).
 */
export function expandSpans(rawRows: RawCell[][], label: string, skipBefore: number[] = []): Grid {
  const rows: (GridCell | undefined)[][] = [];
  rawRows.forEach((raw, r) => {
    rows[r] ??= [];
    let c = 0;
    const skip = skipBefore[r] ?? 0;
    for (let i = 0; i < skip; i++) {
      while (rows[r][c]) c++;
      rows[r][c] = { text: '', covered: false, origin: [r, c], rowSpan: 1, colSpan: 1 };
      c++;
    }
    for (const cell of raw) {
      while (rows[r][c]) c++;
      const rs = Math.max(1, Math.min(cell.rowSpan ?? 1, 1000));
      const cs = Math.max(1, Math.min(cell.colSpan ?? 1, 1000));
      for (let dr = 0; dr < rs; dr++) {
        // a rowspan never reaches past the rows the table has
        if (r + dr >= rawRows.length) break;
        rows[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) {
          rows[r + dr][c + dc] = {
            text: cell.text,
            covered: dr > 0 || dc > 0,
            origin: [r, c],
            rowSpan: rs,
            colSpan: cs,
            place: cell.place,
          };
        }
      }
      c += cs;
    }
  });
  const width = rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const full: GridCell[][] = rows.map((row, r) =>
    Array.from({ length: width }, (_, c) => row?.[c] ?? { text: '', covered: false, origin: [r, c], rowSpan: 1, colSpan: 1 }),
  );
  return { kind: 'grid', rows: full, width, label, aligned: true };
}
