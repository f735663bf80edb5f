import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { zipSync, strToU8, gzipSync } from 'fflate';
import { sniffFormat, formatByExtension } from '../../extractors/sniff.ts';

const bytes = (...parts: (number[] | string)[]) => {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === 'string' ? Buffer.from(p, 'latin1') : p));
  return Uint8Array.from(out);
};
const pad = (b: Uint8Array, n = 64) => {
  const out = new Uint8Array(Math.max(n, b.length));
  out.set(b);
  return out;
};
/** An OLE2 header followed by directory entry names in UTF-16LE, as compound files store them. */
const ole2 = (...streams: string[]) =>
  Uint8Array.from([...[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], ...new Array(504).fill(0), ...streams.flatMap((s) => [...Buffer.from(s, 'utf16le'), 0, 0])]);

describe('sniffFormat: content wins over the extension', () => {
  it('reads a PDF named .docx as pdf, and says what the name claimed', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n%\xe2\xe3\n1 0 obj'), 'report.docx')).toEqual({ format: 'pdf', byExtension: 'docx' });
  });
  it('finds %PDF after leading junk within the first KB', () => {
    const junk = 'HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n';
    expect(sniffFormat(bytes(junk, '%PDF-1.4\n'), 'x.bin').format).toBe('pdf');
  });
  it('tells docx, xlsx and other zips apart by their parts', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    const other = zipSync({ 'a.txt': strToU8('hello') });
    expect(sniffFormat(docx, 'a.zip').format).toBe('docx');
    expect(sniffFormat(xlsx, 'a.docx').format).toBe('xlsx');
    expect(sniffFormat(other, 'a.docx').format).toBe('archive');
  });
  it('names OLE2 files: Word 97, Excel 97, and an encrypted docx', () => {
    expect(sniffFormat(ole2('Root Entry', 'WordDocument', '1Table'), 'a.docx').format).toBe('doc');
    expect(sniffFormat(ole2('Root Entry', 'Workbook'), 'a.doc').format).toBe('xls');
    expect(sniffFormat(ole2('Root Entry', 'EncryptionInfo', 'EncryptedPackage'), 'a.docx')).toEqual({ format: 'docx', byExtension: 'docx', encrypted: true });
  });
  it('knows every image magic', () => {
    const bmp = pad(bytes('BM', [0x46, 0, 0, 0], [0, 0, 0, 0], [0x36, 0, 0, 0], [40, 0, 0, 0]));
    const samples: [string, Uint8Array][] = [
      ['png', pad(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
      ['jpeg', pad(bytes([0xff, 0xd8, 0xff, 0xe0]))],
      ['gif', pad(bytes('GIF89a'))],
      ['bmp', bmp],
      ['tiff le', pad(bytes([0x49, 0x49, 0x2a, 0x00]))],
      ['tiff be', pad(bytes([0x4d, 0x4d, 0x00, 0x2a]))],
      ['webp', pad(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))],
    ];
    for (const [name, b] of samples) expect(sniffFormat(b, `${name}.html`).format, name).toBe('image');
  });
  it('knows compressed archives', () => {
    expect(sniffFormat(gzipSync(strToU8('x'.repeat(100))), 'a.txt').format).toBe('archive');
    expect(sniffFormat(pad(bytes('Rar!', [0x1a, 0x07, 0x01, 0x00])), 'a.txt').format).toBe('archive');
    expect(sniffFormat(pad(bytes('7z', [0xbc, 0xaf, 0x27, 0x1c])), 'a.txt').format).toBe('archive');
    expect(sniffFormat(pad(bytes('BZh91AY&SY')), 'a.txt').format).toBe('archive');
  });
  it('finds HTML by markup, whatever the name says', () => {
    expect(sniffFormat(strToU8('<!DOCTYPE html><html><body>x</body></html>'), 'a.txt').format).toBe('html');
    expect(sniffFormat(strToU8('\n\n  <table><tr><td>1</td></tr></table>'), 'a.pdf').format).toBe('html');
    expect(sniffFormat(strToU8('<div class="x">\u62a5\u544a</div>'), 'noext').format).toBe('html');
  });
  it('reads UTF-8 and GB18030 prose as text, binary soup as unknown, nothing as empty', () => {
    expect(sniffFormat(strToU8('\u653f\u5e9c\u4fe1\u606f\u516c\u5f00\n\t0\n'), 'a.pdf').format).toBe('text');
    const gbk = Uint8Array.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0x0a, 0x09, 0x30, 0x0a]); // 政府信息 \n\t0\n
    expect(sniffFormat(gbk, 'a.doc').format).toBe('text');
    const soup = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
    expect(sniffFormat(soup, 'a.txt').format).toBe('unknown');
    expect(sniffFormat(new Uint8Array(0), 'a.pdf')).toEqual({ format: 'empty', byExtension: 'pdf' });
  });
  it('maps extensions, case-insensitively, through directories', () => {
    expect(formatByExtension('dir.v2/REPORT.HTM')).toBe('html');
    expect(formatByExtension('a.wps')).toBe('doc');
    expect(formatByExtension('README')).toBeNull();
  });
});

describe('sniffFormat on the samples', () => {
  it('names every sample by its content as its extension says', () => {
    const root = new URL('../../samples/', import.meta.url);
    const files = ['seed', 'html', 'docx'].flatMap((dir) => readdirSync(new URL(`${dir}/`, root)).filter((f) => !f.endsWith('.json')).map((f) => `${dir}/${f}`));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const sniffed = sniffFormat(readFileSync(new URL(file, root)), file);
      expect(sniffed.format, file).toBe(sniffed.byExtension);
    }
  });
});
