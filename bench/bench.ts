/**
 * Throughput of `xxgk extract` on a generated crawl: files/s with 1 worker and with all workers
 * (the speed-up), files/s per format, and peak memory (runner + workers, sampled together).
 *
 *   npm run bench                         print the table
 *   npm run bench -- --files 2000         size of the mixed crawl (default 1200)
 *   npm run bench -- --repeat 3           runs per configuration, alternating; the best is reported (default 2)
 *   npm run bench -- --write-results      also write bench/results.md (numbers in docs come from here)
 *   npm run bench -- --pdf-only           only the PDF reader table (see below)
 *
 * It ends with the PDF reader on its own (bench/pdf.ts, in a fresh process): time and CPU per PDF
 * and per page, peak memory, and `pdftotext -layout` on the same files when poppler is installed,
 * for samples/pdf and, when the shared corpus sits beside the project, its real reports.
 *
 * Other processes on a shared machine take cores away at random moments, so each configuration is
 * run several times, interleaved with the others, and the fastest run is reported.
 * files/s counts the whole run (start-up included); "steady" counts from the first file done to
 * the last (worker start-up excluded), which is what a long crawl sees.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveWorkers, runExtract } from '../src/run/batch.ts';
import { WORKER_V8_FLAGS } from '../src/run/pool.ts';
import { DEFAULT_SETTINGS, type Settings } from '../src/settings.ts';
import { TOOL_VERSION } from '../src/version.ts';
import { loadSamples, writeCrawl, type BenchFormat, type CrawlPlan } from './crawl.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const TOTAL = opt('--files', 1200);
const PER_FORMAT = opt('--per-format', 400);
const REPEAT = opt('--repeat', 2);
const writeResults = args.includes('--write-results');
const pdfOnly = args.includes('--pdf-only');

/** The PDF reader bench (bench/pdf.ts) over each group of PDFs, in a fresh process each, with the workers' V8 flags. */
function pdfReaderTables(): string {
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const groups: [string, string][] = [['samples/pdf (fixtures, incl. broken ones)', join(projectRoot, 'samples', 'pdf')]];
  const real = join(projectRoot, '..', 'shared', 'corpus', 'real');
  if (existsSync(real)) groups.push(['real reports of the shared corpus (../shared/corpus/real)', real]);
  const parts: string[] = [];
  for (const [label, dir] of groups) {
    console.error(`bench: PDF reader on ${label}`);
    const r = spawnSync(process.execPath, [...WORKER_V8_FLAGS, '--import', 'tsx', fileURLToPath(new URL('./pdf.ts', import.meta.url)), dir], { encoding: 'utf8', cwd: projectRoot });
    parts.push(`### ${label}\n\n\`\`\`\n${(r.status === 0 ? r.stdout : `failed: ${r.stderr}`).trim()}\n\`\`\``);
  }
  return parts.join('\n\n');
}

interface Row {
  run: string;
  files: number;
  workers: number;
  wallS: number;
  filesPerS: number;
  steadyPerS: number;
  peakRssMb: number;
  /** CPU of runner + workers per file, ms: the work itself, whatever else the machine runs */
  cpuMsPerFile: number;
  /** CPU seconds / wall seconds: how many cores the run got */
  coresUsed: number;
  statuses: string;
}

