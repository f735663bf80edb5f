/**
 * From a read document to a record: recognise the tables, lay the values out under the
 * canonical keys of the versions found, check the identities, decide the status.
 */
import type { SourceDoc } from '../../extractors/model.ts';
import { issue, type Issue } from '../issues.ts';
import { recognise, type TableId } from '../layout/recognise.ts';
import { canonicalKeys } from '../layout/spec.ts';
import { readMeta } from '../text/meta.ts';
import { TOOL_VERSION } from '../version.ts';
import { checkIdentities } from './checks.ts';
import type { Status, ValueTree, XxgkRecord } from './schema.ts';

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

/** Put a value under a dotted key in a nested object. */
function setPath(tree: ValueTree, path: string[], value: number | null): void {
  let node = tree;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (next === undefined || next === null || typeof next === 'number') node[part] = {};
    node = node[part] as ValueTree;
  }
  node[path[path.length - 1]] = value;
}

const TABLES: TableId[] = ['active', 'applications', 'reviewLitigation'];

/** The canonical keys of one table in one version, with their paths below the table: computed once. */
const keyCache = new Map<string, { key: string; path: string[] }[]>();
function tableKeys(version: string, table: TableId): { key: string; path: string[] }[] {
  let keys = keyCache.get(`${version}/${table}`);
  if (!keys) {
    keys = canonicalKeys(version).filter((k) => k.startsWith(`${table}.`)).map((key) => ({ key, path: key.split('.').slice(1) }));
    keyCache.set(`${version}/${table}`, keys);
  }
  return keys;
}

const TABLE_NAMES: Record<TableId, string> = { active: '表二 主动公开', applications: '表三 申请', reviewLitigation: '表四 复议诉讼' };

export function buildRecord(doc: SourceDoc, base: RecordBase): XxgkRecord {
  const record = emptyRecord({ ...base, status: 'ok' });
  const issues = record.issues;
  const found = recognise(doc);
  const meta = readMeta(doc);
  record.narrative = meta.narrative;
  record.report.title = meta.title;
  record.report.year = meta.year;
  record.report.agency = meta.agency;
  issues.push(...found.issues);

  const versions = found.versions;
  const anyTable = TABLES.some((t) => versions[t] !== null);
  if (!anyTable) {
    if (meta.callsItselfReport && (meta.year === null || meta.year < 2019)) {
      record.report.template = 'pre2019';
      record.status = 'partial';
      issues.push(issue('pre2019_layout', 'info', 'a report without the tables of the 2019/2021 layouts (statistics in prose)'));
    } else if (meta.callsItselfReport) {
      record.status = 'partial';
      issues.push(issue('table_missing', 'error', 'the text names itself a disclosure report but none of 表二/表三/表四 was found (tables may be images)'));
    } else {
      record.status = 'not_report';
      issues.push(issue('not_report', 'info', 'no report tables and no report title'));
    }
    return record;
  }

  // the main version: 表二's where there is one, else 表三's (spec README)
  const main = versions.active ?? versions.applications ?? versions.reviewLitigation!;
  record.report.template = main;
  record.report.tables = { ...versions };
  const distinct = new Set(TABLES.map((t) => versions[t]).filter(Boolean));
  if (distinct.size > 1) issues.push(issue('mixed_layout', 'info', `tables follow different layouts: ${TABLES.map((t) => `${t} ${versions[t] ?? '-'}`).join(', ')}`));

  const lookup = new Map<string, number | null>();
  let printed = 0;
  let blank = 0;
  for (const t of TABLES) {
    const v = versions[t] ?? main;
    if (!versions[t]) issues.push(issue('table_missing', 'error', `${TABLE_NAMES[t]} was not found`, t));
    const tree: ValueTree = {};
    for (const { key, path } of tableKeys(v, t)) {
      const cell = versions[t] ? found.values.get(key) : undefined;
      const value = cell?.value ?? null;
      setPath(tree, path, value);
      lookup.set(key, cell ? value : null);
      if (cell) {
        record.cells[key] = cell.prov;
        if (cell.prov.kind === 'number') printed++;
        else blank++;
      }
    }
    record[t] = tree;
  }

  const subtotals = new Map([...found.groupSubtotals].map(([k, c]) => [k, c.value]));
  record.checks = checkIdentities(versions, (k) => lookup.get(k), subtotals);
  for (const c of record.checks.filter((c) => c.status === 'failed' && c.severity !== 'info')) {
    issues.push(issue('identity_failed', c.severity, `${c.id} does not hold: ${c.detail}`, c.scope));
  }

  if (meta.year === null) issues.push(issue('year_missing', 'warning', 'the year reported on was not found'));
  if (meta.agency === null) issues.push(issue('agency_missing', 'warning', 'the publishing agency was not found'));

  if (printed === 0) {
    if (meta.year === null && meta.agency === null) {
      record.status = 'not_report';
      issues.push(issue('blank_template', 'info', 'the official template: every value cell is empty and no agency or year is named'));
      return record;
    }
    issues.push(issue('all_values_blank', 'warning', `every one of the ${blank} value cells found is blank`));
  }
  const incomplete = issues.some((i) =>
    i.severity === 'error' && ['table_missing', 'value_count_mismatch'].includes(i.code)) ||
    issues.some((i) => ['row_missing', 'value_unparsed', 'row_unmatched'].includes(i.code)) || printed === 0;
  record.status = incomplete ? 'partial' : 'ok';
  return record;
}
