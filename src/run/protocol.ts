/** Messages between the pool and its worker processes. */
import type { Rendered } from '../write/render.ts';

/** `sha256` is the runner's hash of the file, so the worker does not hash it again. */
export type ToWorker = { type: 'task'; id: number; path: string; file: string; sha256: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; rendered: Rendered }
  | { type: 'unreadable'; id: number; message: string }
  | { type: 'threw'; id: number; message: string };
