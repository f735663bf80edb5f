/**
 * Specific behaviours of the PDF reader on the fixtures in samples/pdf (made by
 * scripts/fixtures/make-pdf-fixtures.ts). Goldens cover whole outputs; these name the traps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../extractors/pdf/index.ts';
import { DEFAULT_READER_LIMITS, type Grid } from '../../extractors/model.ts';
import { compactGrid, grids, readSample, SAMPLES } from './compact.ts';
import { helveticaPdf, text } from '../helpers/pdf.ts';

const rowOf = (g: Grid, label: string, col = 0) => g.rows.findIndex((row) => row[col].text === label && !row[col].covered);

describe('cell text', () => {
  it('joins a vertical group label set one character a line into one string', async () => {
    const [table] = grids(await readSample('vertical-group-label'));
    const r = rowOf(table, '三、本年度办理结果');
    expect(r).toBeGreaterThan(0);
    expect(table.rows[r][0].text).toHaveLength(9);
    expect(table.rows[r][0].rowSpan).toBe(5);
    for (let k = 1; k < 5; k++) expect(table.rows[r + k][0]).toMatchObject({ covered: true, origin: [r, 0] });
  });

  it('joins labels wrapped over two and three lines without separators', async () => {
    const [table] = grids(await readSample('vertical-group-label'));
    const labels = table.rows.map((row) => row[1].text);
    expect(labels).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(labels).toContain('（三）不予公开的具体情形之一：属于国家秘密或者其他法律行政法规禁止公开的政府信息');
  });

  it('places glyphs of a vertical-writing font (which pdfjs text content misplaces) into their cell', async () => {
    const [table] = grids(await readSample('hand-merged-items'));
    expect(table.rows[1][0]).toMatchObject({ text: '办理结果', rowSpan: 4, covered: false });
  });

  it('reads a bottom-to-top rotated cell in reading order', async () => {
    const [, small] = grids(await readSample('vertical-group-label'));
    expect(small.rows[0][0].text).toBe('行政复议');
  });

  it('splits one pdfjs item that runs over several cells where the rules cross it', async () => {
    const [table] = grids(await readSample('hand-merged-items'));
    expect(compactGrid(table)[0].slice(1)).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(compactGrid(table)[1].slice(1, 3)).toEqual(['规章', '12']);
  });

  it('merges letter-spaced glyphs, keeps fullwidth digits and spaces inside numbers as printed', async () => {
    const [table] = grids(await readSample('hand-merged-items'));
    expect(table.rows[2][1].text).toBe('规范性文件');
    expect(table.rows[2][2].text).toBe('３４');
    expect(table.rows[1][4].text).toBe('1 234');
  });

  it('keeps blank cells blank and distinct from covered slots', async () => {
    const [table] = grids(await readSample('vertical-group-label'));
    const row = table.rows[rowOf(table, '（四）无法提供', 1)];
    expect(row.map((c) => c.text)).toEqual([expect.any(String), '（四）无法提供', '', '１２', '', '3', '', '0', '15']);
    expect(row[2]).toMatchObject({ covered: false, rowSpan: 1, colSpan: 1 });
  });
});

describe('a second producer (Chromium)', () => {
  it('reads its table as printed: Kangxi radicals stay, and normalise to the ideographs', async () => {
    const [table] = grids(await readSample('chromium-report'));
    const label = table.rows[3][0].text;
    expect(label).not.toBe('一、本年新收政府信息公开申请数量'); // U+2F00 as printed, not U+4E00
    expect(label.normalize('NFKC')).toBe('一、本年新收政府信息公开申请数量');
    expect(table.rows[5][0].text.normalize('NFKC')).toBe('三、本年度办理结果');
    expect(table.rows[3].slice(3).map((c) => c.text)).toEqual(['63', '5', '0', '2', '1', '0', '71']);
  });
});

describe('cell places', () => {
  it('gives every slot a page and a top-left-origin bbox inside the page', async () => {
    for (const name of ['vertical-group-label', 'hand-merged-items', 'hand-rotation-matrix', 'unruled-table']) {
      for (const g of grids(await readSample(name))) {
        for (const row of g.rows) {
          for (const cell of row) {
            const [x0, y0, x1, y1] = cell.place!.bbox!;
            expect(cell.place!.page).toBe(g.pages![0]);
            expect(x0).toBeLessThan(x1);
            expect(y0).toBeLessThan(y1);
            expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(0);
            expect(Math.max(x1, y1)).toBeLessThanOrEqual(842);
          }
        }
      }
    }
  });

  it('measures y from the top of the page', async () => {
    // the hand-made table's second rule row sits at PDF y 735..710, i.e. 107..132 from the top
    const [table] = grids(await readSample('hand-merged-items'));
    const [, y0, , y1] = table.rows[1][2].place!.bbox!;
    expect(y0).toBeCloseTo(842 - 735, 0);
    expect(y1).toBeCloseTo(842 - 710, 0);
  });
});

describe('pages', () => {
  it('gives a continued table the same columns on both pages and no footer text', async () => {
    for (const name of ['table-split-repeated-header', 'table-split-no-header']) {
      const doc = await readSample(name);
      const [first, second] = grids(doc);
      expect(first.pages).toEqual([1]);
      expect(second.pages).toEqual([2]);
      expect(second.width).toBe(first.width);
      const xs = (g: Grid) => g.rows.find((row) => row.every((c) => c.colSpan === 1))!.map((c) => c.place!.bbox![0]);
      expect(xs(second)).toEqual(xs(first));
      // the merged group label cut by the page break: blank origin on the new page, covering the rows below
      const cut = second.rows.findIndex((row) => row[1].text === '7.情形名称第7项');
      expect(second.rows[cut][0]).toMatchObject({ text: '', covered: false });
      expect(second.rows[cut][0].rowSpan).toBeGreaterThan(1);
    }
  });

  it('never puts page numbers or footers into grid cells', async () => {
    const names = readdirSync(SAMPLES).filter((f) => f.endsWith('.pdf')).map((f) => f.replace(/\.pdf$/, ''));
    for (const name of names) {
      const doc = await readSample(name);
      for (const g of grids(doc)) for (const row of g.rows) for (const cell of row) expect(cell.text).not.toMatch(/^\s*[-—]\s*\d+\s*[-—]\s*$/);
    }
  });

  it('reads a caption on one page and the table on the next, and a header row left behind', async () => {
    const caption = await readSample('caption-rows-next-page');
    expect(grids(caption).map((g) => g.pages)).toEqual([[2]]);
    expect(caption.blocks.some((b) => b.kind === 'paragraph' && b.place?.page === 1 && b.text === '二、主动公开政府信息情况')).toBe(true);
    const header = await readSample('header-rows-next-page');
    expect(grids(header).map((g) => [g.pages, g.rows.length])).toEqual([[[1], 1], [[2], 2]]);
  });

  it('reads content drawn under a 90 degree matrix and a page with /Rotate like an upright page', async () => {
    const [turned, rotated] = grids(await readSample('hand-rotation-matrix'));
    const expected = [['信息内容', '制发', '废止'], ['规章', '41', '3'], ['行政规范性文件', '8', '260']];
    expect(compactGrid(turned)).toEqual(expected);
    expect(compactGrid(rotated)).toEqual(expected);
    const upright = grids(await readSample('unruled-table'));
    expect(grids(await readSample('rotated-page')).map(compactGrid)).toEqual(upright.map(compactGrid));
  });

  it('builds an unruled table from text alignment', async () => {
    const [table] = grids(await readSample('unruled-table'));
    expect(table.aligned).toBe(true);
    expect(compactGrid(table)[3]).toEqual(['行政许可', '', '77', '9']);
  });

  it('stops at the page limit and says so', async () => {
    const doc = await readSample('table-split-no-header', { ...DEFAULT_READER_LIMITS, maxPdfPages: 1 });
    expect(doc.pages).toBe(2);
    expect(grids(doc).every((g) => g.pages![0] === 1)).toBe(true);
    expect(doc.problems.map((p) => p.code)).toEqual(['partial_read']);
  });
});

describe('problems', () => {
  it('says encrypted, fast', async () => {
    await readSample('scanned'); // pdfjs loaded
    const started = performance.now();
    const doc = await readSample('encrypted');
    expect(doc.problems.map((p) => p.code)).toEqual(['encrypted']);
    expect(doc.blocks).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('says needs_ocr for a page image without text and for fonts without ToUnicode', async () => {
    expect((await readSample('scanned')).problems.map((p) => p.code)).toEqual(['needs_ocr']);
    const garbage = await readSample('garbage-font');
    expect(garbage.problems.map((p) => p.code)).toEqual(['needs_ocr']);
    expect(garbage.blocks).toEqual([]);
  });

  it('reads the text pages of a document with a scanned page and names the page it could not read', async () => {
    const doc = await readSample('mixed-scanned-page');
    expect(grids(doc).map((g) => g.pages)).toEqual([[1]]);
    expect(doc.problems.map((p) => [p.code, p.place?.page])).toEqual([['partial_read', 2]]);
  });

  it('returns a coded problem for truncated and non-PDF bytes instead of throwing', async () => {
    expect((await readSample('truncated')).problems.map((p) => p.code)).toEqual(['corrupt']);
    const junk = await readPdf(new TextEncoder().encode('%PDF-1.7\nnot really a pdf\n'), DEFAULT_READER_LIMITS);
    expect(junk.problems[0].code).toMatch(/^(corrupt|partial_read)$/);
    const empty = await readPdf(new Uint8Array(0), DEFAULT_READER_LIMITS);
    expect(empty.problems[0].code).toBe('corrupt');
  });
});

/**
 * A one-page PDF: an unruled table in Helvetica (wide gaps between columns, so the page looks
 * tabular and its drawing is parsed) and, on the same page, a greyscale image of side x side
 * pixels, all zero: a few hundred KB compressed, side^2 bytes decoded.
 */
