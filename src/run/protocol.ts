/** Messages between the pool and its worker processes. */
import type { Rendered } from '../write/render.ts';

export type ToWorker = { type: 'task'; id: number; path: string; file: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; rendered: Rendered }
  | { type: 'unreadable'; id: number; message: string }
  | { type: 'threw'; id: number; message: string };
