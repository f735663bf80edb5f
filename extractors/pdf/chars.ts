/**
 * Character classes the reader needs to join text and to judge a text layer. Written with
 * \u escapes: this directory holds no CJK characters.
 */

/** Ideographs, kana, hangul, CJK punctuation and fullwidth forms: text that joins without spaces. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // radicals, punctuation, kana, ideographs
    (c >= 0xac00 && c <= 0xd7af) || // hangul
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xfe30 && c <= 0xfe4f) || // vertical forms
    (c >= 0xff00 && c <= 0xffef) || // fullwidth forms
    (c >= 0x20000 && c <= 0x3ffff)
  );
}

/** Latin letters and digits (ASCII), the runs that keep a space between them. */
export function isAlnum(ch: string): boolean {
  return /^[A-Za-z0-9]$/.test(ch);
}

/** Characters a font without a usable ToUnicode map tends to produce. */
export function isGarbage(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0xe000 && c <= 0xf8ff) || // private use
    (c >= 0xf0000) ||
    c === 0xfffd ||
    (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0xa0 && c <= 0xff) // Latin-1 letters: GBK bytes read as single-byte text
  );
}

/** Estimated advance of one character in ems, for placing characters inside a text item. */
export function emWidth(ch: string): number {
  if (isWide(ch)) return 1;
  if (ch === ' ') return 0.3;
  return 0.55;
}

/** Join two pieces of text met in reading order: a space only between Latin letters/digits. */
export function joinPieces(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  const a = left[left.length - 1];
  const b = right[0];
  return isAlnum(a) && isAlnum(b) ? `${left} ${right}` : left + right;
}

/** A page number line: `3`, `-3-`, `- 3 -`, `\u7b2c3\u9875`, `3/10`, `Page 3`. */
export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (/\d\s+\d/.test(text)) return false; // numbers set apart: a row of values
  return (
    /^[-\u2014\u2013\u2012\u2500\uff0d]*\d{1,4}[-\u2014\u2013\u2012\u2500\uff0d]*$/.test(t) ||
    /^\u7b2c\d{1,4}\u9875(\u5171\d{1,4}\u9875)?$/.test(t) ||
    /^(page)?\d{1,4}(\/|of)\d{1,4}$/i.test(t) ||
    /^page\d{1,4}$/i.test(t)
  );
}

/** A value-like token: digits with separators, decimals, percentages (fullwidth digits included). */
export function isNumeric(text: string): boolean {
  return /^[-+\uff0b\uff0d]?[\d\uff10-\uff19][\d\uff10-\uff19,.\uff0c\uff0e ]*%?$/.test(text.trim());
}
