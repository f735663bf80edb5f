/**
 * A batch run: discover → hash → (reuse | duplicate | extract in a worker) → append to
 * reports.jsonl → at the end rewrite reports.jsonl, reports.csv, cells.csv and the summary in input
 * order, atomically.
 *
 * Order: while running, reports.jsonl grows in completion order (so a killed run keeps every
 * finished file); the final rewrite puts records in input order (the arguments in the order given,
 * each folder walked in name order), followed by records of an earlier run (--resume) for files
 * not part of this run.
 *
 * Memory: records are never all held; the runner keeps byte offsets into reports.jsonl and reads a
 * record back when a duplicate or the final rewrite needs it.
 */
import { availableParallelism, totalmem } from 'node:os';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { allCanonicalKeys } from '../layout/spec.ts';
import type { XxgkRecord } from '../record/schema.ts';
import type { Settings } from '../settings.ts';
import { TOOL_VERSION } from '../version.ts';
import { AtomicFile, writeFileAtomic } from '../write/atomic.ts';
import { BOM, csvRow } from '../write/csv.ts';
import { JsonlLog, readLine, type LineRef } from '../write/jsonl.ts';
import { CELLS_HEADER, cellRows, wideHeader, wideRow } from '../write/rows.ts';
import { emptyTally, makeSummary, summaryText, tallyRecord, type RunFigures, type Summary } from '../write/summary.ts';
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

interface FirstCopy {
  file: string;
  ref: LineRef | null;
  waiters: Entry[];
}

