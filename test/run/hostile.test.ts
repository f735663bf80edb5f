/**
 * A folder of broken and hostile files: the run completes by itself, every file gets exactly one
 * record, and each record carries the right coded status.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XxgkRecord } from '../../src/record/schema.ts';
import { RecordSchema } from '../../src/record/schema.ts';
import { runExtract, type ExtractResult } from '../../src/run/batch.ts';
import { DEFAULT_SETTINGS } from '../../src/settings.ts';
import { buildHostileFolder, type Hostile } from './fixtures.ts';

let hostile: Hostile;
let out: string;
let result: ExtractResult;
let records: XxgkRecord[];
let wallMs: number;

const byFile = (file: string) => records.find((r) => r.file === file)!;
const values = (r: XxgkRecord) => ({ active: r.active, applications: r.applications, reviewLitigation: r.reviewLitigation, template: r.report.template, year: r.report.year, agency: r.report.agency });

beforeAll(async () => {
  hostile = buildHostileFolder();
  out = mkdtempSync(join(tmpdir(), 'xxgk-hostile-out-'));
  const t = performance.now();
  result = await runExtract({
    inputs: [hostile.dir],
    outDir: out,
    settings: { ...DEFAULT_SETTINGS, run: { workers: 2, timeoutMs: 15_000, maxWorkerMemoryMb: 640, maxFileMb: 3 } },
    workerEnv: { XXGK_TEST_HOOKS: '1' },
  });
  wallMs = performance.now() - t;
  records = readFileSync(join(out, 'reports.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as XxgkRecord);
}, 120_000);

afterAll(() => {
  rmSync(hostile.dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('a hostile folder', () => {
  it('completes within two minutes', () => {
    expect(wallMs).toBeLessThan(120_000);
    expect(result.summary.files).toBe(records.length);
  });

  it('gives every file exactly one record, and nothing else', () => {
    const names = records.map((r) => r.file).sort();
    const wanted = [...hostile.expect.keys()].sort();
    expect(names).toEqual(wanted);
  });

  it('writes records that validate against the schema', () => {
    for (const r of records) expect(RecordSchema.safeParse(r).success, r.file).toBe(true);
  });

  it('gives each file the right coded status', () => {
    for (const [file, want] of hostile.expect) {
      if (hostile.skipped.has(file)) continue;
      const r = byFile(file);
      const codes = r.issues.map((i) => i.code);
      expect([want.status].flat(), `${file}: ${r.status} ${JSON.stringify(r.issues)}`).toContain(r.status);
      if (want.codes) expect(codes.some((c) => want.codes!.includes(c)), `${file} has ${codes} — wanted one of ${want.codes}`).toBe(true);
    }
  });

  it('marks byte-identical duplicates, naming the first file, with its values', () => {
    for (const [file, want] of hostile.expect) {
      const r = byFile(file);
      const dup = r.issues.find((i) => i.code === 'duplicate');
      if (want.duplicateOf) {
        expect(dup?.message, file).toContain(want.duplicateOf);
      } else {
        expect(dup, file).toBeUndefined();
      }
    }
  });

  it('extracts the seed right under odd names and in GB18030', () => {
    const seed = byFile('a-seed.txt');
    expect(Object.keys(seed.cells).length).toBeGreaterThan(100);
    for (const [file, want] of hostile.expect) {
      if (want.sameValuesAs) expect(values(byFile(file)), file).toEqual(values(byFile(want.sameValuesAs)));
    }
  });

  it('records why a file was skipped where the assertion cannot hold here', () => {
    for (const [file, why] of hostile.skipped) {
      expect(why.length).toBeGreaterThan(0);
      expect(records.some((r) => r.file === file) || file === 'pipe.fifo').toBe(true);
    }
  });

  it('writes the CSVs with one row per file and a summary that adds up', () => {
    const wide = readFileSync(join(out, 'reports.csv'), 'utf8');
    expect(wide.startsWith('\uFEFFfile,status,issues,')).toBe(true);
    // header + one row per file (fields with newlines are quoted, and no file name has one)
    expect(wide.trimEnd().split('\r\n').length).toBe(records.length + 1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(Object.values(summary.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(records.length);
    expect(summary.run.peakRssMb).toBeLessThan(2048);
    expect(summary.byIssue.timeout).toBe(1);
  });
});
