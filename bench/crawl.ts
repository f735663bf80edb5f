/**
 * A generated crawl for the benchmark: byte-distinct variants of the samples (so none is a
 * duplicate unless meant to be), plus broken files and duplicates, in nested folders of a temp dir.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BenchFormat = 'text' | 'html' | 'docx' | 'pdf';
const EXT: Record<BenchFormat, string> = { text: 'txt', html: 'html', docx: 'docx', pdf: 'pdf' };
const DIRS: Record<BenchFormat, string[]> = { text: ['seed', 'text'], html: ['html'], docx: ['docx'], pdf: ['pdf'] };
const SAMPLES = fileURLToPath(new URL('../samples/', import.meta.url));

/** Sample documents per format (the .truth.json files beside them are not inputs). */
export function loadSamples(): Record<BenchFormat, Buffer[]> {
  const out = { text: [], html: [], docx: [], pdf: [] } as Record<BenchFormat, Buffer[]>;
  for (const f of Object.keys(DIRS) as BenchFormat[]) {
    for (const d of DIRS[f]) {
      const dir = join(SAMPLES, d);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).sort()) if (name.toLowerCase().endsWith(`.${EXT[f]}`)) out[f].push(readFileSync(join(dir, name)));
    }
  }
  return out;
}

/** A zip (DOCX) with a different archive comment: other bytes, same content. */
function withZipComment(zip: Buffer, comment: string): Buffer {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      const body = Buffer.from(zip.subarray(0, i + 22));
      const c = Buffer.from(comment, 'latin1');
      body.writeUInt16LE(c.length, i + 20);
      return Buffer.concat([body, c]);
    }
  }
  return Buffer.concat([zip, Buffer.from(comment)]);
}

/** A byte-distinct variant of a sample that reads the same. */
export function variant(format: BenchFormat, bytes: Buffer, n: number): Buffer {
  switch (format) {
    case 'text': return Buffer.concat([bytes, Buffer.from('\n' + n.toString(2).replace(/0/g, ' ').replace(/1/g, '\t') + '\n')]);
    case 'html': return Buffer.concat([bytes, Buffer.from(`\n<!-- bench ${n} -->\n`)]);
    case 'docx': return withZipComment(bytes, `bench ${n}`);
    case 'pdf': return Buffer.concat([bytes, Buffer.from(`\n%bench ${n}\n`)]);
  }
}

export interface CrawlPlan {
  /** files per format */
  counts: Partial<Record<BenchFormat, number>>;
  /** broken files (empty, random bytes, truncated, wrong extension) */
  broken?: number;
  /** exact copies of earlier files */
  duplicates?: number;
}

/** Write a crawl into `dir`; returns the number of files written per kind. */
export function writeCrawl(dir: string, plan: CrawlPlan, samples = loadSamples()): Record<string, number> {
  const written: Record<string, number> = {};
  const made: string[] = [];
  let n = 0;
  const put = (kind: string, name: string, bytes: Buffer) => {
    const sub = join(dir, `site-${n % 7}`, `y${2019 + (n % 6)}`);
    mkdirSync(sub, { recursive: true });
    const path = join(sub, name);
    writeFileSync(path, bytes);
    made.push(path);
    written[kind] = (written[kind] ?? 0) + 1;
    n++;
  };
  for (const f of Object.keys(plan.counts) as BenchFormat[]) {
    const src = samples[f];
    const count = plan.counts[f] ?? 0;
    if (!src.length) continue;
    for (let i = 0; i < count; i++) put(f, `${f}-${i} 报告.${EXT[f]}`, variant(f, src[i % src.length], i));
  }
  const broken = plan.broken ?? 0;
  for (let i = 0; i < broken; i++) {
    const k = i % 5;
    let r = (i + 1) * 2654435761;
    const random = Buffer.alloc(4096);
    for (let j = 0; j < random.length; j++) random[j] = (r = (Math.imul(r, 1103515245) + 12345) >>> 0) >>> 24;
    if (k === 0) put('broken', `empty-${i}.pdf`, Buffer.alloc(0));
    else if (k === 1) put('broken', `random-${i}.pdf`, random);
    else if (k === 2 && samples.pdf.length) put('broken', `truncated-${i}.pdf`, samples.pdf[i % samples.pdf.length].subarray(0, 2000 + i));
    else if (k === 3 && samples.docx.length) put('broken', `truncated-${i}.docx`, samples.docx[i % samples.docx.length].subarray(0, 3000 + i));
    else put('broken', `image-${i}.docx`, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), random]));
  }
  const dups = Math.min(plan.duplicates ?? 0, made.length);
  for (let i = 0; i < dups; i++) {
    const from = made[(i * 7919) % made.length];
    put('duplicate', `copy-${i}.${from.split('.').pop()}`, readFileSync(from));
  }
  return written;
}
