/**
 * Decide a file's format from its bytes (magic numbers, container contents, markup), never from
 * its name. The name only gives `byExtension`, so callers can report a mismatch.
 */
import type { Format } from './model.ts';
import { bomOf, isUtf8Prefix } from './decode.ts';

export interface Sniffed {
  /** the format the content shows */
  format: Format;
  /** the format the file name's extension suggests, when it has a known one */
  byExtension: Format | null;
  /** an OLE2 container holding an encrypted Office package (password-protected .docx/.xlsx) */
  encrypted?: boolean;
}

const EXTENSIONS: Record<string, Format> = {
  pdf: 'pdf', docx: 'docx', docm: 'docx', doc: 'doc', wps: 'doc', xls: 'xls', et: 'xls', xlsx: 'xlsx', xlsm: 'xlsx',
  txt: 'text', text: 'text', csv: 'text', html: 'html', htm: 'html', shtml: 'html', xhtml: 'html', jsp: 'html', asp: 'html', aspx: 'html', php: 'html',
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', bmp: 'image', tif: 'image', tiff: 'image', webp: 'image',
  zip: 'archive', rar: 'archive', '7z': 'archive', gz: 'archive', tgz: 'archive', bz2: 'archive',
};

/** Decide the format from the bytes (magic numbers, markup), not from the name. */
export function sniffFormat(bytes: Uint8Array, fileName: string): Sniffed {
  const byExtension = formatByExtension(fileName);
  const found = formatOfBytes(bytes);
  return { byExtension, ...found };
}

/** The format a file name's extension suggests, or null. */
export function formatByExtension(fileName: string): Format | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot < 0) return null;
  return EXTENSIONS[base.slice(dot + 1).toLowerCase()] ?? null;
}

function formatOfBytes(bytes: Uint8Array): { format: Format; encrypted?: boolean } {
  if (bytes.length === 0) return { format: 'empty' };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return { format: 'pdf' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return { format: zipKind(buf) };
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(buf);
  const image = isImage(buf);
  if (image) return { format: 'image' };
  if (isCompressedArchive(buf)) return { format: 'archive' };
  // a PDF header after leading junk (HTTP headers, a BOM, whitespace) within the first KB
  const pdfAt = buf.subarray(0, 1024 + 4).indexOf('%PDF-', 0, 'latin1');
  if (pdfAt > 0) return { format: 'pdf' };
  return { format: textKind(bytes) };
}

function startsWith(buf: Buffer, magic: number[], at = 0): boolean {
  if (buf.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[at + i] !== magic[i]) return false;
  return true;
}

/** A zip is a DOCX or XLSX by the part names its directory lists (stored uncompressed). */
function zipKind(buf: Buffer): Format {
  if (buf.indexOf('word/document.xml', 0, 'latin1') >= 0) return 'docx';
  if (buf.indexOf('xl/workbook.xml', 0, 'latin1') >= 0) return 'xlsx';
  if (buf.indexOf('word/', 0, 'latin1') >= 0 && buf.indexOf('[Content_Types].xml', 0, 'latin1') >= 0) return 'docx';
  return 'archive';
}

/** An OLE2 compound file: Word 97 (.doc/.wps), Excel 97 (.xls/.et) or an encrypted OOXML package. */
function oleKind(buf: Buffer): { format: Format; encrypted?: boolean } {
  const has = (name: string) => buf.indexOf(Buffer.from(name, 'utf16le')) >= 0;
  if (has('EncryptedPackage')) return { format: has('xl/') || has('Workbook') ? 'xlsx' : 'docx', encrypted: true };
  if (has('WordDocument')) return { format: 'doc' };
  if (has('Workbook') || has('Book')) return { format: 'xls' };
  return { format: 'unknown' };
}

function isImage(buf: Buffer): boolean {
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return true; // PNG
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return true; // JPEG
  if (buf.subarray(0, 6).toString('latin1') === 'GIF87a' || buf.subarray(0, 6).toString('latin1') === 'GIF89a') return true;
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return true; // TIFF
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return true;
  // BMP: "BM", then reserved zero bytes at 6..9 and a header size that makes sense
  if (buf.length >= 26 && buf[0] === 0x42 && buf[1] === 0x4d && buf.readUInt32LE(6) === 0) {
    const dibSize = buf.readUInt32LE(14);
    if (dibSize === 12 || dibSize === 40 || dibSize === 52 || dibSize === 56 || dibSize === 108 || dibSize === 124) return true;
  }
  return false;
}

function isCompressedArchive(buf: Buffer): boolean {
  if (startsWith(buf, [0x1f, 0x8b])) return true; // gzip
  if (startsWith(buf, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return true; // rar 4 and 5
  if (startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return true; // 7z
  if (startsWith(buf, [0x42, 0x5a, 0x68]) && buf[3] >= 0x31 && buf[3] <= 0x39 && startsWith(buf, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4)) return true; // bzip2
  return false;
}

const HTML_MARKERS = /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<table[\s>]|<meta[\s>]|<div[\s>]/i;

/** HTML by markup in the first KB, text when it decodes with few control characters, else unknown. */
function textKind(bytes: Uint8Array): Format {
  const sample = bytes.subarray(0, 64 * 1024);
  const decoded = decodeSample(sample);
  if (decoded === undefined) return 'unknown';
  if (HTML_MARKERS.test(decoded.slice(0, 1024))) return 'html';
  if (decoded.trim() === '') return 'empty';
  return controlShare(decoded) <= 0.01 ? 'text' : 'unknown';
}

function decodeSample(sample: Uint8Array): string | undefined {
  const bom = bomOf(sample);
  if (bom) return new TextDecoder(bom.encoding).decode(sample.subarray(bom.length));
  if (sample.includes(0)) return undefined; // NUL bytes: binary (UTF-16 without a BOM is not worth guessing)
  if (isUtf8Prefix(sample)) return new TextDecoder('utf-8').decode(sample);
  const text = new TextDecoder('gb18030').decode(sample);
  // GB18030 decodes almost any byte soup; reject what produced many replacement characters
  const bad = text.length - text.replaceAll('\ufffd', '').length;
  return bad > Math.max(2, text.length * 0.01) ? undefined : text;
}

/** Share of characters that are control characters other than tab, CR, LF, FF. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  const stripped = text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '');
  return (text.length - stripped.length) / text.length;
}
