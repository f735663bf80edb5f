import type { Reader } from './model.ts';

/** Placeholder until this reader lands. */
export const readDocx: Reader = async () => ({
  format: 'docx',
  blocks: [],
  problems: [{ code: 'unsupported', message: 'docx reader not built yet' }],
});
