import { describe, expect, it } from 'vitest';
import { readHtml } from '../../extractors/html.ts';
import { DEFAULT_READER_LIMITS, type Block, type Grid } from '../../extractors/model.ts';
import { encodeGbk } from '../../scripts/fixtures/gbk.ts';

const read = (html: string | Uint8Array, limits = DEFAULT_READER_LIMITS) => readHtml(typeof html === 'string' ? new TextEncoder().encode(html) : html, limits);
const grids = (blocks: Block[]) => blocks.filter((b): b is Grid => b.kind === 'grid');
const texts = (grid: Grid) => grid.rows.map((row) => row.map((c) => (c.covered ? `^${c.text}` : c.text)));
const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('html reader: spans', () => {
  it('expands rowspan and colspan into covered slots that point at their origin', async () => {
    const doc = await read(`<table>
      <tr><td rowspan="3" colspan="2">note</td><td colspan="3">group</td></tr>
      <tr><td rowspan="2">a</td><td colspan="2">b</td></tr>
      <tr><td>b1</td><td>b2</td></tr>
      <tr><td>row</td><td>x</td><td>1</td><td>2</td><td>3</td></tr>
    </table>`);
    const [grid] = grids(doc.blocks);
    expect(grid.aligned).toBe(true);
    expect(grid.width).toBe(5);
    expect(texts(grid)).toEqual([
      ['note', '^note', 'group', '^group', '^group'],
      ['^note', '^note', 'a', 'b', '^b'],
      ['^note', '^note', '^a', 'b1', 'b2'],
      ['row', 'x', '1', '2', '3'],
    ]);
    expect(grid.rows[2][1]).toMatchObject({ covered: true, origin: [0, 0], rowSpan: 3, colSpan: 2 });
    expect(grid.rows[2][3]).toMatchObject({ covered: false, origin: [2, 3], rowSpan: 1, colSpan: 1 });
  });

  it('caps absurd spans: a colspan of a million does not make a million slots, a rowspan stops at the last row', async () => {
    const doc = await read('<table><tr><td colspan="1000000">wide</td></tr><tr><td rowspan="999">tall</td><td>1</td></tr></table>');
    const [grid] = grids(doc.blocks);
    expect(grid.width).toBe(100);
    expect(grid.rows.length).toBe(2);
    expect(grid.rows[1][0]).toMatchObject({ text: 'tall', covered: false });
  });
});

describe('html reader: sloppy markup', () => {
  it('closes cells and rows the page left open, whatever the tag case', async () => {
    const doc = await read('<TABLE><TR><TD>a<TD ROWSPAN=2>b<TR><TD>c</TABLE><P>after');
    expect(texts(grids(doc.blocks)[0])).toEqual([['a', 'b'], ['c', '^b']]);
    expect(paragraphs(doc.blocks)).toEqual(['after']);
  });

  it('reads cells left outside any <tr> as a row', async () => {
    const doc = await read('<table><tr><td>h1</td><td>h2</td></tr><td>1</td><td>2</td></table>');
    expect(texts(grids(doc.blocks)[0])).toEqual([['h1', 'h2'], ['1', '2']]);
  });
});

describe('html reader: cell text', () => {
  it('turns <br> and block children into line breaks, &nbsp; into spaces, collapses spaces', async () => {
    const doc = await read(`<table><tr>
      <td>\u5546\u4e1a<br>\u4f01\u4e1a</td>
      <td>\u672c\u5e74\u65b0<br/>\u5236\u4f5c\u6570\u91cf</td>
      <td><p>first</p><p>second   part</p></td>
      <td>&nbsp;</td>
      <td> a&nbsp;&nbsp; b </td>
      <td><span>1</span><span>2</span></td>
    </tr></table>`);
    expect(texts(grids(doc.blocks)[0])).toEqual([['\u5546\u4e1a\n\u4f01\u4e1a', '\u672c\u5e74\u65b0\n\u5236\u4f5c\u6570\u91cf', 'first\nsecond part', '', 'a b', '12']]);
  });
});

