/**
 * Every sample against (1) its truth file, written by the fixture generator from the values it
 * printed, never from the parser; (2) its reviewed golden record; (3) the layout identities,
 * which hold on every clean sample because the generator made the values consistent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/extract.ts';
import { digest, sampleFiles } from './digest.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const files = sampleFiles(join(root, 'samples'));

const flatten = (o: unknown, prefix: string, out: Record<string, unknown>) => {
  if (o === null || typeof o !== 'object') out[prefix] = o;
  else for (const [k, v] of Object.entries(o)) flatten(v, `${prefix}.${k}`, out);
  return out;
};

interface Truth {
  report: { template: string; year?: number; agency?: string; applicationsTemplate?: string };
  values: Record<string, number | null>;
}

describe('samples', () => {
  it('has samples of every format the readers take', () => {
    const exts = new Set(files.map((f) => f.name.split('.').pop()!.toLowerCase()));
    for (const e of ['txt', 'html', 'docx']) expect(exts.has(e), e).toBe(true);
  });

  for (const { path, name } of files) {
    const truthPath = path.replace(/\.[^.]+$/, '.truth.json');
    describe(name, async () => {
      const record = await extractBytes(readFileSync(path), name);

      if (existsSync(truthPath)) {
        const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
        it('gives every value of its truth file, template, year and agency', () => {
          const got: Record<string, unknown> = {};
          for (const t of ['active', 'applications', 'reviewLitigation'] as const) flatten(record[t], t, got);
          const wrong = Object.keys(truth.values).filter((k) => (got[k] ?? null) !== truth.values[k]);
          expect(wrong.map((k) => `${k}: got ${got[k]}, want ${truth.values[k]}`)).toEqual([]);
          expect(record.report.template).toBe(truth.report.template);
          if (truth.report.applicationsTemplate) expect(record.report.tables.applications).toBe(truth.report.applicationsTemplate);
          if (truth.report.year !== undefined) expect(record.report.year).toBe(truth.report.year);
          if (truth.report.agency !== undefined) expect(record.report.agency).toBe(truth.report.agency);
        });
        it('passes every identity it can check (the generator made the values consistent)', () => {
          expect(record.checks.filter((c) => c.status === 'failed').map((c) => `${c.id} @ ${c.scope}: ${c.detail}`)).toEqual([]);
        });
      }

      it('matches its reviewed golden record', () => {
        const goldenPath = join(root, 'test/golden/records', `${name}.json`);
        expect(existsSync(goldenPath), `golden missing: run npm run golden and review ${goldenPath}`).toBe(true);
        expect(JSON.parse(JSON.stringify(digest(record)))).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
      });
    });
  }
});
