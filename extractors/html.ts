import type { Reader } from './model.ts';

/** Placeholder until this reader lands. */
export const readHtml: Reader = async () => ({
  format: 'html',
  blocks: [],
  problems: [{ code: 'unsupported', message: 'html reader not built yet' }],
});