describe('html reader: whole pages', () => {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title> Annual report </title>
    <script>document.write('<table><tr><td>script table</td></tr></table>')</script><style>td{color:red}</style></head>
    <body>
      <!-- <table><tr><td>comment table</td></tr></table> -->
      <div class="nav"><a>Home</a> &gt; <a>Reports</a></div>
      <table class="meta"><tr><th>Name:</th><td>Report 2023</td><th>Index:</th><td>0001/2024-1</td></tr></table>
      <table width="100%"><tr><td>
        <p>Before the table</p>
        <table><tr><td>inner</td><td>1</td></tr></table>
        Between<br>tables
        <table><tr><td>second</td><td>2</td></tr></table>
      </td></tr></table>
      <noscript>enable scripts</noscript><template><p>template text</p></template>
      <div class="footer">Footer text</div>
      <script>var x = "<td>0</td>";</script>
    </body></html>`;

  it('drops scripts, styles, comments, noscript and templates; keeps text and tables in document order', async () => {
    const doc = await read(page);
    expect(doc.title).toBe('Annual report');
    expect(doc.problems).toEqual([]);
    expect(doc.blocks.map((b) => (b.kind === 'grid' ? `grid:${b.rows[0][0].text}` : b.text))).toEqual([
      'Home > Reports',
      'grid:Name:',
      'Before the table',
      'grid:inner',
      'Between',
      'tables',
      'grid:second',
      'Footer text',
    ]);
  });

  it('keeps a metadata table as a grid; a layout table holding tables is not a grid', async () => {
    const doc = await read(page);
    const all = grids(doc.blocks);
    expect(all.map((g) => g.label)).toEqual(['table 1', 'table 2', 'table 3']);
    expect(texts(all[0])).toEqual([['Name:', 'Report 2023', 'Index:', '0001/2024-1']]);
    expect(paragraphs(doc.blocks).join(' ')).not.toMatch(/script table|comment table|enable scripts|template text/);
  });

  it('reads a GBK page without a declaration, and says the charset was guessed', async () => {
    const doc = await read(encodeGbk('<html><body><table><tr><td>\u89c4\u7ae0</td><td>3</td></tr></table></body></html>'));
    expect(doc.encoding).toBe('gb18030');
    expect(doc.problems.map((p) => p.code)).toEqual(['encoding_guessed']);
    expect(texts(grids(doc.blocks)[0])).toEqual([['\u89c4\u7ae0', '3']]);
  });
});

describe('html reader: limits', () => {
  it('refuses a page nested 200,000 deep, fast and without a stack overflow', async () => {
    const deep = `<html><body>${'<div>'.repeat(200_000)}x${'</div>'.repeat(200_000)}</body></html>`;
    const t = performance.now();
    const doc = await read(deep);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(doc.problems.map((p) => p.code)).toEqual(['too_large']);
    expect(doc.blocks).toEqual([]);
  });

  it('reads a page just within the depth limit, and deep inline nesting without recursion', async () => {
    const limits = { ...DEFAULT_READER_LIMITS, maxHtmlDepth: 1000 };
    const doc = await read(`<html><body>${'<span>'.repeat(900)}deep text${'</span>'.repeat(900)}</body></html>`, limits);
    expect(doc.problems).toEqual([]);
    expect(paragraphs(doc.blocks)).toEqual(['deep text']);
  });

  it('does not count optional-end-tag elements (<p>, <td>, <li>) left open as depth', async () => {
    const limits = { ...DEFAULT_READER_LIMITS, maxHtmlDepth: 50 };
    const doc = await read(`<html><body><table>${'<tr><td>1<td>2'.repeat(200)}</table>${'<p>para'.repeat(200)}</body></html>`, limits);
    expect(doc.problems).toEqual([]);
    expect(grids(doc.blocks)[0].rows.length).toBe(200);
  });

  it('stays linear on a page of unclosed tags and quotes', async () => {
    const t = performance.now();
    const doc = await read(`<html><body>${'<a title="x '.repeat(100_000)}</body></html>`);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(doc.problems.filter((p) => p.code === 'too_large')).toEqual([]);
  });
});
