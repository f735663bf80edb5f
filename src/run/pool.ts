/**
 * A pool of worker processes that extract files, each worker one file at a time (with the next
 * one or two already sent to it: see PIPELINE).
 *
 * Isolation: each worker is a separate Node process (fork of worker-entry.mjs) so that a parser that
 * hangs, throws or exhausts memory takes only its own file down:
 * - time: a file not done within `timeoutMs` gets its worker killed (SIGKILL) → `timeout`;
 * - memory: V8's heap is capped (--max-old-space-size = the cap) and the pool samples every
 *   worker's resident memory (/proc) every 50 ms, killing a worker over `maxMemoryMb` → `out_of_memory`
 *   (a V8 heap abort is recognised from its stderr and coded the same);
 * - any other death → `worker_crashed`.
 * A killed or dead worker is replaced at once and the run goes on. (XXGK_WORKER_CPU_PROF=DIR in the
 * environment writes a CPU profile of every worker into DIR, for performance work.) Peak memory is therefore about
 * workers × maxMemoryMb plus the runner's own (~100 MB).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Rendered } from '../write/render.ts';
import type { Settings } from '../settings.ts';
import { cpuSecondsOf, MB, rssOf } from './memory.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** V8 flags of every worker besides its heap cap (bench/bench.ts measures the PDF reader with them). */
export const WORKER_V8_FLAGS: readonly string[] = [
  // a larger young generation: fewer scavenges for the many short-lived objects pdfjs makes (~7% CPU on a PDF)
  '--max-semi-space-size=32',
];

export type FailureCode = 'timeout' | 'out_of_memory' | 'worker_crashed' | 'unreadable';

export type Outcome =
  | { kind: 'rendered'; rendered: Rendered }
  | { kind: 'failed'; code: FailureCode; message: string };

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  maxMemoryMb: number;
  settings: Settings;
  /** extra environment for the workers (tests use it to switch on hooks) */
  env?: Record<string, string>;
}

interface Task {
  id: number;
  path: string;
  file: string;
  sha256: string;
  resolve: (o: Outcome) => void;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  /** tasks sent to this worker, in order; the first is the one being worked on */
  tasks: Task[];
  /** the time limit of the first task (or the start-up limit before ready) */
  timer: NodeJS.Timeout | null;
  killedFor: 'timeout' | 'memory' | 'recycle' | 'startup' | null;
  peakRss: number;
  /** CPU seconds used, as last sampled */
  cpu: number;
  stderr: string;
}

/** worker-entry.mjs installs ts-hooks.mjs (esbuild for the project's .ts, native for node_modules) and runs worker.ts */
const WORKER = fileURLToPath(new URL('./worker-entry.mjs', import.meta.url));
const MAX_START_FAILURES = 3;
/**
 * Tasks sent to a worker ahead of time: the worker starts its next file as soon as it sends a
 * result, without waiting for the runner to answer (on a busy machine each round trip costs
 * milliseconds). Only the first task of a worker is running, so only it can time out or be blamed
 * for a crash; the ones behind it are handed to another worker.
 */
