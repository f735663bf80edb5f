/**
 * The run summary: counts by status, issue code and format, plus run figures (wall time, files/s,
 * peak memory). `summarise` folds records one at a time so that a run never holds them all.
 */
import type { RecordHead } from './render.ts';

export interface RunFigures {
  wallMs: number;
  /** files extracted in this run (not reused from an earlier run by --resume) */
  extracted: number;
  /** files whose record was reused by --resume */
  reused: number;
  workers: number;
  /** peak resident memory of the runner plus all its workers at one moment, MB */
  peakRssMb: number;
  /** CPU time of the runner and its workers, seconds (cpuSeconds / wall = cores used) */
  cpuSeconds: number;
}

export interface Summary {
  schema: 'xxgk.summary/1';
  tool: { name: 'xxgk'; version: string };
  files: number;
  byStatus: Record<string, number>;
  byIssue: Record<string, number>;
  byFormat: Record<string, number>;
  byTemplate: Record<string, number>;
  run: RunFigures & { filesPerSecond: number };
}

export interface Tally {
  files: number;
  byStatus: Record<string, number>;
  byIssue: Record<string, number>;
  byFormat: Record<string, number>;
  byTemplate: Record<string, number>;
}

export function emptyTally(): Tally {
  return { files: 0, byStatus: {}, byIssue: {}, byFormat: {}, byTemplate: {} };
}

const bump = (m: Record<string, number>, k: string) => { m[k] = (m[k] ?? 0) + 1; };

/** Count one record (each issue code once per file). */
export function tallyRecord(t: Tally, r: RecordHead): Tally {
  t.files++;
  bump(t.byStatus, r.status);
  bump(t.byFormat, r.format);
  bump(t.byTemplate, r.template ?? 'none');
  for (const code of new Set(r.codes)) bump(t.byIssue, code);
  return t;
}

const sorted = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));

export function makeSummary(t: Tally, run: RunFigures, version: string): Summary {
  return {
    schema: 'xxgk.summary/1',
    tool: { name: 'xxgk', version },
    files: t.files,
    byStatus: sorted(t.byStatus),
    byIssue: sorted(t.byIssue),
    byFormat: sorted(t.byFormat),
    byTemplate: sorted(t.byTemplate),
    run: { ...run, filesPerSecond: run.wallMs > 0 ? Math.round((run.extracted / (run.wallMs / 1000)) * 10) / 10 : 0 },
  };
}

const list = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ') || '-';

/** The one-line summary the CLI prints last. */
export function summaryLine(s: Summary): string {
  return `xxgk: ${s.files} files (${list(s.byStatus)}) in ${(s.run.wallMs / 1000).toFixed(1)} s, ${s.run.filesPerSecond} files/s, ` +
    `${s.run.reused ? `${s.run.reused} reused, ` : ''}peak ${s.run.peakRssMb} MB`;
}

/** A short human summary (summary.txt). */
export function summaryText(s: Summary): string {
  return [
    `xxgk ${s.tool.version}: ${s.files} files`,
    `status:   ${list(s.byStatus)}`,
    `format:   ${list(s.byFormat)}`,
    `template: ${list(s.byTemplate)}`,
    `issues (files): ${list(s.byIssue)}`,
    `run: ${s.run.extracted} extracted, ${s.run.reused} reused by --resume, ${s.run.workers} workers, ` +
      `${(s.run.wallMs / 1000).toFixed(1)} s wall, ${s.run.filesPerSecond} files/s, peak RSS ${s.run.peakRssMb} MB, ` +
      `CPU ${s.run.cpuSeconds} s (${s.run.wallMs > 0 ? (s.run.cpuSeconds / (s.run.wallMs / 1000)).toFixed(2) : '0'} cores busy)`,
    '',
  ].join('\n');
}
