/**
 * A batch run: discover → hash → (reuse | duplicate | extract in a worker) → append to
 * reports.jsonl → at the end write reports.jsonl, reports.csv, cells.csv and the summary in input
 * order, each atomically.
 *
 * Order: while running, reports.jsonl grows in completion order (so a killed run keeps every
 * finished file); the final rewrite puts records in input order (the arguments in the order given,
 * each folder walked in name order), followed by records of an earlier run (--resume) for files
 * not part of this run.
 *
 * Duplicates: the first file (in input order) of a set of byte-identical files is extracted; each
 * later one gets a copy of its record (values, status, issues) under its own name plus a
 * `duplicate` issue naming the first. Empty files are never marked duplicates (each is `empty_file`).
 *
 * Memory: records are never all held. Workers send each record rendered (JSONL line, CSV rows);
 * the runner appends them to reports.jsonl and two hidden part files in --out, keeps byte offsets,
 * and the final files are byte copies in input order.
 */
import { availableParallelism, totalmem } from 'node:os';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { wideHeader } from '../write/rows.ts';
import type { XxgkRecord } from '../record/schema.ts';
import type { Settings } from '../settings.ts';
import { TOOL_VERSION } from '../version.ts';
import { AtomicFile, writeFileAtomic } from '../write/atomic.ts';
import { BOM, csvRow } from '../write/csv.ts';
import { JsonlLog, type LineRef } from '../write/jsonl.ts';
import { renderRecord, type RecordHead, type Rendered } from '../write/render.ts';
import { CELLS_HEADER } from '../write/rows.ts';
import { emptyTally, makeSummary, summaryText, tallyRecord, type RunFigures, type Summary } from '../write/summary.ts';
import { allCanonicalKeys } from '../layout/spec.ts';
import { discoverInputs, type Entry } from './discover.ts';
import { hashFile, HEAD_BYTES } from './hash.ts';
import { MB } from './memory.ts';
import { WorkerPool } from './pool.ts';
import { duplicateRecord, failureRecord, formatOfHead, reusedRecord } from './records.ts';
import { loadPriorRuns } from './resume.ts';

export const OUTPUT_FILES = {
  jsonl: 'reports.jsonl',
  wide: 'reports.csv',
  cells: 'cells.csv',
  summary: 'summary.json',
  summaryText: 'summary.txt',
} as const;

const PART_PREFIX = '.xxgk-part-';

export interface Progress {
  total: number;
  done: number;
  failed: number;
  reused: number;
  startedAt: number;
  /** set once, when the final files are being written */
  writing?: boolean;
}

export interface ExtractOptions {
  inputs: readonly string[];
  outDir: string;
  settings: Settings;
  resume?: boolean;
  onProgress?: (p: Progress) => void;
  /** extra environment for worker processes (tests) */
  workerEnv?: Record<string, string>;
}

export interface ExtractResult {
  summary: Summary;
  /** arguments that do not exist */
  missing: string[];
  /** files found in the inputs */
  discovered: number;
}

/** Workers for a run: the setting, or the cores (at most 8), no more than memory allows, at least 1. */
export function resolveWorkers(settings: Settings, files: number): number {
  const want = settings.run.workers > 0 ? settings.run.workers : Math.min(availableParallelism(), 8, Math.floor((totalmem() * 0.6) / (settings.run.maxWorkerMemoryMb * MB)));
  return Math.max(1, Math.min(want, Math.max(1, files)));
}

interface Stored {
  head: RecordHead;
  json: LineRef;
  wide: LineRef;
  cells: LineRef;
}

interface FirstCopy {
  file: string;
  stored: Stored | null;
  waiters: Entry[];
}