const PIPELINE = 4;
/** a worker over this share of its memory cap after a file is replaced */
const RECYCLE_AT = 0.8;
/** a worker not ready after this long (start-up and warm-up) is a start failure */
const STARTUP_MS = 180_000;

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private closing = false;
  private startFailures = 0;
  private broken: string | null = null;
  private sampler: NodeJS.Timeout;
  /** the highest runner + workers resident memory seen at one moment, bytes */
  peakTotalRss = 0;
  /** workers started, including replacements */
  started = 0;
  /** CPU seconds of workers that have exited (sampled, so a little low) */
  private retiredCpu = 0;

  constructor(private readonly opts: PoolOptions) {
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
    this.sampler = setInterval(() => this.sample(), 50);
    this.sampler.unref();
  }

  get size(): number {
    return this.opts.size;
  }

  /** Extract one file in a worker. Never rejects. */
  run(path: string, file: string, sha256: string): Promise<Outcome> {
    if (this.broken) return Promise.resolve({ kind: 'failed', code: 'worker_crashed', message: this.broken });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, path, file, sha256, resolve });
      this.dispatch();
    });
  }

  /** CPU seconds used by all workers so far (sampled every 50 ms). */
  get workerCpuSeconds(): number {
    return this.retiredCpu + this.slots.reduce((a, s) => a + s.cpu, 0);
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.sample();
    this.closing = true;
    clearInterval(this.sampler);
    await Promise.all(this.slots.map((s) => new Promise<void>((done) => {
      if (s.child.exitCode !== null || s.child.signalCode !== null) return done();
      s.child.once('exit', () => done());
      try { s.child.disconnect(); } catch { /* gone */ }
      setTimeout(() => s.child.kill('SIGKILL'), 2000).unref();
    })));
  }

  private spawn(): Slot {
    // the heap cap equals the memory cap: resident memory (heap + code + buffers) crosses the cap
    // first and the sampler stops the worker at once, before V8 slows down in last-resort GCs
    const heapMb = Math.max(64, this.opts.maxMemoryMb);
    const child = fork(WORKER, [], {
      execArgv: [`--max-old-space-size=${heapMb}`, ...WORKER_V8_FLAGS, ...(process.env.XXGK_WORKER_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.XXGK_WORKER_CPU_PROF] : [])],
      env: { ...process.env, ...this.opts.env, XXGK_WORKER_SETTINGS: JSON.stringify(this.opts.settings) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.started++;
    const slot: Slot = { child, ready: false, tasks: [], timer: null, killedFor: null, peakRss: 0, cpu: 0, stderr: '' };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => { slot.stderr = (slot.stderr + d).slice(-4000); });
    child.on('message', (m: FromWorker) => this.onMessage(slot, m));
    child.on('exit', (code, signal) => this.onExit(slot, code, signal));
    child.on('error', () => { /* reported through exit */ });
    slot.timer = setTimeout(() => this.kill(slot, 'startup'), STARTUP_MS);
    slot.timer.unref();
    return slot;
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'ready') {
      this.clearTimer(slot);
      slot.ready = true;
      this.startFailures = 0;
      this.dispatch();
      return;
    }
    const at = slot.tasks.findIndex((t) => t.id === m.id);
    if (at < 0) return;
    const [task] = slot.tasks.splice(at, 1);
    this.startHead(slot);
    // a worker that kept much memory after a file is replaced before its next file, so that the
    // memory a file leaves behind is never blamed on the next one
    const rss = slot.child.pid === undefined ? null : rssOf(slot.child.pid);
    if (rss !== null && rss > this.opts.maxMemoryMb * MB * RECYCLE_AT) this.kill(slot, 'recycle');
    if (m.type === 'done') task.resolve({ kind: 'rendered', rendered: m.rendered });
    else if (m.type === 'unreadable') task.resolve({ kind: 'failed', code: 'unreadable', message: m.message });
    else task.resolve({ kind: 'failed', code: 'worker_crashed', message: `the extraction threw: ${m.message.split('\n').slice(0, 3).join(' | ')}` });
    this.dispatch();
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.retiredCpu += slot.cpu;
    slot.cpu = 0;
    this.clearTimer(slot);
    const killedFor = slot.killedFor;
    const tasks = slot.tasks.splice(0);
    if (!slot.ready && !this.closing) this.startFailures++;
    // the first task was running: it is the one that failed (unless the worker was retired on
    // purpose); the others had not started and go back to the queue
    const head = killedFor === 'recycle' || killedFor === 'startup' || !slot.ready ? null : tasks.shift() ?? null;
    this.queue.unshift(...tasks);
    if (head) {
      const heapAbort = /heap out of memory|Reached heap limit|Allocation failed/i.test(slot.stderr);
      if (killedFor === 'timeout') {
        head.resolve({ kind: 'failed', code: 'timeout', message: `not done after ${this.opts.timeoutMs / 1000} s; the worker was stopped` });
      } else if (killedFor === 'memory' || heapAbort) {
        head.resolve({ kind: 'failed', code: 'out_of_memory', message: `the worker went over its ${this.opts.maxMemoryMb} MB memory cap (peak ${Math.round(slot.peakRss / MB)} MB) and was stopped` });
      } else {
        const tail = slot.stderr.trim().split('\n').slice(-2).join(' | ');
        head.resolve({ kind: 'failed', code: 'worker_crashed', message: `the worker died (${signal ?? `exit ${code}`})${tail ? `: ${tail}` : ''}` });
      }
    }
    if (this.closing) return;
    if (this.startFailures >= MAX_START_FAILURES) {
      this.broken = killedFor === 'memory'
        ? `workers cannot start within the ${this.opts.maxMemoryMb} MB memory cap (raise --max-memory)`
        : `workers cannot start: ${slot.stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${code ?? signal}`}`;
      this.slots.splice(i, 1);
      if (this.slots.length === 0) for (const t of this.queue.splice(0)) t.resolve({ kind: 'failed', code: 'worker_crashed', message: this.broken });
      return;
    }
    this.slots[i] = this.spawn();
  }

  private clearTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** Start the time limit of the worker's first task (the one it is working on). */
  private startHead(slot: Slot): void {
    this.clearTimer(slot);
    slot.peakRss = 0;
    if (slot.tasks.length) slot.timer = setTimeout(() => this.kill(slot, 'timeout'), this.opts.timeoutMs);
  }

  private dispatch(): void {
    for (let depth = 1; depth <= PIPELINE; depth++) {
      for (const slot of this.slots) {
        if (!this.queue.length) return;
        if (!slot.ready || slot.killedFor || slot.tasks.length >= depth) continue;
        const task = this.queue.shift()!;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) this.startHead(slot);
        const msg: ToWorker = { type: 'task', id: task.id, path: task.path, file: task.file, sha256: task.sha256 };
        slot.child.send(msg);
      }
    }
  }

  private kill(slot: Slot, why: NonNullable<Slot['killedFor']>): void {
    if (slot.killedFor) return;
    slot.killedFor = why;
    slot.child.kill('SIGKILL');
  }

  private sample(): void {
    let total = process.memoryUsage.rss();
    const cap = this.opts.maxMemoryMb * MB;
    for (const slot of this.slots) {
      const pid = slot.child.pid;
      if (pid === undefined || slot.killedFor) continue;
      const cpu = cpuSecondsOf(pid);
      if (cpu !== null) slot.cpu = cpu;
      const rss = rssOf(pid);
      if (rss === null) continue;
      total += rss;
      if (rss > slot.peakRss) slot.peakRss = rss;
      if (rss > cap) this.kill(slot, 'memory');
    }
    if (total > this.peakTotalRss) this.peakTotalRss = total;
  }
}
