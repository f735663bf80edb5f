import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { READERS, DEFAULT_READER_LIMITS } from '../../extractors/index.ts';
import { seededRandom } from '../../scripts/fixtures/report-model.ts';

const rand = seededRandom(7);
const noise = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
const sample = (path: string) => new Uint8Array(readFileSync(new URL(`../../samples/${path}`, import.meta.url)));

describe('readers on garbage: problems, never exceptions', () => {
  for (const format of ['text', 'html', 'docx'] as const) {
    it(`${format}: random bytes`, async () => {
      for (let i = 0; i < 20; i++) {
        const doc = await READERS[format]!(noise(1 + Math.floor(rand() * 5000)), DEFAULT_READER_LIMITS);
        expect(doc.format).toBe(format);
      }
    });
  }

  it('docx: every truncation of a real package ends in corrupt or a partial document, never a throw', async () => {
    const docx = sample('docx/r01-2021-city-bureau-chrome.docx');
    for (let cut = 0; cut < docx.length; cut += Math.ceil(docx.length / 40)) {
      const doc = await READERS.docx!(docx.subarray(0, cut), DEFAULT_READER_LIMITS);
      expect(doc.problems.map((p) => p.code)).toEqual(['corrupt']);
    }
  });

  it('html: every truncation of a real page still reads', async () => {
    const html = sample('html/r05-2019-district-office-money-in-yuan.html');
    for (let cut = 0; cut < html.length; cut += Math.ceil(html.length / 40)) {
      const doc = await READERS.html!(html.subarray(0, cut), DEFAULT_READER_LIMITS);
      expect(doc.problems.filter((p) => p.code !== 'encoding_guessed')).toEqual([]);
    }
  });
});
