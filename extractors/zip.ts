/**
 * Zip parts out of an Office package, safe against zip bombs: each entry's declared size is
 * checked before anything is inflated, and fflate never writes past the declared size (an entry
 * that lies about its size comes out truncated, not larger).
 */
import { unzipSync } from 'fflate';
import type { ReaderProblem } from './model.ts';

export type ZipParts = { ok: true; parts: Map<string, Uint8Array> } | { ok: false; problem: ReaderProblem };

/**
 * Inflate the entries `wanted` accepts, refusing when their declared sizes add up to more than
 * `maxInflatedBytes`. Missing entries are simply absent from the map.
 */
export function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, maxInflatedBytes: number): ZipParts {
  let total = 0;
  let over: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name) || over) return false;
        total += file.originalSize;
        if (total > maxInflatedBytes || file.originalSize < 0) {
          over = file.name;
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    return { ok: false, problem: { code: 'corrupt', message: `not a readable zip: ${(err as Error).message}` } };
  }
  if (over) {
    return { ok: false, problem: { code: 'too_large', message: `zip entry ${over} would inflate past the ${maxInflatedBytes}-byte limit` } };
  }
  return { ok: true, parts: new Map(Object.entries(files)) };
}