function tableWithHugeImage(side: number): Uint8Array {
  const rows = [['Rules', '12', '5', '1'], ['Notices', '406', '19', '0'], ['Permits', '2', '64', '70'], ['Fees', '33', '8', '9']];
  let content = 'q 100 0 0 100 400 50 cm /Im1 Do Q\n';
  rows.forEach((r, i) => r.forEach((t, k) => { content += text(60 + k * 120, 760 - i * 20, t); }));
  return helveticaPdf([{ content, images: [{ width: side, height: side, pixels: deflateSync(Buffer.alloc(side * side)) }] }]);
}

/** A PDF of Helvetica text and ruled grids: per page, rows of cell texts over column x's. */
function ruledPdf(pages: { xs: number[]; top: number; rowHeight: number; rows: string[][] }[]): Uint8Array {
  return helveticaPdf(pages.map((p) => {
    const bottom = p.top - p.rows.length * p.rowHeight;
    let c = '0.5 w\n';
    for (let r = 0; r <= p.rows.length; r++) c += `${p.xs[0]} ${p.top - r * p.rowHeight} m ${p.xs[p.xs.length - 1]} ${p.top - r * p.rowHeight} l S\n`;
    for (const x of p.xs) c += `${x} ${p.top} m ${x} ${bottom} l S\n`;
    p.rows.forEach((row, r) => row.forEach((t, k) => { if (t) c += text(p.xs[k] + 4, p.top - (r + 1) * p.rowHeight + 6, t); }));
    return { content: c };
  }));
}

