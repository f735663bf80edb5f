import { describe, expect, it } from 'vitest';
import { decodeBytes, declaredCharset } from '../../extractors/decode.ts';
import { encodeGbk } from '../../scripts/fixtures/gbk.ts';

const REPORT = '\u653f\u5e9c\u4fe1\u606f\u516c\u5f00\u5de5\u4f5c\u5e74\u5ea6\u62a5\u544a'; // 政府信息公开工作年度报告
const utf8 = (s: string) => new TextEncoder().encode(s);
const page = (meta: string) => `<html><head>${meta}<title>${REPORT}</title></head><body><p>${REPORT}</p></body></html>`;

describe('decodeBytes', () => {
  it('honours a byte-order mark before anything else', () => {
    const bom8 = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(REPORT)]);
    expect(decodeBytes(bom8)).toMatchObject({ text: REPORT, encoding: 'utf-8', guessed: false });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]);
    expect(decodeBytes(le)).toMatchObject({ text: REPORT, encoding: 'utf-16le', guessed: false });
    const be = Buffer.from(REPORT, 'utf16le').swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text: REPORT, encoding: 'utf-16be' });
    // a BOM wins over a contradicting declaration
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(page('<meta charset="gbk">'))]), { html: true }).encoding).toBe('utf-8');
  });

  it('trusts a right declaration without flagging it', () => {
    const gbkPage = encodeGbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'));
    const d = decodeBytes(gbkPage, { html: true });
    expect(d).toMatchObject({ encoding: 'gb18030', guessed: false, declared: 'gb2312' });
    expect(d.text).toContain(`<p>${REPORT}</p>`);
  });

  it('reads GBK declared as UTF-8 as GB18030, flagged', () => {
    const d = decodeBytes(encodeGbk(page('<meta charset="utf-8">')), { html: true });
    expect(d).toMatchObject({ encoding: 'gb18030', guessed: true, declared: 'utf-8' });
    expect(d.text).toContain(REPORT);
  });

  it('reads UTF-8 declared as GBK as UTF-8, flagged', () => {
    const d = decodeBytes(utf8(page('<meta charset=GBK>')), { html: true });
    expect(d).toMatchObject({ encoding: 'utf-8', guessed: true, declared: 'GBK' });
    expect(d.text).toContain(REPORT);
  });

  it('detects undeclared GBK, flagged, and undeclared UTF-8 without a flag', () => {
    const gbk = decodeBytes(encodeGbk(page('')), { html: true });
    expect(gbk).toMatchObject({ encoding: 'gb18030', guessed: true });
    expect(gbk.text).toContain(REPORT);
    expect(decodeBytes(utf8(REPORT))).toMatchObject({ text: REPORT, encoding: 'utf-8', guessed: false });
    expect(decodeBytes(encodeGbk(REPORT))).toMatchObject({ text: REPORT, encoding: 'gb18030', guessed: true });
  });

  it('finds the declaration in its usual spellings', () => {
    const d = (s: string) => declaredCharset(utf8(s));
    expect(d('<meta charset="UTF-8">')).toBe('UTF-8');
    expect(d("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=gb2312'>")).toBe('gb2312');
    expect(d('<?xml version="1.0" encoding="GBK"?><html>')).toBe('GBK');
    expect(d('<html><head><title>x</title></head>')).toBeUndefined();
  });

  it('decodes a few MB quickly (no per-character loops)', () => {
    const big = encodeGbk(REPORT.repeat(200_000)); // ~4.8 MB of GBK
    decodeBytes(encodeGbk(REPORT)); // warm the decoder up
    const t = performance.now();
    const d = decodeBytes(big);
    expect(d.text.length).toBe(REPORT.length * 200_000);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
