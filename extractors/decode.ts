/**
 * Bytes to string for the text formats (plain text, HTML): BOM first, then the document's own
 * declaration (HTML only), checked against the bytes because declarations are often wrong; else
 * strict UTF-8, else GB18030 (which also decodes GBK and GB2312).
 */
import { isAscii, isUtf8 } from 'node:buffer';

export interface Decoded {
  text: string;
  /** WHATWG label of the charset used: 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', … */
  encoding: string;
  /** true when the charset was not declared (or declared wrongly) and had to be detected */
  guessed: boolean;
  /** the charset the document declared, as written, if any */
  declared?: string;
}

export interface DecodeOptions {
  /** look for <meta charset> / http-equiv declarations in the first bytes */
  html?: boolean;
}

const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'csgb2312', 'chinese', 'iso-ir-58', 'gb_2312-80', 'gb_2312']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** Decode bytes as text, detecting the charset. Never throws. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bom = bomOf(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, guessed: false };

  const declared = options.html ? declaredCharset(bytes) : undefined;
  const label = declared?.toLowerCase();
  if (label && UTF8_LABELS.has(label)) {
    if (isUtf8(bytes)) return { text: decodeWith('utf-8', bytes), encoding: 'utf-8', guessed: false, declared };
    return { text: decodeWith('gb18030', bytes), encoding: 'gb18030', guessed: true, declared };
  }
  if (label && GB_LABELS.has(label)) {
    if (!isAscii(bytes) && isUtf8(bytes)) return { text: decodeWith('utf-8', bytes), encoding: 'utf-8', guessed: true, declared };
    return { text: decodeWith('gb18030', bytes), encoding: 'gb18030', guessed: false, declared };
  }
  if (label && label !== 'iso-8859-1' && label !== 'windows-1252' && label !== 'us-ascii' && supported(label)) {
    // another declared charset (big5, shift_jis, …): trust it unless the bytes are clearly UTF-8
    if (!isAscii(bytes) && isUtf8(bytes)) return { text: decodeWith('utf-8', bytes), encoding: 'utf-8', guessed: true, declared };
    return { text: decodeWith(label, bytes), encoding: new TextDecoder(label).encoding, guessed: false, declared };
  }
  // undeclared, or declared as a Western charset that Chinese pages misuse
  if (isUtf8(bytes)) return { text: decodeWith('utf-8', bytes), encoding: 'utf-8', guessed: declared !== undefined && !isAscii(bytes), declared };
  return { text: decodeWith('gb18030', bytes), encoding: 'gb18030', guessed: true, declared };
}

/** The byte-order mark at the start of `bytes`, if any. */
export function bomOf(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

const META_CHARSET = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;
const XML_ENCODING = /<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i;

/** The charset an HTML document declares in its first 4 KB (<meta charset>, http-equiv, or an XML prolog). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  return META_CHARSET.exec(head)?.[1] ?? XML_ENCODING.exec(head)?.[1];
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function decodeWith(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}

/**
 * True when a prefix cut from a longer buffer is valid UTF-8 apart from a multi-byte sequence
 * cut at its end.
 */
export function isUtf8Prefix(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // back off over at most 3 trailing bytes of an incomplete sequence
  for (let i = 0; i < 3 && end > 0 && (bytes[end - 1] & 0xc0) === 0x80; i++) end--;
  if (end > 0 && bytes[end - 1] >= 0xc0) end--;
  return isUtf8(bytes.subarray(0, end));
}
