/**
 * Print what the PDF reader saw: paragraphs and grids (rows of `|`-separated cells) with pages.
 *   npx tsx scripts/dump-pdf.ts file.pdf [--bbox] [--covered]
 * Covered slots of merged cells print as `^` (covered from above) or `<` (from the left).
 */
import { readFileSync } from 'node:fs';
import { readPdf } from '../extractors/pdf/index.ts';
import { DEFAULT_READER_LIMITS, type Grid } from '../extractors/model.ts';

const args = process.argv.slice(2);
const showBox = args.includes('--bbox');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  console.error('usage: tsx scripts/dump-pdf.ts file.pdf [...] [--bbox]');
  process.exit(2);
}

function showGrid(g: Grid): string {
  const lines = [`== grid "${g.label}" pages ${g.pages?.join(',')} ${g.rows.length}x${g.width}`];
  g.rows.forEach((row, r) => {
    const cells = row.map((cell) => {
      if (cell.covered) return cell.origin[0] < r ? '^' : '<';
      const box = showBox && cell.place?.bbox ? ` @${cell.place.bbox.map((v) => Math.round(v)).join(',')}` : '';
      return cell.text + box;
    });
    lines.push(`${String(r).padStart(3)}: ${cells.join(' | ')}`);
  });
  return lines.join('\n');
}

for (const file of files) {
  const started = performance.now();
  const doc = await readPdf(new Uint8Array(readFileSync(file)), DEFAULT_READER_LIMITS);
  console.log(`# ${file}: ${doc.pages ?? 0} pages, ${doc.blocks.length} blocks, ${Math.round(performance.now() - started)} ms`);
  for (const p of doc.problems) console.log(`! ${p.code}: ${p.message}`);
  for (const b of doc.blocks) {
    if (b.kind === 'grid') console.log(showGrid(b));
    else console.log(`[p${b.place?.page}] ${b.text}`);
  }
}
