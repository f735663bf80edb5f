/**
 * A reviewable view of what the PDF reader returned: problems, paragraphs and grids with covered
 * slots written as `^` (covered from above) or `<` (from the left). Goldens store this shape.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../../extractors/pdf/index.ts';
import { DEFAULT_READER_LIMITS, type Grid, type ReaderLimits, type SourceDoc } from '../../extractors/model.ts';

export const SAMPLES = fileURLToPath(new URL('../../samples/pdf/', import.meta.url));
export const GOLDEN = fileURLToPath(new URL('../golden/pdf/', import.meta.url));

export type CompactBlock =
  | { paragraph: string; page?: number }
  | { grid: string; pages?: number[]; width: number; rows: string[][] };

export interface CompactDoc {
  pages: number | null;
  problems: string[];
  blocks: CompactBlock[];
}

export function compactGrid(g: Grid): string[][] {
  return g.rows.map((row, r) => row.map((cell) => (cell.covered ? (cell.origin[0] < r ? '^' : '<') : cell.text)));
}

export function compact(doc: SourceDoc): CompactDoc {
  return {
    pages: doc.pages ?? null,
    problems: doc.problems.map((p) => p.code),
    blocks: doc.blocks.map((b) =>
      b.kind === 'grid'
        ? { grid: b.label, pages: b.pages, width: b.width, rows: compactGrid(b) }
        : { paragraph: b.text, page: b.place?.page },
    ),
  };
}

export async function readSample(name: string, limits: ReaderLimits = DEFAULT_READER_LIMITS): Promise<SourceDoc> {
  return readPdf(new Uint8Array(readFileSync(`${SAMPLES}${name}.pdf`)), limits);
}

export function grids(doc: SourceDoc): Grid[] {
  return doc.blocks.filter((b): b is Grid => b.kind === 'grid');
}

/** Golden file text: one block per line, one grid row per line, so a diff reads like the table. */
export function formatGolden(doc: CompactDoc): string {
  const j = JSON.stringify;
  const blocks = doc.blocks.map((b) => {
    if ('paragraph' in b) return `  ${j(b)}`;
    const { rows, ...head } = b;
    const headText = j(head).slice(0, -1);
    return `  ${headText}, "rows": [\n${rows.map((r) => `    ${j(r)}`).join(',\n')}\n  ]}`;
  });
  return `{\n "pages": ${j(doc.pages)},\n "problems": ${j(doc.problems)},\n "blocks": [\n${blocks.join(',\n')}\n ]\n}\n`;
}
