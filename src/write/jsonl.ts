/**
 * reports.jsonl as an append-only log: one record a line, appended (and written through) as each
 * file finishes, so a killed run leaves only whole lines, save perhaps a torn last one, which
 * `indexJsonl` drops (and truncates away) on --resume. Lines are located by byte offset so a run
 * never has to hold every record in memory.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

export interface LineRef {
  offset: number;
  length: number;
}

export class JsonlLog {
  private fd: number;
  private end: number;

  /** Open for appending; `fresh` empties the file first. */
  constructor(readonly path: string, fresh: boolean) {
    this.fd = openSync(path, fresh ? 'w+' : 'a+');
    this.end = fstatSync(this.fd).size;
  }

  /** Append one value as a line; returns where it is. */
  append(value: unknown): LineRef {
    return this.appendText(JSON.stringify(value) + '\n');
  }

  /** Append text as it is (a whole line, or whole CSV rows); returns where it is. */
  appendText(text: string): LineRef {
    const buf = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
    const ref = { offset: this.end, length: buf.length };
    this.end += buf.length;
    return ref;
  }

  /** Read back the value of a line. */
  read(ref: LineRef): unknown {
    return readLine(this.fd, ref);
  }

  /** Read back the bytes of an append. */
  readBytes(ref: LineRef): Buffer {
    return readBytes(this.fd, ref);
  }

  close(): void {
    closeSync(this.fd);
  }
}

export function readBytes(fd: number, ref: LineRef): Buffer {
  const buf = Buffer.alloc(ref.length);
  let done = 0;
  while (done < ref.length) {
    const n = readSync(fd, buf, done, ref.length - done, ref.offset + done);
    if (n === 0) break;
    done += n;
  }
  return done === ref.length ? buf : buf.subarray(0, done);
}

export function readLine(fd: number, ref: LineRef): unknown {
  return JSON.parse(readBytes(fd, ref).toString('utf8'));
}

export interface IndexedLine<T> extends LineRef {
  value: T;
}

/**
 * Walk a JSONL file line by line (streaming, in chunks) and hand each parsed line to `visit`.
 * Lines that do not parse are skipped and counted; a last line without its newline (a torn write)
 * is not visited. With `truncateTorn`, the file is cut back to the end of the last whole line.
 * Returns the counts.
 */
export function scanJsonl(path: string, visit: (value: unknown, ref: LineRef) => void, truncateTorn = false): { lines: number; bad: number; torn: boolean } {
  const fd = openSync(path, truncateTorn ? 'r+' : 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let carry: Buffer<ArrayBufferLike> = Buffer.alloc(0);
    let pos = 0; // file offset of carry[0]
    let lines = 0, bad = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, pos + carry.length);
      if (n === 0) break;
      const data: Buffer<ArrayBufferLike> = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : Buffer.from(chunk.subarray(0, n));
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        const text = data.toString('utf8', start, nl).trim();
        if (text) {
          try {
            visit(JSON.parse(text), { offset: pos + start, length: nl + 1 - start });
            lines++;
          } catch {
            bad++;
          }
        }
        start = nl + 1;
      }
      pos += start;
      carry = Buffer.from(data.subarray(start));
    }
    const torn = carry.length > 0 && carry.toString('utf8').trim().length > 0;
    if (truncateTorn && carry.length > 0) ftruncateSync(fd, pos);
    return { lines, bad, torn };
  } finally {
    closeSync(fd);
  }
}
