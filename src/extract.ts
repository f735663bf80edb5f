/**
 * One file in, one record out: sniff → read → recognise → record. Pure apart from reading
 * the file; never throws for a bad document (the problem becomes a coded issue).
 */
import { createHash } from 'node:crypto';
import { READERS, sniffFormat } from '../extractors/index.ts';
import type { SourceDoc } from '../extractors/model.ts';
import { issue, type Issue, type IssueCode } from './issues.ts';
import { buildRecord, emptyRecord } from './record/build.ts';
import type { XxgkRecord } from './record/schema.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

const READER_CODES: Record<string, IssueCode> = {
  encrypted: 'encrypted',
  corrupt: 'corrupt_file',
  needs_ocr: 'needs_ocr',
  too_large: 'too_large',
  unsupported: 'unsupported_format',
  encoding_guessed: 'encoding_guessed',
  partial_read: 'reader_problem',
};

/** Problems that mean nothing useful could be read. */
const FATAL = new Set(['encrypted', 'corrupt', 'needs_ocr', 'too_large', 'unsupported']);

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Extract one document. `file` is the name the record carries (relative to the input folder);
 * `knownSha256` is the content hash when the caller has already computed it.
 */
export async function extractBytes(bytes: Uint8Array, file: string, settings: Settings = DEFAULT_SETTINGS, knownSha256?: string): Promise<XxgkRecord> {
  const started = performance.now();
  const base = { file, sha256: knownSha256 ?? sha256(bytes), bytes: bytes.length };
  const sniffed = sniffFormat(bytes, file);
  const issues: Issue[] = [];
  if (sniffed.format === 'empty') {
    return emptyRecord({ ...base, format: 'empty', status: 'failed', issues: [issue('empty_file', 'error', 'the file has no bytes')], ms: performance.now() - started });
  }
  if (sniffed.byExtension && sniffed.byExtension !== sniffed.format) {
    issues.push(issue('extension_mismatch', 'warning', `the name says ${sniffed.byExtension} but the content is ${sniffed.format}`));
  }
  const reader = READERS[sniffed.format];
  if (!reader) {
    issues.push(issue('unsupported_format', 'error', `${sniffed.format} files are not read by this version of xxgk`));
    return emptyRecord({ ...base, format: sniffed.format, status: 'failed', issues, ms: performance.now() - started });
  }
  let doc: SourceDoc;
  try {
    doc = await reader(bytes, settings.limits);
  } catch (err) {
    issues.push(issue('corrupt_file', 'error', `the ${sniffed.format} reader failed: ${(err as Error)?.message ?? String(err)}`));
    return emptyRecord({ ...base, format: sniffed.format, status: 'failed', issues, ms: performance.now() - started });
  }
  for (const p of doc.problems) {
    const fatal = FATAL.has(p.code);
    issues.push(issue(READER_CODES[p.code] ?? 'reader_problem', fatal ? 'error' : 'warning', p.message, p.place?.page ? `page ${p.place.page}` : undefined));
  }
  if (doc.problems.some((p) => FATAL.has(p.code)) && doc.blocks.length === 0) {
    return emptyRecord({ ...base, format: doc.format, status: 'failed', issues, ms: performance.now() - started });
  }
  const record = buildRecord(doc, { ...base, format: doc.format, issues });
  record.ms = performance.now() - started;
  return record;
}
