/**
 * Files that appear whole or not at all: written to a temporary name beside the target, flushed,
 * then renamed over it. A run killed mid-write leaves the previous file (or none), never half a file.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class AtomicFile {
  readonly tmp: string;
  private fd: number;
  private buf: (string | Uint8Array)[] = [];
  private size = 0;

  constructor(readonly target: string) {
    this.tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  write(data: string | Uint8Array): void {
    this.buf.push(data);
    this.size += data.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buf.length) {
      const whole = Buffer.concat(this.buf.map((b) => (typeof b === 'string' ? Buffer.from(b, 'utf8') : b)));
      let done = 0;
      while (done < whole.length) done += writeSync(this.fd, whole, done, whole.length - done);
    }
    this.buf = [];
    this.size = 0;
  }

  /** Flush, sync and move into place. */
  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.tmp, this.target);
  }

  /** Give up: remove the temporary file. */
  abort(): void {
    try { closeSync(this.fd); } catch { /* already closed */ }
    rmSync(this.tmp, { force: true });
  }
}

/** Write a whole small file atomically. */
export function writeFileAtomic(target: string, text: string): void {
  const f = new AtomicFile(target);
  f.write(text);
  f.commit();
}
