import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../extractors/docx.ts';
import { readHtml } from '../../extractors/html.ts';
import { DEFAULT_READER_LIMITS, type Block, type Grid } from '../../extractors/model.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docxOf = (body: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    ...extra,
  });
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(text)}</w:tc>`;
const tr = (cells: string, pr = '') => `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ''}${cells}</w:tr>`;
const tbl = (rows: string) => `<w:tbl><w:tblGrid/>${rows}</w:tbl>`;

const read = (bytes: Uint8Array, limits = DEFAULT_READER_LIMITS) => readDocx(bytes, limits);
const grids = (blocks: Block[]) => blocks.filter((b): b is Grid => b.kind === 'grid');
const texts = (grid: Grid) => grid.rows.map((row) => row.map((c) => (c.covered ? `^${c.text}` : c.text)));

describe('docx reader: merged cells', () => {
  it('reads gridSpan as colspan and vMerge restart/continue as rowspan', async () => {
    const doc = await read(docxOf(tbl(
      tr(tc('note', '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + tc('group', '<w:gridSpan w:val="2"/>')) +
      tr(tc('', '<w:gridSpan w:val="2"/><w:vMerge/>') + tc('a') + tc('b')) +
      tr(tc('x') + tc('y') + tc('1') + tc('2')),
    )));
    const [grid] = grids(doc.blocks);
    expect(texts(grid)).toEqual([
      ['note', '^note', 'group', '^group'],
      ['^note', '^note', 'a', 'b'],
      ['x', 'y', '1', '2'],
    ]);
    expect(grid.rows[1][1]).toMatchObject({ covered: true, origin: [0, 0], rowSpan: 2, colSpan: 2 });
  });

  it('leaves gridBefore and gridAfter slots empty, so cells stay under their columns', async () => {
    const doc = await read(docxOf(tbl(
      tr(tc('h1') + tc('h2') + tc('h3') + tc('h4')) +
      tr(tc('b') + tc('c'), '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>') +
      tr(tc('d'), '<w:gridBefore w:val="3"/>') +
      tr(tc('e') + tc('f', '<w:gridSpan w:val="2"/>'), '<w:gridAfter w:val="1"/>'),
    )));
    expect(texts(grids(doc.blocks)[0])).toEqual([
      ['h1', 'h2', 'h3', 'h4'],
      ['', 'b', 'c', ''],
      ['', '', '', 'd'],
      ['e', 'f', '^f', ''],
    ]);
  });

  it('continues a vertical merge under gridBefore at the right column', async () => {
    const doc = await read(docxOf(tbl(
      tr(tc('a') + tc('group', '<w:vMerge w:val="restart"/>') + tc('1')) +
      tr(tc('', '<w:vMerge/>') + tc('2'), '<w:gridBefore w:val="1"/>'),
    )));
    expect(texts(grids(doc.blocks)[0])).toEqual([['a', 'group', '1'], ['', '^group', '2']]);
  });
});

describe('docx reader: text', () => {
  it('keeps insertions, drops deletions and field codes, reads hyperlinks, content controls, tabs and breaks', async () => {
    const body =
      `<w:p><w:r><w:t>kept</w:t></w:r><w:ins w:id="1"><w:r><w:t xml:space="preserve"> inserted</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText> deleted</w:delText></w:r></w:del></w:p>` +
      `<w:p><w:hyperlink r:id="rId1" xmlns:r="r"><w:r><w:t>link</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>after tab</w:t><w:br/><w:t>next line</w:t></w:r></w:p>` +
      `<w:sdt><w:sdtPr/><w:sdtContent>${p('in a content control')}</w:sdtContent></w:sdt>` +
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:p><w:r><w:t>A &amp; B &lt;C&gt;</w:t></w:r></w:p>`;
    const doc = await read(docxOf(body));
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'kept inserted' },
      { kind: 'paragraph', text: 'link\tafter tab\nnext line' },
      { kind: 'paragraph', text: 'in a content control' },
      { kind: 'paragraph', text: '7' },
      { kind: 'paragraph', text: 'A & B <C>' },
    ]);
  });

  it('reads a text box once, after the paragraph it is anchored in (not its VML fallback again)', async () => {
    const box = `<w:txbxContent>${p('boxed title')}</w:txbxContent>`;
    const body = `<w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="w">${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v">${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` + p('next');
    const doc = await read(docxOf(body));
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'anchor' },
      { kind: 'paragraph', text: 'boxed title' },
      { kind: 'paragraph', text: 'next' },
    ]);
  });

  it('makes innermost tables grids and emits a layout table\'s own text in order', async () => {
    const inner = tbl(tr(tc('in1') + tc('1')));
    const body = p('before') + tbl(tr(`<w:tc>${p('outer text')}${inner}${p('after inner')}</w:tc>`)) + p('after');
    const doc = await read(docxOf(body));
    expect(doc.blocks.map((b) => (b.kind === 'grid' ? `grid:${texts(b).join('/')}` : b.text))).toEqual(['before', 'outer text', 'grid:in1,1', 'after inner', 'after']);
  });

  it('takes the title from docProps/core.xml and a cell\'s paragraphs as lines', async () => {
    const core = strToU8('<cp:coreProperties xmlns:cp="c" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Annual &amp; report</dc:title></cp:coreProperties>');
    const doc = await read(docxOf(tbl(tr(`<w:tc>${p('\u5546\u4e1a')}${p('')}${p('\u4f01\u4e1a')}</w:tc>`)), { 'docProps/core.xml': core }));
    expect(doc.title).toBe('Annual & report');
    expect(texts(grids(doc.blocks)[0])).toEqual([['\u5546\u4e1a\n\u4f01\u4e1a']]);
  });
});

