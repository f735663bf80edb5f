import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { blocksOfText, readText } from '../../extractors/text.ts';
import { DEFAULT_READER_LIMITS, type Block, type Grid } from '../../extractors/model.ts';
import { encodeGbk } from '../../scripts/fixtures/gbk.ts';

const grids = (blocks: Block[]) => blocks.filter((b): b is Grid => b.kind === 'grid');
const texts = (grid: Grid) => grid.rows.map((row) => row.map((c) => c.text));
const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('text reader: the tab-led dialect (a Word table copied as text)', () => {
  const dump = [
    'Heading before',
    '\tCaption',
    '',
    '\tlabel',
    '\tcol A',
    '\tcol B',
    '',
    '\trow one',
    '\t1',
    '\t2',
    '',
    '\t',
    '\twrapped',
    'label',
    '\t',
    '\t7',
    '',
    '',
    'Paragraph after',
  ].join('\n');

  it('reads a cell a line, ends a row at a blank line, keeps lone-tab cells as empty cells', () => {
    const blocks = blocksOfText(dump);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'grid', 'paragraph']);
    const grid = grids(blocks)[0];
    expect(grid.aligned).toBe(false);
    expect(texts(grid)).toEqual([['Caption'], ['label', 'col A', 'col B'], ['row one', '1', '2'], ['', 'wrapped\nlabel', '', '7']]);
    expect(grid.width).toBe(4);
    expect(grid.rows[3][3]).toEqual({ text: '7', covered: false, origin: [3, 3], rowSpan: 1, colSpan: 1 });
    expect(paragraphs(blocks)).toEqual(['Heading before', 'Paragraph after']);
  });

  it('does not glue a heading onto a number cell that ends a table', () => {
    const blocks = blocksOfText('\tx\n\t5\nNext heading\n');
    expect(texts(grids(blocks)[0])).toEqual([['x', '5']]);
    expect(paragraphs(blocks)).toEqual(['Next heading']);
  });

  it('reads the seed report: 表三 rows with their group labels and empty cells', async () => {
    const seed = readFileSync(new URL('../../samples/seed/000_6f3669565db78123.txt', import.meta.url));
    const doc = await readText(seed, DEFAULT_READER_LIMITS);
    expect(doc).toMatchObject({ format: 'text', encoding: 'utf-8', problems: [] });
    const [active, applications, review] = grids(doc.blocks);
    expect(active.rows.length).toBe(14);
    expect(texts(active)[2]).toEqual(['\u89c4\u7ae0', '0', '0', '0']); // 规章 0 0 0
    // header row 3: two empty cells, then 商业\n企业 as one wrapped cell
    expect(texts(applications)[2].slice(0, 3)).toEqual(['', '', '\u5546\u4e1a\n\u4f01\u4e1a']);
    // 一、本年新收 … 4 0 0 0 0 0 4
    expect(texts(applications)[3].slice(1)).toEqual(['4', '0', '0', '0', '0', '0', '4']);
    expect(applications.rows.length).toBe(28);
    expect(texts(review)[3]).toEqual(['0', '1', '0', '0', '1', '0', '0', '0', '0', '0', '1', '0', '0', '0', '1']);
  });

  it('decodes GBK text and says the charset was guessed', async () => {
    const doc = await readText(encodeGbk('\u89c4\u7ae0\t1\t2\t3\n'), DEFAULT_READER_LIMITS);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.problems.map((p) => p.code)).toEqual(['encoding_guessed']);
    expect(texts(grids(doc.blocks)[0])).toEqual([['\u89c4\u7ae0', '1', '2', '3']]);
  });
});

describe('text reader: pipe, tab and space dialects', () => {
  it('reads one-line pipe rows, keeping empty cells in place and dropping a spanned cell\'s padding', () => {
    const blocks = blocksOfText(['Intro', 'Caption | |||', 'label | A | B | C |', 'row | 1 |  | 3 |', 'Outro'].join('\n'));
    expect(texts(grids(blocks)[0])).toEqual([['Caption'], ['label', 'A', 'B', 'C'], ['row', '1', '', '3']]);
    expect(paragraphs(blocks)).toEqual(['Intro', 'Outro']);
  });

  it('treats a leading pipe as an empty first cell unless most rows lead with one', () => {
    const ragged = blocksOfText(['group | first | 1 | 2 |', '| second | 3 | 4 |'].join('\n'));
    expect(texts(grids(ragged)[0])).toEqual([['group', 'first', '1', '2'], ['', 'second', '3', '4']]);
    const markdown = blocksOfText(['| a | b |', '| 1 | 2 |'].join('\n'));
    expect(texts(grids(markdown)[0])).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads a cell a line with its own pipe: a lone pipe is an empty cell, a line of pipes ends the row', () => {
    const blocks = blocksOfText(['label |', 'A |', 'B |', 'C |', '||', 'row |', '|', '|', '9 |', '|||', 'Outro'].join('\n'));
    expect(texts(grids(blocks)[0])).toEqual([['label', 'A', 'B', 'C'], ['row', '', '', '9']]);
  });

  it('reads bare cells between pipe lines (excerpt 12 style), joining a wrapped cell, and recovers rows', () => {
    const lines = ['Heading paragraph that is long', 'Caption', '|', 'label', '|', 'A', '|', 'B', '|', 'first', '|', '0', '|', '6', '|', 'second', '|', '1', '|', '2', '|', 'wrapped', 'cell', '|', '5', '|', 'Closing paragraph that is long'];
    const blocks = blocksOfText(lines.join('\n'));
    expect(texts(grids(blocks)[0])).toEqual([['Caption', 'label', 'A', 'B'], ['first', '0', '6'], ['second', '1', '2'], ['wrapped\ncell', '5']]);
    expect(paragraphs(blocks)).toEqual(['Heading paragraph that is long', 'Closing paragraph that is long']);
  });

  it('reads tab-separated rows', () => {
    const blocks = blocksOfText('Intro line\nlabel\t0\t0\t0\nother\t1\t\t3\n');
    expect(texts(grids(blocks)[0])).toEqual([['label', '0', '0', '0'], ['other', '1', '', '3']]);
  });

  it('reads rows printed with runs of spaces, and a label followed by numbers', () => {
    const blocks = blocksOfText('label    A    B\nrow one    1    2\nlast row 0 0 0 0 0 0 0\n');
    expect(texts(grids(blocks)[0])).toEqual([['label', 'A', 'B'], ['row one', '1', '2'], ['last row', '0', '0', '0', '0', '0', '0', '0']]);
  });

  it('leaves prose alone', () => {
    const blocks = blocksOfText('In 2023 the office received 5 requests and answered all of them.\nA second sentence.');
    expect(grids(blocks)).toEqual([]);
    expect(paragraphs(blocks).length).toBe(2);
  });

  it('stays linear on a megabyte-long line of numbers that is not a row', () => {
    const t = performance.now();
    const blocks = blocksOfText(`${'1 '.repeat(500_000)}x`);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(grids(blocks)).toEqual([]);
  });
});
