import type { Reader } from './model.ts';

/** Placeholder until this reader lands. */
export const readText: Reader = async () => ({
  format: 'text',
  blocks: [],
  problems: [{ code: 'unsupported', message: 'text reader not built yet' }],
});