describe('docx reader: hostile and broken packages', () => {
  it('refuses a part that would inflate past the limit (zip bomb), before inflating it', async () => {
    const bomb = docxOf(p('x'.repeat(100)) + `<w:p>${'<w:r><w:t>0</w:t></w:r>'.repeat(200_000)}</w:p>`); // ~4.6 MB of XML, compresses to a few KB
    expect(bomb.length).toBeLessThan(100_000);
    const doc = await read(bomb, { ...DEFAULT_READER_LIMITS, maxInflatedBytes: 1_000_000 });
    expect(doc.problems.map((x) => x.code)).toEqual(['too_large']);
    expect(doc.blocks).toEqual([]);
  });

  it('never inflates past a size the zip declares: an entry that lies about its size comes out truncated', async () => {
    const bomb = docxOf(`<w:p>${'<w:r><w:t>0</w:t></w:r>'.repeat(200_000)}</w:p>`);
    const buf = Buffer.from(bomb);
    // patch the declared uncompressed size of word/document.xml to 200 bytes, in the central directory and the local header
    for (let at = buf.indexOf('PK\u0001\u0002', 0, 'latin1'); at >= 0; at = buf.indexOf('PK\u0001\u0002', at + 4, 'latin1')) {
      const nameLength = buf.readUInt16LE(at + 28);
      if (buf.toString('latin1', at + 46, at + 46 + nameLength) === 'word/document.xml') {
        buf.writeUInt32LE(200, at + 24);
        buf.writeUInt32LE(200, buf.readUInt32LE(at + 42) + 22);
      }
    }
    const doc = await read(buf, { ...DEFAULT_READER_LIMITS, maxInflatedBytes: 1_000_000 });
    expect(doc.problems.map((x) => x.code)).toEqual(['corrupt']); // 200 bytes of a longer document are not well-formed
  });

  it('says corrupt for bytes that are not a zip, and for a zip without word/document.xml', async () => {
    expect((await read(strToU8('PK\u0003\u0004 not really a zip'))).problems.map((x) => x.code)).toEqual(['corrupt']);
    const noDocument = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8('<w:styles/>') });
    expect((await read(noDocument)).problems.map((x) => x.code)).toEqual(['corrupt']);
    const badXml = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>x</w:t></w:body>') });
    const bad = await read(badXml);
    expect(bad.problems.length + bad.blocks.length).toBeGreaterThan(0); // no throw: problems or what could be read
  });

  it('says encrypted for a password-protected package (an OLE2 file with an EncryptedPackage stream)', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0), ...Buffer.from('EncryptedPackage', 'utf16le')]);
    expect((await read(ole)).problems.map((x) => x.code)).toEqual(['encrypted']);
  });
});

describe('docx reader on the generated samples', () => {
  const sample = (path: string) => readFileSync(new URL(`../../samples/${path}`, import.meta.url));
  const shape = (blocks: Block[]) => grids(blocks).filter((g) => g.rows.length >= 4).map(texts);
  for (const name of ['r01-2021-city-bureau-chrome', 'r11-2019-flat-header', 'r12-2021-label-cells-split']) {
    it(`gives ${name}.docx exactly the grids of its HTML page`, async () => {
      const [d, h] = await Promise.all([read(sample(`docx/${name}.docx`)), readHtml(sample(`html/${name}.html`), DEFAULT_READER_LIMITS)]);
      expect(shape(d.blocks).length).toBe(3);
      expect(shape(d.blocks)).toEqual(shape(h.blocks));
    });
  }
  it('reads the LibreOffice-saved copy with the same grids as the page it came from', async () => {
    const name = 'r05-2019-district-office-money-in-yuan';
    const [d, h] = await Promise.all([read(sample(`docx/lo-${name}.docx`)), readHtml(sample(`html/${name}.html`), DEFAULT_READER_LIMITS)]);
    expect(shape(d.blocks)).toEqual(shape(h.blocks));
  });
  it('reads the WPS-style copy: leading merged cells as empty gridBefore slots, every other cell in place', async () => {
    const name = 'r01-2021-city-bureau-chrome';
    const [plain, wps] = await Promise.all([read(sample(`docx/${name}.docx`)), read(sample(`docx/${name}-gridbefore.docx`))]);
    const a = shape(plain.blocks);
    const b = shape(wps.blocks);
    expect(b.map((g) => g.length)).toEqual(a.map((g) => g.length));
    // same text wherever the plain copy has an origin cell; where it had a covered slot, the WPS copy may be empty
    a.forEach((grid, g) => grid.forEach((row, r) => row.forEach((cell, c) => {
      if (!cell.startsWith('^')) expect(b[g][r][c]).toBe(cell);
      else expect([cell, '']).toContain(b[g][r][c]);
    })));
    expect(b[1][1].slice(0, 3)).toEqual(['', '', '']);
  });
});
