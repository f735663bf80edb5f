/**
 * One page → blocks: text runs, ruled tables (lattice) where the page looks tabular, unruled
 * tables (stream) from what remains, and paragraphs for the rest, in reading order.
 */
import type { Block, Grid } from '../model.ts';
import { splitBandsByTextLines } from './bands.ts';
import { multiply, unturn, type Matrix } from './geometry.ts';
import type { PdfPage } from './load.ts';
import { walkOperators, type OpIds, type OperatorList } from './operators.ts';
import { paragraphsFromRuns } from './paragraphs.ts';
import { fillTable } from './place.ts';
import { segmentsFromPaths } from './rules.ts';
import { dominantQuarter, runsFromGlyphs, runsFromItems, type FontStyles, type Run, type TextItemLike } from './runs.ts';
import { looksTabular, readSignals, type PageSignals } from './signals.ts';
import { tablesFromText } from './stream.ts';
import { tablesFromSegments } from './lattice.ts';
import type { TableStructure } from './structure.ts';

export interface PageResult {
  blocks: Block[];
  signals: PageSignals;
  /** whether the drawing was parsed */
  parsedDrawing: boolean;
  /** a table reaches the lower part of the page: it may continue on the next */
  tableAtFoot: boolean;
}

/** A table whose bottom lies below this share of the page height may continue on the next page. */
const FOOT_SHARE = 0.7;

/**
 * `afterTable`: the previous page ended in a table. Its continuation is parsed even when its own
 * text does not look tabular (a few tall rows of wrapped labels, or only one column of numbers).
 */
export async function readPage(page: PdfPage, pageNo: number, ops: OpIds, afterTable = false): Promise<PageResult> {
  const viewport = page.getViewport({ scale: 1 });
  const toViewed = viewport.transform as unknown as Matrix;
  const content = await page.getTextContent();
  const items = content.items.filter((it): it is typeof it & TextItemLike => 'str' in it) as unknown as TextItemLike[];
  const styles = content.styles as unknown as FontStyles;
  const quarter = dominantQuarter(items, styles, toViewed);
  const turn = unturn(quarter, viewport.width, viewport.height);
  const toFrame = multiply(toViewed, turn.m);
  const signals = readSignals(items, styles);

  let structures: TableStructure[] = [];
  let glyphRuns: Run[] = [];
  let skipFonts = new Set<string>();
  const parsedDrawing = looksTabular(signals) || (afterTable && signals.chars > 0);
  if (parsedDrawing) {
    const list = (await page.getOperatorList()) as unknown as OperatorList;
    const { paths, glyphs } = walkOperators(list, ops, toFrame, signals.verticalFonts);
    structures = tablesFromSegments(segmentsFromPaths(paths, turn.width, turn.height));
    glyphRuns = runsFromGlyphs(glyphs);
    if (glyphs.length) skipFonts = signals.verticalFonts;
  }
  let runs = [...runsFromItems(items, toFrame, skipFonts), ...glyphRuns];

  const grids: { grid: Grid; top: number }[] = [];
  let tableAtFoot = false;
  const take = (tables: TableStructure[]) => {
    for (const drawn of tables) {
      const t = drawn.method === 'lattice' ? splitBandsByTextLines(drawn, runs) : drawn;
      const { grid, taken } = fillTable(t, runs, pageNo, '');
      if (!taken.size) continue;
      runs = runs.filter((r) => !taken.has(r));
      grids.push({ grid, top: t.ys[0] });
      if (t.ys[t.ys.length - 1] > FOOT_SHARE * turn.height) tableAtFoot = true;
    }
  };
  take(structures);
  if (parsedDrawing) take(tablesFromText(runs));

  const paragraphs = paragraphsFromRuns(runs, pageNo);
  const ordered: { block: Block; top: number }[] = [
    ...grids.map((g) => ({ block: g.grid as Block, top: g.top })),
    ...paragraphs.map(({ top, ...p }) => ({ block: p as Block, top })),
  ].sort((a, b) => a.top - b.top);
  let n = 0;
  for (const o of ordered) if (o.block.kind === 'grid') o.block.label = `page ${pageNo} table ${++n}`;
  return { blocks: ordered.map((o) => o.block), signals, parsedDrawing, tableAtFoot };
}
