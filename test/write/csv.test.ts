import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvRow, toCsv } from '../../src/write/csv.ts';

/** A small RFC 4180 reader, to check that what we write reads back as it was. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

describe('csv', () => {
  it('starts a document with the UTF-8 BOM, once, and ends rows with CRLF', () => {
    const doc = toCsv(['a', 'b'], [[1, 2], [3, 4]]);
    expect(doc.startsWith(BOM)).toBe(true);
    expect(doc.indexOf(BOM, 1)).toBe(-1);
    expect(doc.slice(1)).toBe('a,b\r\n1,2\r\n3,4\r\n');
    expect(Buffer.from(doc, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes null and undefined as empty fields, and 0 as 0', () => {
    expect(csvRow([null, undefined, 0, '', NaN])).toBe(',,0,,\r\n');
  });

  it('quotes fields with commas, quotes, CR or LF, doubling quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('keeps Chinese text as it is and reads back exactly', () => {
    const values = ['报告 "quoted" it\'s #1.txt', '（一）行政许可，本年', '251000元', '第一行\r\n第二行', '—', ''];
    const doc = toCsv(['file', 'a', 'b', 'c', 'd', 'e'], [values]);
    expect(doc).toContain('（一）行政许可，本年');
    const [header, row] = parseCsv(doc.slice(1));
    expect(header).toEqual(['file', 'a', 'b', 'c', 'd', 'e']);
    expect(row).toEqual(values);
  });

  it('writes numbers as JavaScript prints them (no thousands separators, decimals kept)', () => {
    expect(csvRow([25.1, -3, 1234567, 0.0001])).toBe('25.1,-3,1234567,0.0001\r\n');
  });
});