function readHead(path: string): Uint8Array | null {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
      return new Uint8Array(buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

function removeParts(outDir: string): void {
  for (const name of readdirSync(outDir)) if (name.startsWith(PART_PREFIX)) rmSync(join(outDir, name), { force: true });
}

export async function runExtract(opts: ExtractOptions): Promise<ExtractResult> {
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const { settings } = opts;
  mkdirSync(opts.outDir, { recursive: true });
  const { entries, missing } = await discoverInputs(opts.inputs, [opts.outDir]);
  removeParts(opts.outDir);
  const jsonlPath = join(opts.outDir, OUTPUT_FILES.jsonl);
  const prior = opts.resume ? loadPriorRuns(jsonlPath) : null;
  const log = new JsonlLog(jsonlPath, !opts.resume);
  const wideLog = new JsonlLog(join(opts.outDir, `${PART_PREFIX}wide.${process.pid}`), true);
  const cellsLog = new JsonlLog(join(opts.outDir, `${PART_PREFIX}cells.${process.pid}`), true);

  const progress: Progress = { total: entries.length, done: 0, failed: 0, reused: 0, startedAt: Date.now() };
  const stored = new Array<Stored | null>(entries.length).fill(null);
  const firsts = new Map<string, FirstCopy>();
  let pool: WorkerPool | null = null;
  let extracted = 0;
  const workers = resolveWorkers(settings, entries.length);

  const write = (entry: Entry, r: Rendered): Stored => {
    const s: Stored = { head: r.head, json: log.appendText(r.line), wide: wideLog.appendText(r.wide), cells: cellsLog.appendText(r.cells) };
    stored[entry.index] = s;
    progress.done++;
    if (r.head.status === 'failed') progress.failed++;
    opts.onProgress?.(progress);
    return s;
  };
  const writeRecord = (entry: Entry, record: XxgkRecord) => write(entry, renderRecord(record));

  const settle = (first: FirstCopy, s: Stored) => {
    first.stored = s;
    if (!first.waiters.length) return;
    const record = log.read(s.json) as XxgkRecord;
    for (const w of first.waiters) writeRecord(w, duplicateRecord(record, w.file));
    first.waiters = [];
  };

  const inflight = new Set<Promise<void>>();
  // files hashed and waiting for a worker: enough to keep every worker's pipeline full
  const limit = workers * 16;

  for (const entry of entries) {
    if (entry.problem) {
      writeRecord(entry, failureRecord(entry.file, 'unreadable', `cannot be read: ${entry.problem}`, { bytes: entry.size }));
      continue;
    }
    if (entry.size !== null && entry.size > settings.run.maxFileMb * MB) {
      const format = formatOfHead(readHead(entry.path), entry.file);
      writeRecord(entry, failureRecord(entry.file, 'too_large', `${(entry.size / MB).toFixed(1)} MB is over the ${settings.run.maxFileMb} MB file size limit; not read`, { bytes: entry.size, format }));
      continue;
    }
    let hashed;
    try {
      hashed = await hashFile(entry.path, entry.size);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      writeRecord(entry, failureRecord(entry.file, 'unreadable', `cannot be read: ${e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.message}`, { bytes: entry.size }));
      continue;
    }
    const { sha256 } = hashed;
    const known = firsts.get(sha256);
    if (known && hashed.bytes > 0) {
      if (known.stored) writeRecord(entry, duplicateRecord(log.read(known.stored.json) as XxgkRecord, entry.file));
      else known.waiters.push(entry);
      continue;
    }
    const first: FirstCopy = { file: entry.file, stored: null, waiters: [] };
    if (hashed.bytes > 0) firsts.set(sha256, first);

    const priorRef = prior?.byHash.get(sha256);
    const old = priorRef ? (log.read(priorRef) as XxgkRecord | null) : null;
    if (old) {
      progress.reused++;
      settle(first, writeRecord(entry, reusedRecord(old, entry.file)));
      continue;
    }

    pool ??= new WorkerPool({ size: workers, timeoutMs: settings.run.timeoutMs, maxMemoryMb: settings.run.maxWorkerMemoryMb, settings, env: opts.workerEnv });
    const job = pool.run(entry.path, entry.file, sha256).then((outcome) => {
      extracted++;
      const rendered = outcome.kind === 'rendered'
        ? outcome.rendered
        : renderRecord(failureRecord(entry.file, outcome.code, outcome.message, { sha256, bytes: hashed.bytes, format: formatOfHead(hashed.head, entry.file) }));
      settle(first, write(entry, rendered));
    });
    inflight.add(job);
    void job.finally(() => inflight.delete(job));
    while (inflight.size >= limit) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  const peakRss = Math.max(pool?.peakTotalRss ?? 0, process.memoryUsage.rss());
  await pool?.close();
  const own = process.cpuUsage(cpuAtStart);
  const cpuSeconds = Math.round(((own.user + own.system) / 1e6 + (pool?.workerCpuSeconds ?? 0)) * 10) / 10;

  progress.writing = true;
  opts.onProgress?.(progress);
  try {
    const summary = writeOutputs(opts.outDir, { log, wideLog, cellsLog }, stored, prior?.byFile ?? new Map(), entries, {
      wallMs: 0, extracted, reused: progress.reused, workers: pool ? pool.size : 0, peakRssMb: Math.round(peakRss / MB), cpuSeconds,
    }, startedAt);
    return { summary, missing, discovered: entries.length };
  } finally {
    removeParts(opts.outDir);
  }
}

/**
 * The final files, in input order: reports.jsonl (rewritten), reports.csv, cells.csv (byte copies
 * of what the workers rendered), summary.json, summary.txt. Each appears atomically.
 */
function writeOutputs(
  outDir: string,
  logs: { log: JsonlLog; wideLog: JsonlLog; cellsLog: JsonlLog },
  stored: (Stored | null)[],
  priorByFile: Map<string, LineRef>,
  entries: Entry[],
  figures: RunFigures,
  startedAt: number,
): Summary {
  const current = new Set(entries.map((e) => e.file));
  const jsonl = new AtomicFile(join(outDir, OUTPUT_FILES.jsonl));
  const wide = new AtomicFile(join(outDir, OUTPUT_FILES.wide));
  const cells = new AtomicFile(join(outDir, OUTPUT_FILES.cells));
  const tally = emptyTally();
  try {
    wide.write(BOM + csvRow(wideHeader(allCanonicalKeys())));
    cells.write(BOM + csvRow(CELLS_HEADER));
    for (const s of stored) {
      if (!s) continue;
      jsonl.write(logs.log.readBytes(s.json));
      wide.write(logs.wideLog.readBytes(s.wide));
      if (s.cells.length) cells.write(logs.cellsLog.readBytes(s.cells));
      tallyRecord(tally, s.head);
    }
    for (const [file, ref] of priorByFile) {
      if (current.has(file)) continue;
      let record: XxgkRecord;
      try {
        record = logs.log.read(ref) as XxgkRecord;
      } catch {
        continue;
      }
      const r = renderRecord(record);
      jsonl.write(r.line);
      wide.write(r.wide);
      cells.write(r.cells);
      tallyRecord(tally, r.head);
    }
    for (const l of Object.values(logs)) l.close();
    jsonl.commit();
    wide.commit();
    cells.commit();
  } catch (err) {
    jsonl.abort();
    wide.abort();
    cells.abort();
    throw err;
  }
  const summary = makeSummary(tally, { ...figures, wallMs: Math.round(performance.now() - startedAt) }, TOOL_VERSION);
  writeFileAtomic(join(outDir, OUTPUT_FILES.summary), JSON.stringify(summary, null, 2) + '\n');
  writeFileAtomic(join(outDir, OUTPUT_FILES.summaryText), summaryText(summary));
  return summary;
}
