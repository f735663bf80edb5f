/**
 * Content hashes, streamed (a file of any size is hashed without being held in memory), plus the
 * first bytes for sniffing the format of files that never reach a reader.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';

export const HEAD_BYTES = 64 * 1024;

export interface Hashed {
  sha256: string;
  bytes: number;
  head: Uint8Array;
}

/** Files up to this size are read in one synchronous call (fastest from the page cache). */
const SMALL = 1 << 20;

export function hashFile(path: string, size: number | null = null): Promise<Hashed> {
  if (size !== null && size <= SMALL) {
    try {
      const bytes = readFileSync(path);
      if (bytes.length <= SMALL) {
        return Promise.resolve({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, head: new Uint8Array(bytes.subarray(0, HEAD_BYTES)) });
      }
    } catch (err) {
      return Promise.reject(err);
    }
  }
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLen = 0;
    let bytes = 0;
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => {
      const b = chunk as Buffer;
      hash.update(b);
      bytes += b.length;
      if (headLen < HEAD_BYTES) {
        const part = b.subarray(0, HEAD_BYTES - headLen);
        head.push(Buffer.from(part));
        headLen += part.length;
      }
    });
    stream.on('error', reject);
    stream.on('end', () => resolve({ sha256: hash.digest('hex'), bytes, head: new Uint8Array(Buffer.concat(head)) }));
  });
}
