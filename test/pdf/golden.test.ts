/**
 * Golden grids: each fixture's reader output must equal the reviewed golden in
 * test/golden/pdf/<name>.grid.json. A missing golden fails. To (re)write goldens on purpose:
 *   UPDATE_PDF_GOLDEN=1 npx vitest run test/pdf/golden.test.ts   — then review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compact, formatGolden, GOLDEN, readSample } from './compact.ts';

export const FIXTURES = [
  'vertical-group-label',
  'table-split-repeated-header',
  'table-split-no-header',
  'caption-rows-next-page',
  'header-rows-next-page',
  'unruled-table',
  'rotated-page',
  'html-site-chrome',
  'chromium-report',
  'hand-merged-items',
  'hand-unruled-wrapped',
  'hand-rotation-matrix',
  'garbage-font',
  'scanned',
  'mixed-scanned-page',
  'encrypted',
  'truncated',
];

describe('PDF golden grids', () => {
  for (const name of FIXTURES) {
    it(name, async () => {
      const got = compact(await readSample(name));
      const path = `${GOLDEN}${name}.grid.json`;
      if (process.env.UPDATE_PDF_GOLDEN === '1') writeFileSync(path, formatGolden(got));
      expect(existsSync(path), `golden ${name}.grid.json is missing: write it on purpose (see header) and review it`).toBe(true);
      expect(got).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }
});
