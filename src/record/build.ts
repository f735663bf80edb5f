import type { SourceDoc } from '../../extractors/model.ts';
import type { Issue } from '../issues.ts';
import { TOOL_VERSION } from '../version.ts';
import type { Status, XxgkRecord } from './schema.ts';

export interface RecordBase {
  file: string;
  sha256: string | null;
  bytes: number | null;
  format: string;
  issues: Issue[];
}

/** A record with no values: for files that could not be read at all. */
export function emptyRecord(base: RecordBase & { status: Status; ms?: number | null }): XxgkRecord {
  return {
    schema: 'xxgk.record/1',
    file: base.file,
    sha256: base.sha256,
    bytes: base.bytes,
    format: base.format,
    status: base.status,
    issues: base.issues,
    report: { template: null, year: null, agency: null, title: null, tables: { active: null, applications: null, reviewLitigation: null } },
    active: {},
    applications: {},
    reviewLitigation: {},
    cells: {},
    checks: [],
    narrative: { overview: null, problems: null, otherMatters: null },
    tool: { name: 'xxgk', version: TOOL_VERSION },
    ms: base.ms ?? null,
  };
}

/** Placeholder until the recogniser lands. */
export function buildRecord(doc: SourceDoc, base: RecordBase): XxgkRecord {
  return emptyRecord({ ...base, status: 'not_report' });
}
