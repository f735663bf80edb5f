/**
 * Broken and hostile files, made by the tests themselves in a temp folder (nothing committed).
 * `buildHostileFolder` returns the folder and what each file's record must say.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';

export const SEED = new URL('../../samples/seed/', import.meta.url);
export const seedText = (): string => {
  const name = readdirSync(SEED).find((n) => n.endsWith('.txt'))!;
  return readFileSync(new URL(name, SEED), 'utf8');
};

/** GB18030 bytes of a string (two-byte GBK range; enough for report text), built from Node's decoder. */
export function encodeGb18030(text: string): Buffer {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([b1, b2]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [b1, b2]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

/** A DOCX-looking zip whose word/document.xml inflates to `mb` megabytes (a zip bomb). */
export function zipBombDocx(mb: number): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const types = new ZipDeflate('[Content_Types].xml', { level: 9 });
  zip.add(types);
  types.push(strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'), true);
  const doc = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(doc);
  doc.push(strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'));
  const block = strToU8('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(1 << 15)); // ~1 MB
  for (let i = 0; i < mb; i++) doc.push(block);
  doc.push(strToU8('</w:body></w:document>'), true);
  zip.end();
  return Buffer.concat(chunks);
}

type Status = 'ok' | 'partial' | 'not_report' | 'failed';
export interface Expect {
  /** the status (one of these, when several are acceptable) */
  status: Status | Status[];
  /** the record must carry one of these issue codes (any, when several are acceptable) */
  codes?: string[];
  /** a duplicate of this file */
  duplicateOf?: string;
  /** the values must equal those of this file's record */
  sameValuesAs?: string;
}

export interface Hostile {
  dir: string;
  /** record name → what it must say */
  expect: Map<string, Expect>;
  /** files whose assertion is skipped, with why */
  skipped: Map<string, string>;
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function buildHostileFolder(): Hostile {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-hostile-'));
  const expect = new Map<string, Expect>();
  const skipped = new Map<string, string>();
  const put = (rel: string, bytes: string | Uint8Array, e: Expect) => {
    const path = join(dir, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, bytes);
    expect.set(rel, e);
  };
  const seed = seedText();

  put('a-seed.txt', seed, { status: 'ok' });
  put('empty.pdf', '', { status: 'failed', codes: ['empty_file'] });
  put('empty-too.txt', '', { status: 'failed', codes: ['empty_file'] });
  put('truncated.pdf', '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /Conte', { status: 'failed', codes: ['corrupt_file'] });
  const random = Buffer.alloc(20_000);
  for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761 + 12345) >>> 24;
  put('random.pdf', random, { status: 'failed', codes: ['unsupported_format', 'corrupt_file'] });
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b00000000049454e44ae426082', 'hex');
  put('picture.docx', png, { status: 'failed', codes: ['unsupported_format'] });
  put('picture.png', png, { status: 'failed', codes: ['unsupported_format'], duplicateOf: 'picture.docx' });
  put('archive.zip', zipSync({ 'a.txt': strToU8('hello') }), { status: 'failed', codes: ['unsupported_format', 'corrupt_file'] });
  put('bomb.docx', zipBombDocx(300), { status: 'failed', codes: ['too_large', 'out_of_memory'] });
  put('deep.html', '<html><body>' + '<div>'.repeat(200_000) + 'x' + '</div>'.repeat(200_000) + '</body></html>', { status: 'failed', codes: ['too_large', 'out_of_memory'] });
  put('big.bin', Buffer.alloc(4 * 1024 * 1024, 7), { status: 'failed', codes: ['too_large'] });
  // the runner's own failure paths, through the worker test hooks (XXGK_TEST_HOOKS=1)
  put('hooks/hang.txt', 'XXGK-TEST-HANG', { status: 'failed', codes: ['timeout'] });
  put('hooks/crash.txt', 'XXGK-TEST-CRASH', { status: 'failed', codes: ['worker_crashed'] });
  put('hooks/oom.txt', 'XXGK-TEST-OOM', { status: 'failed', codes: ['out_of_memory'] });
  // names with spaces, quotes and Chinese; a GB18030 copy; byte-identical duplicates
  put(`odd names/报告 "quoted" it's #1.txt`, seed + '\n', { status: 'ok', sameValuesAs: 'a-seed.txt' });
  put('odd names/seed-gb18030.txt', encodeGb18030(seed), { status: 'ok', sameValuesAs: 'a-seed.txt' });
  put('z-dup/copy of seed.txt', seed, { status: 'ok', duplicateOf: 'a-seed.txt', sameValuesAs: 'a-seed.txt' });
  put('z-dup/中文 副本.txt', seed, { status: 'ok', duplicateOf: 'a-seed.txt', sameValuesAs: 'a-seed.txt' });
  put('z-dup/empty-again.pdf', '', { status: 'failed', codes: ['empty_file'] });
  // committed fixtures of the readers: encrypted and image-only PDFs, the blank official template
  const sample = (rel: string) => readFileSync(new URL(`../../samples/${rel}`, import.meta.url));
  put('samples/encrypted.pdf', sample('pdf/encrypted.pdf'), { status: 'failed', codes: ['encrypted'] });
  put('samples/scanned.pdf', sample('pdf/scanned.pdf'), { status: 'failed', codes: ['needs_ocr'] });
  put('samples/blank-template.docx', sample('docx/r10-2021-blank-official-template.docx'), { status: ['partial', 'not_report'], codes: ['blank_template', 'all_values_blank'] });
  put('notice.html', '<html><head><meta charset="utf-8"><title>关于召开会议的通知</title></head><body><p>各单位：定于下周一召开工作会议。</p></body></html>', { status: 'not_report' });

  // links: a loop of links, a dangling link, a folder link back up (not walked twice), a file link
  symlinkSync('loop-b', join(dir, 'loop-a'));
  symlinkSync('loop-a', join(dir, 'loop-b'));
  expect.set('loop-a', { status: 'failed', codes: ['unreadable'] });
  expect.set('loop-b', { status: 'failed', codes: ['unreadable'] });
  symlinkSync('no-such-target', join(dir, 'dangling.txt'));
  expect.set('dangling.txt', { status: 'failed', codes: ['unreadable'] });
  symlinkSync('..', join(dir, 'odd names', 'up'));
  symlinkSync('a-seed.txt', join(dir, 'link-to-seed.txt'));
  expect.set('link-to-seed.txt', { status: 'ok', duplicateOf: 'a-seed.txt' });

  // not a regular file: a FIFO must never be opened (it would block)
  try {
    execFileSync('mkfifo', [join(dir, 'pipe.fifo')]);
    expect.set('pipe.fifo', { status: 'failed', codes: ['unreadable'] });
  } catch {
    skipped.set('pipe.fifo', 'mkfifo not available');
  }

  // unreadable: chmod 000 does not stop root, so as root the file is read like any other
  put('locked.txt', 'XXGK locked file', isRoot ? { status: 'not_report' } : { status: 'failed', codes: ['unreadable'] });
  chmodSync(join(dir, 'locked.txt'), 0o000);
  if (isRoot) skipped.set('locked.txt', 'tests run as root: chmod 000 cannot make a file unreadable, so "unreadable" is not asserted');
  return { dir, expect, skipped };
}
