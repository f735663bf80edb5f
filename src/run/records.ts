/**
 * Records the runner makes itself: for files no reader saw (unreadable, too large, stopped by the
 * pool) and for byte-identical duplicates.
 */
import { sniffFormat } from '../../extractors/sniff.ts';
import { issue, type IssueCode } from '../issues.ts';
import { emptyRecord } from '../record/build.ts';
import type { XxgkRecord } from '../record/schema.ts';

/** The format the first bytes show, for records of files that never reached a reader. */
export function formatOfHead(head: Uint8Array | null, file: string): string {
  if (!head) return 'unknown';
  try {
    return sniffFormat(head, file).format;
  } catch {
    return 'unknown';
  }
}

export function failureRecord(file: string, code: IssueCode, message: string, known: { sha256?: string | null; bytes?: number | null; format?: string }): XxgkRecord {
  return emptyRecord({
    file,
    sha256: known.sha256 ?? null,
    bytes: known.bytes ?? null,
    format: known.format ?? 'unknown',
    status: 'failed',
    issues: [issue(code, 'error', message)],
  });
}

/**
 * The record of a later byte-identical copy: the first file's record (values, provenance, status)
 * under this file's name, with a `duplicate` issue naming the first file.
 */
export function duplicateRecord(first: XxgkRecord, file: string): XxgkRecord {
  return {
    ...first,
    file,
    issues: [...first.issues.filter((i) => i.code !== 'duplicate'), issue('duplicate', 'warning', `byte-identical to ${first.file}`)],
    ms: 0,
  };
}

/** A record reused by --resume under the name the file has in this run. */
export function reusedRecord(prior: XxgkRecord, file: string): XxgkRecord {
  return { ...prior, file, issues: prior.issues.filter((i) => i.code !== 'duplicate') };
}
