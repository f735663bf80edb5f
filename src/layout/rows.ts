/**
 * The document as one stream of rows: every grid row (tables split over pages simply continue)
 * and every paragraph, in reading order. The recogniser walks this stream.
 */
import type { Grid, Place, SourceDoc } from '../../extractors/model.ts';
import { hasCjk, normaliseLabel } from '../text/normalise.ts';
import { looksLikeValue } from '../text/numbers.ts';

export interface StreamCell {
  text: string;
  norm: string;
  /** covered by a merged cell whose origin is in an earlier row (its text is the origin's) */
  covered: boolean;
  /** slot column of the cell in its grid (first slot of a horizontal span) */
  col: number;
  colSpan: number;
  place?: Place;
}

export interface GridRow {
  kind: 'row';
  grid: Grid;
  r: number;
  cells: StreamCell[];
}

export interface ParaRow {
  kind: 'para';
  text: string;
  norm: string;
  place?: Place;
}

export type StreamRow = GridRow | ParaRow;

/** Flatten a document into its row stream; a horizontally merged cell appears once per row. */
export function streamRows(doc: SourceDoc): StreamRow[] {
  const out: StreamRow[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      const norm = normaliseLabel(block.text);
      if (norm) out.push({ kind: 'para', text: block.text, norm, place: block.place });
      continue;
    }
    block.rows.forEach((slots, r) => {
      const cells: StreamCell[] = [];
      slots.forEach((slot, c) => {
        const [or, oc] = slot.origin;
        // a horizontal span shows once, at its first slot in this row
        if (slot.covered && or === r && oc !== c) return;
        if (slot.covered && or !== r && c > 0 && slots[c - 1].origin[0] === or && slots[c - 1].origin[1] === oc) return;
        cells.push({
          text: slot.text,
          norm: normaliseLabel(slot.text),
          covered: slot.covered && or !== r,
          col: c,
          colSpan: block.aligned ? slot.colSpan : 1,
          place: slot.place,
        });
      });
      // an all-blank row stays: under 表四's header it is the (blank) data row
      if (cells.length) out.push({ kind: 'row', grid: block, r, cells });
    });
  }
  return out;
}

/** A cell that reads as a label: it holds CJK text and is not a value such as "无" or "160万元". */
export function isLabelCell(cell: StreamCell): boolean {
  return cell.norm !== '' && hasCjk(cell.norm) && !looksLikeValue(cell.text);
}

export interface RowParts {
  /** label cells, outermost group first; covered ones carry their group's text */
  labels: StreamCell[];
  /** the cells after the last label */
  values: StreamCell[];
}

/**
 * Split a row into labels and values: the labels run up to the last label cell that no value
 * cell precedes; everything after is a value cell (blank ones included, as printed).
 */
export function splitRow(row: GridRow): RowParts {
  let last = -1;
  for (let i = 0; i < row.cells.length; i++) {
    const cell = row.cells[i];
    if (isLabelCell(cell)) last = i;
    else if (cell.norm !== '' && !cell.covered) break;
  }
  return {
    labels: row.cells.slice(0, last + 1).filter((c) => c.norm !== ''),
    values: row.cells.slice(last + 1),
  };
}