async function measure(name: string, dir: string, workers: number): Promise<Row> {
  const settings: Settings = { ...DEFAULT_SETTINGS, run: { ...DEFAULT_SETTINGS.run, workers } };
  const out = mkdtempSync(join(tmpdir(), 'xxgk-bench-out-'));
  let first = 0, last = 0;
  const t0 = performance.now();
  try {
    const r = await runExtract({
      inputs: [dir], outDir: out, settings,
      onProgress: (p) => {
        if (p.writing) return;
        const now = performance.now();
        if (p.done === 1) first = now;
        last = now;
      },
    });
    const wall = (performance.now() - t0) / 1000;
    const s = r.summary;
    return {
      run: name, files: s.files, workers: s.run.workers, wallS: wall,
      filesPerS: s.files / wall,
      steadyPerS: last > first ? (s.files - 1) / ((last - first) / 1000) : NaN,
      peakRssMb: s.run.peakRssMb,
      cpuMsPerFile: (s.run.cpuSeconds * 1000) / s.files,
      coresUsed: s.run.cpuSeconds / wall,
      statuses: Object.entries(s.byStatus).map(([k, v]) => `${k} ${v}`).join(', '),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
function table(rows: Row[]): string {
  const head = '| run | files | workers | wall s | files/s | steady files/s | peak RSS MB | CPU ms/file | cores used | statuses |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|';
  return [head, sep, ...rows.map((r) => `| ${r.run} | ${r.files} | ${r.workers} | ${fmt(r.wallS)} | ${fmt(r.filesPerS)} | ${fmt(r.steadyPerS)} | ${r.peakRssMb} | ${fmt(r.cpuMsPerFile)} | ${fmt(r.coresUsed, 2)} | ${r.statuses} |`)].join('\n');
}

if (pdfOnly) {
  console.log(pdfReaderTables());
  process.exit(0);
}

const samples = loadSamples();
const have = (Object.keys(samples) as BenchFormat[]).filter((f) => samples[f].length);
const root = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
const loadBefore = loadavg()[0];
const started = new Date();
try {
  // the mixed crawl: documents of every format there are samples of, 5% broken, 5% duplicates
  const docs = Math.round(TOTAL * 0.9);
  const share: Record<BenchFormat, number> = { text: 0.3, html: 0.3, docx: 0.3, pdf: 0.1 };
  const sum = have.reduce((a, f) => a + share[f], 0);
  const counts = Object.fromEntries(have.map((f) => [f, Math.round((docs * share[f]) / sum)])) as CrawlPlan['counts'];
  const mixed = join(root, 'mixed');
  const written = writeCrawl(mixed, { counts, broken: Math.round(TOTAL * 0.05), duplicates: Math.round(TOTAL * 0.05) }, samples);
  console.error(`bench: mixed crawl ${JSON.stringify(written)} in ${mixed}`);

  const all = resolveWorkers(DEFAULT_SETTINGS, Number.MAX_SAFE_INTEGER);
  const configs: [string, string, number][] = [['mixed, 1 worker', mixed, 1], [`mixed, ${all} workers`, mixed, all]];
  for (const f of have) {
    const dir = join(root, f);
    writeCrawl(dir, { counts: { [f]: f === 'pdf' ? Math.min(PER_FORMAT, 100) : PER_FORMAT } }, samples);
    configs.push([`${f} only, ${all} workers`, dir, all]);
  }
  const best = new Map<string, Row>();
  for (let round = 1; round <= REPEAT; round++) {
    for (const [name, dir, workers] of configs) {
      const row = await measure(name, dir, workers);
      console.error(`round ${round}: ${name}: ${fmt(row.filesPerS)} files/s, ${fmt(row.steadyPerS)} steady, peak ${row.peakRssMb} MB, ${fmt(row.cpuMsPerFile)} CPU ms/file, ${fmt(row.coresUsed, 2)} cores (load ${fmt(loadavg()[0], 2)})`);
      const prev = best.get(name);
      const peakRssMb = Math.max(row.peakRssMb, prev?.peakRssMb ?? 0);
      best.set(name, !prev || row.steadyPerS > prev.steadyPerS ? { ...row, peakRssMb } : { ...prev, peakRssMb });
    }
  }
  const rows = configs.map(([name]) => best.get(name)!);
  const one = rows[0], many = rows[1];
  const speedup = `speed-up with ${all} workers: ${fmt(many.filesPerS / one.filesPerS, 2)}× overall, ${fmt(many.steadyPerS / one.steadyPerS, 2)}× steady`;
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, xxgk ${TOOL_VERSION}; ` +
    `load average ${fmt(loadBefore, 2)} before, ${fmt(loadavg()[0], 2)} after (other processes on the machine compete for the cores)`;
  const pdfTables = pdfReaderTables();
  console.log(`\n${table(rows)}\n\n${speedup}\n${machine}\n\n## PDF reader alone\n\n${pdfTables}`);
  if (writeResults) {
    const path = fileURLToPath(new URL('./results.md', import.meta.url));
    writeFileSync(path, `# xxgk extract benchmark\n\nMeasured ${started.toISOString()} by \`npm run bench -- --write-results\` on a generated crawl ` +
      `(variants of samples/, 5% broken files, 5% duplicates; per-format crawls of ${PER_FORMAT} files, PDF at most 100). ` +
      `Each configuration ran ${REPEAT} times, interleaved; the fastest run (steady files/s) is shown, with the highest peak RSS of all its runs.\n\n` +
      `${table(rows)}\n\n${speedup}.\n\n${machine}.\n\n` +
      'files/s counts the whole run including worker start-up; steady files/s counts from the first file done to the last. ' +
      'Peak RSS is the runner plus all workers, sampled together every 50 ms. CPU ms/file is the CPU time of the runner and its workers ' +
      'per file (the work itself, whatever else runs on the machine); cores used = CPU time / wall time: a run with 2 workers that got ' +
      'about 1 core was sharing the machine, and its speed-up is bounded by that, not by the runner.\n\n' +
      '## PDF reader alone\n\n' +
      '`bench/pdf.ts` in a fresh process with the workers\' V8 flags (`' + WORKER_V8_FLAGS.join(' ') + '`): one warm-up read of every file, then the median of 5 reads each (wall ms, and CPU ms of ' +
      'the whole process, all threads, GC helpers included); ms/page is wall; pdftotext is the whole `pdftotext -layout` process ' +
      'on the same file, median of 5; ratio = our wall / pdftotext; peak RSS is the bench process.\n\n' +
      `${pdfTables}\n`);
    console.error(`bench: wrote ${path}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
