import type { Reader } from '../model.ts';

/** Placeholder until the PDF reader lands: says so instead of guessing. */
export const readPdf: Reader = async () => ({
  format: 'pdf',
  blocks: [],
  problems: [{ code: 'unsupported', message: 'PDF reader not built yet' }],
});
