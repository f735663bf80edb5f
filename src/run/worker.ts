/**
 * A worker process: receives {id, path, file}, reads the file, extracts it, sends the record back
 * rendered (JSONL line, CSV rows: see write/render.ts), so the runner never re-serialises it.
 * Started by pool.ts with `fork` under the tsx loader and a V8 heap cap; the pool kills and
 * replaces it when a file takes too long or too much memory, so nothing here needs to guard
 * against that.
 *
 * Test hooks (only when the environment sets XXGK_TEST_HOOKS=1; for test/run): a file whose bytes
 * contain `XXGK-TEST-HANG` spins forever, `XXGK-TEST-CRASH` exits the process, `XXGK-TEST-OOM`
 * allocates until the heap limit, `XXGK-TEST-SLOW` sleeps 200 ms before extracting.
 */
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { extractBytes } from '../extract.ts';
import { DEFAULT_SETTINGS, type Settings } from '../settings.ts';
import { renderRecord } from '../write/render.ts';
import type { ToWorker, FromWorker } from './protocol.ts';

const settings: Settings = process.env.XXGK_WORKER_SETTINGS ? (JSON.parse(process.env.XXGK_WORKER_SETTINGS) as Settings) : DEFAULT_SETTINGS;
const hooks = process.env.XXGK_TEST_HOOKS === '1';

const send = (m: FromWorker) => process.send?.(m);

async function runTestHooks(bytes: Uint8Array): Promise<void> {
  const has = (marker: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker);
  if (has('XXGK-TEST-HANG')) for (;;) { /* a parser stuck in a loop */ }
  if (has('XXGK-TEST-CRASH')) process.exit(70);
  if (has('XXGK-TEST-OOM')) {
    const hog: Buffer[] = [];
    for (;;) hog.push(Buffer.alloc(32 << 20, 1));
  }
  if (has('XXGK-TEST-SLOW')) await new Promise((r) => setTimeout(r, 200));
}

// the pool may send the next task before this one is done: work through them one at a time
let queue: Promise<void> = Promise.resolve();
process.on('message', (msg: ToWorker) => {
  if (msg.type === 'task') queue = queue.then(() => work(msg));
});

async function work(msg: ToWorker): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(msg.path);
  } catch (err) {
    send({ type: 'unreadable', id: msg.id, message: (err as Error).message });
    return;
  }
  try {
    if (hooks) await runTestHooks(bytes);
    const record = await extractBytes(bytes, msg.file, settings, msg.sha256);
    send({ type: 'done', id: msg.id, rendered: renderRecord(record) });
  } catch (err) {
    send({ type: 'threw', id: msg.id, message: (err as Error)?.stack ?? String(err) });
  }
}

process.on('disconnect', () => process.exit(0));

// Warm up before taking work: the PDF reader imports pdfjs on first use (seconds on a busy
// machine), which must not count against the first PDF's time limit.
const WARMUP_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
await extractBytes(WARMUP_PDF, 'warmup.pdf', settings).catch(() => undefined);

// If the runner dies (even SIGKILL) while this process spins in a parser, 'disconnect' never runs:
// a watchdog thread notices the parent is gone and ends the process.
const watchdog = new Worker(
  `const ppid = ${process.ppid}; setInterval(() => { if (process.ppid !== ppid) process.kill(${process.pid}, 'SIGKILL'); }, 1000);`,
  { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16 } },
);
watchdog.unref();
send({ type: 'ready' });
