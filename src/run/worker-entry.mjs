// Entry of a worker process (see pool.ts): install the .ts hooks, then run the worker.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
await import('./worker.ts');