async function readHead(path: string): Promise<Uint8Array | null> {
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

export async function runExtract(opts: ExtractOptions): Promise<ExtractResult> {
  const startedAt = performance.now();
  const { settings } = opts;
  const { entries, missing } = await discoverInputs(opts.inputs);
  mkdirSync(opts.outDir, { recursive: true });
  const jsonlPath = join(opts.outDir, OUTPUT_FILES.jsonl);
  const prior = opts.resume ? loadPriorRuns(jsonlPath) : null;
  const log = new JsonlLog(jsonlPath, !opts.resume);

  const progress: Progress = { total: entries.length, done: 0, failed: 0, reused: 0, startedAt: Date.now() };
  const refs = new Array<LineRef | null>(entries.length).fill(null);
  const firsts = new Map<string, FirstCopy>();
  let pool: WorkerPool | null = null;
  let extracted = 0;
  const workers = resolveWorkers(settings, entries.length);

  const write = (entry: Entry, record: XxgkRecord): LineRef => {
    const ref = log.append(record);
    refs[entry.index] = ref;
    progress.done++;
    if (record.status === 'failed') progress.failed++;
    opts.onProgress?.(progress);
    return ref;
  };

  const settle = (sha: string, first: FirstCopy, record: XxgkRecord) => {
    for (const w of first.waiters) write(w, duplicateRecord(record, w.file));
    first.waiters = [];
  };

  const inflight = new Set<Promise<void>>();
  const limit = workers * 4;

  for (const entry of entries) {
    if (entry.problem) {
      write(entry, failureRecord(entry.file, 'unreadable', `cannot be read: ${entry.problem}`, { bytes: entry.size }));
      continue;
    }
    if (entry.size !== null && entry.size > settings.run.maxFileMb * MB) {
      const format = formatOfHead(await readHead(entry.path), entry.file);
      write(entry, failureRecord(entry.file, 'too_large', `${(entry.size / MB).toFixed(1)} MB is over the ${settings.run.maxFileMb} MB file size limit; not read`, { bytes: entry.size, format }));
      continue;
    }
    let hashed;
    try {
      hashed = await hashFile(entry.path);
    } catch (err) {
      write(entry, failureRecord(entry.file, 'unreadable', `cannot be read: ${(err as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (err as Error).message}`, { bytes: entry.size }));
      continue;
    }
    const { sha256 } = hashed;
    const known = firsts.get(sha256);
    if (known && hashed.bytes > 0) {
      if (known.ref) write(entry, duplicateRecord(log.read(known.ref) as XxgkRecord, entry.file));
      else known.waiters.push(entry);
      continue;
    }
    const first: FirstCopy = { file: entry.file, ref: null, waiters: [] };
    if (hashed.bytes > 0) firsts.set(sha256, first);

    const priorRef = prior?.byHash.get(sha256);
    if (priorRef) {
      const old = readPrior(jsonlPath, priorRef);
      if (old) {
        const record = reusedRecord(old, entry.file);
        const sameLine = prior!.byFile.get(entry.file) === priorRef && !old.issues.some((i) => i.code === 'duplicate');
        if (sameLine) {
          refs[entry.index] = priorRef;
          progress.done++;
          if (record.status === 'failed') progress.failed++;
          opts.onProgress?.(progress);
        } else {
          write(entry, record);
        }
        progress.reused++;
        first.ref = refs[entry.index];
        settle(sha256, first, record);
        continue;
      }
    }

    pool ??= new WorkerPool({ size: workers, timeoutMs: settings.run.timeoutMs, maxMemoryMb: settings.run.maxWorkerMemoryMb, settings, env: opts.workerEnv });
    const job = pool.run(entry.path, entry.file).then((outcome) => {
      extracted++;
      const record = outcome.kind === 'record'
        ? { ...outcome.record, file: entry.file }
        : failureRecord(entry.file, outcome.code, outcome.message, { sha256, bytes: hashed.bytes, format: formatOfHead(hashed.head, entry.file) });
      first.ref = write(entry, record);
      settle(sha256, first, record);
    });
    inflight.add(job);
    void job.finally(() => inflight.delete(job));
    while (inflight.size >= limit) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  const peakRss = Math.max(pool?.peakTotalRss ?? 0, process.memoryUsage.rss());
  await pool?.close();

  progress.writing = true;
  opts.onProgress?.(progress);
  const summary = writeOutputs(opts.outDir, log, refs, prior?.byFile ?? new Map(), entries, {
    wallMs: 0, extracted, reused: progress.reused, workers: pool ? pool.size : 0, peakRssMb: Math.round(peakRss / MB),
  }, startedAt);
  return { summary, missing, discovered: entries.length };
}

function readPrior(jsonlPath: string, ref: LineRef): XxgkRecord | null {
  const fd = openSync(jsonlPath, 'r');
  try {
    return readLine(fd, ref) as XxgkRecord;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The final files, in input order, from the log: reports.jsonl (rewritten), reports.csv, cells.csv,
 * summary.json, summary.txt. Each appears atomically.
 */
function writeOutputs(outDir: string, log: JsonlLog, refs: (LineRef | null)[], priorByFile: Map<string, LineRef>, entries: Entry[], figures: RunFigures, startedAt: number): Summary {
  const current = new Set(entries.map((e) => e.file));
  const order: LineRef[] = refs.filter((r): r is LineRef => r !== null);
  for (const [file, ref] of priorByFile) if (!current.has(file)) order.push(ref);

  const jsonl = new AtomicFile(join(outDir, OUTPUT_FILES.jsonl));
  const wide = new AtomicFile(join(outDir, OUTPUT_FILES.wide));
  const cells = new AtomicFile(join(outDir, OUTPUT_FILES.cells));
  const tally = emptyTally();
  try {
    const keys = allCanonicalKeys();
    wide.write(BOM + csvRow(wideHeader(keys)));
    cells.write(BOM + csvRow(CELLS_HEADER));
    for (const ref of order) {
      const record = log.read(ref) as XxgkRecord;
      jsonl.write(JSON.stringify(record) + '\n');
      wide.write(csvRow(wideRow(record, keys)));
      for (const row of cellRows(record)) cells.write(csvRow(row));
      tallyRecord(tally, record);
    }
    log.close();
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
