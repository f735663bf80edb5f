/**
 * PDF reader benchmark: time per PDF and per page (wall and CPU, warm process, single thread),
 * peak RSS, next to `pdftotext -layout` on the same files when poppler is installed. Medians of
 * PDF_BENCH_REPEATS (default 5) reads after one warm-up read of every file; on a shared machine
 * compare CPU ms, and runs made in the same conditions.
 *   npx tsx bench/pdf.ts [dir-or-file ...]      (default: samples/pdf)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../extractors/pdf/index.ts';
import { DEFAULT_READER_LIMITS } from '../extractors/model.ts';

/** timed reads per file (median taken); PDF_BENCH_REPEATS overrides */
const REPEATS = Math.max(1, Number(process.env.PDF_BENCH_REPEATS) || 5);
const root = fileURLToPath(new URL('..', import.meta.url));
const inputs = process.argv.slice(2);
if (!inputs.length) inputs.push(join(root, 'samples', 'pdf'));

function pdfsUnder(path: string): string[] {
  if (statSync(path).isFile()) return path.toLowerCase().endsWith('.pdf') ? [path] : [];
  return readdirSync(path).flatMap((name) => pdfsUnder(join(path, name))).sort();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const files = inputs.flatMap(pdfsUnder);
if (!files.length) {
  console.error('no PDFs found');
  process.exit(2);
}
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

// warm up: load pdfjs, and read every file once so that each file's first timed read does not pay
// for compiling the pdfjs paths its font types need (the first TrueType font, the first CMap, …)
for (const file of files) await readPdf(new Uint8Array(readFileSync(file)), DEFAULT_READER_LIMITS);

type Row = { file: string; pages: number; wall: number; cpu: number; poppler?: number; problems: string };
const rows: Row[] = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const walls: number[] = [], cpus: number[] = [];
  let pages = 0, problems = '';
  for (let i = 0; i < REPEATS; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const doc = await readPdf(bytes, DEFAULT_READER_LIMITS);
    walls.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
    pages = doc.pages ?? 0;
    problems = doc.problems.map((p) => p.code).join(',');
  }
  let poppler: number | undefined;
  if (hasPdftotext) {
    const times: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const t0 = performance.now();
      spawnSync('pdftotext', ['-layout', file, '-']);
      times.push(performance.now() - t0);
    }
    poppler = median(times);
  }
  rows.push({ file, pages, wall: median(walls), cpu: median(cpus), poppler, problems });
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`${'file'.padEnd(34)} ${pad('pages', 5)} ${pad('ms', 7)} ${pad('cpu ms', 7)} ${pad('ms/page', 8)} ${pad('pdftotext', 9)} ${pad('ratio', 6)}  problems`);
for (const r of rows) {
  const ratio = r.poppler ? (r.wall / r.poppler).toFixed(1) : '-';
  console.log(
    `${basename(r.file).slice(0, 34).padEnd(34)} ${pad(r.pages, 5)} ${pad(r.wall.toFixed(1), 7)} ${pad(r.cpu.toFixed(1), 7)} ${pad(r.pages ? (r.wall / r.pages).toFixed(1) : '-', 8)} ${pad(r.poppler?.toFixed(1) ?? '-', 9)} ${pad(ratio, 6)}  ${r.problems}`,
  );
}
const withPages = rows.filter((r) => r.pages > 0);
const totalPages = withPages.reduce((s, r) => s + r.pages, 0);
console.log(
  `\nmedian per PDF: ${median(rows.map((r) => r.wall)).toFixed(1)} ms wall, ${median(rows.map((r) => r.cpu)).toFixed(1)} ms CPU` +
    (totalPages ? `; per page: ${(withPages.reduce((s, r) => s + r.wall, 0) / totalPages).toFixed(1)} ms` : '') +
    (hasPdftotext ? `; pdftotext -layout median ${median(rows.map((r) => r.poppler ?? 0)).toFixed(1)} ms (whole process)` : '; pdftotext not installed') +
    `\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (${REPEATS} runs per file, warm process, ${files.length} files)`,
);
