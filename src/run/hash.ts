/**
 * Content hashes, streamed (a file of any size is hashed without being held in memory), plus the
 * first bytes for sniffing the format of files that never reach a reader.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const HEAD_BYTES = 64 * 1024;

export interface Hashed {
  sha256: string;
  bytes: number;
  head: Uint8Array;
}

export function hashFile(path: string): Promise<Hashed> {
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