describe('a table continued on a page that does not look like one', () => {
  it('parses the drawing of a page after a table that reached the foot of the previous one', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`Item ${i + 1}`, String(i), String(2 * i), String(3 * i)]);
    const bytes = ruledPdf([
      { xs: [60, 260, 340, 420, 500], top: 780, rowHeight: 22, rows },
      // two tall rows, one number each: on its own this page has too few column gaps to look tabular
      { xs: [60, 260, 340, 420, 500], top: 780, rowHeight: 60, rows: [['Rules', '', '', '12'], ['Fees', '', '', '7']] },
    ]);
    const doc = await readPdf(bytes, DEFAULT_READER_LIMITS);
    const second = grids(doc).filter((g) => g.pages?.[0] === 2);
    expect(second).toHaveLength(1);
    expect(second[0].rows.map((r) => r.map((c) => c.text))).toEqual([['Rules', '', '', '12'], ['Fees', '', '', '7']]);
  });
});

const onePagePdf = (content: string) => helveticaPdf([{ content }]);

describe('rows without a rule between them', () => {
  it('splits a band whose label lines line up with numbers stacked in the other cells', async () => {
    // column rules, a rule under the header, none between the three body rows
    const xs = [60, 260, 340, 420, 500];
    let c = '0.5 w\n';
    for (const y of [780, 760, 700]) c += `60 ${y} m 500 ${y} l S\n`;
    for (const x of xs) c += `${x} 780 m ${x} 700 l S\n`;
    [['Item', 'A', 'B', 'C'], ['Rules', '1', '2', '3'], ['Fees', '4', '', '6'], ['Other', '7', '8', '9']].forEach((row, r) =>
      row.forEach((t, k) => { if (t) c += text(xs[k] + 4, 780 - (r + 1) * 20 + 6, t); }));
    const [grid] = grids(await readPdf(onePagePdf(c), DEFAULT_READER_LIMITS));
    expect(grid.rows.map((r) => r.map((cell) => cell.text))).toEqual([
      ['Item', 'A', 'B', 'C'], ['Rules', '1', '2', '3'], ['Fees', '4', '', '6'], ['Other', '7', '8', '9'],
    ]);
  });

  it('keeps a number wrapped in a narrow cell beside a wrapped label in one row', async () => {
    // a 14 pt wide value cell: "30" does not fit and wraps as "3" / "0"; the label wraps too
    const xs = [60, 160, 174, 300, 400];
    let c = '0.5 w\n';
    for (const y of [780, 740, 720, 700, 680]) c += `60 ${y} m 400 ${y} l S\n`;
    for (const x of xs) c += `${x} 780 m ${x} 680 l S\n`;
    c += text(64, 766, 'Newly received') + text(64, 752, 'applications') + text(162, 766, '3') + text(162, 752, '0') + text(180, 766, '51') + text(304, 766, '12');
    ['Carried over', 'Granted', 'Denied'].forEach((label, i) => { c += text(64, 726 - 20 * i, label) + text(162, 726 - 20 * i, '1') + text(180, 726 - 20 * i, '2') + text(304, 726 - 20 * i, '3'); });
    const [grid] = grids(await readPdf(onePagePdf(c), DEFAULT_READER_LIMITS));
    expect(grid.rows).toHaveLength(4);
    expect(grid.rows[0].map((cell) => cell.text)).toEqual(['Newly received applications', '3 0', '51', '12']);
  });
});

describe('images', () => {
  it('never decodes images: a table page holding a 256-megapixel image costs no more than its text', async () => {
    const bytes = tableWithHugeImage(16000);
    expect(bytes.length).toBeLessThan(1_000_000);
    await readSample('scanned'); // pdfjs loaded
    // pdfjs decodes images in the background, after getOperatorList has resolved: count the CPU
    // of the read and of the second after it
    const cpu0 = process.cpuUsage();
    const doc = await readPdf(bytes, DEFAULT_READER_LIMITS);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const cpu = process.cpuUsage(cpu0);
    expect(doc.problems).toEqual([]);
    const table = grids(doc)[0];
    expect(table.rows.map((r) => r.map((c) => c.text))).toContainEqual(['Notices', '406', '19', '0']);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(500);
  });
});

describe('boundaries', () => {
  it('keeps CJK characters out of extractors/pdf', () => {
    const dir = fileURLToPath(new URL('../../extractors/pdf/', import.meta.url));
    for (const file of readdirSync(dir)) {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      expect(/[\u3000-\u9fff\uff00-\uffef]/.test(text), file).toBe(false);
    }
  });
});
