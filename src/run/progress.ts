/**
 * Progress on stderr: on a terminal one line redrawn in place (at most 10 times a second); when
 * stderr is a file or pipe, a plain line every `plainEveryMs` (the first after that interval, so
 * short runs print nothing but the summary).
 */
import type { Progress } from './batch.ts';

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

export function progressLine(p: Progress, now = Date.now()): string {
  if (p.writing) return `xxgk: ${p.done}/${p.total} files done, writing outputs…`;
  const secs = (now - p.startedAt) / 1000;
  const rate = secs > 0 ? p.done / secs : 0;
  const pct = p.total ? Math.floor((p.done / p.total) * 100) : 100;
  const eta = rate > 0 ? formatDuration((p.total - p.done) / rate) : '?';
  return `xxgk: ${p.done}/${p.total} files (${pct}%), ${rate.toFixed(1)} files/s, ETA ${eta}, ${p.failed} failed` +
    (p.reused ? `, ${p.reused} reused` : '');
}

export class ProgressView {
  private last = 0;
  private drawn = false;
  private readonly started = Date.now();

  constructor(private readonly out: NodeJS.WritableStream & { isTTY?: boolean }, private readonly plainEveryMs = 10_000) {}

  update(p: Progress): void {
    const now = Date.now();
    if (this.out.isTTY) {
      if (now - this.last < 100 && !p.writing && p.done !== p.total) return;
      this.last = now;
      this.out.write(`\r\x1b[K${progressLine(p, now)}`);
      this.drawn = true;
    } else {
      if (now - Math.max(this.last, this.started) < this.plainEveryMs) return;
      this.last = now;
      this.out.write(progressLine(p, now) + '\n');
    }
  }

  /** Clear the redrawn line before the summary. */
  end(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
  }
}
