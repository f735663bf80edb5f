/**
 * The identities (勾稽关系) of templates.json, evaluated on the printed values. They are
 * reported — passed, failed or unverifiable — and never used to change a value.
 *
 * The formula language is the spec's: identifiers are the rows or columns of the scope,
 * `sum(prefix.*)` adds every data row under a group, `==` / `<=` compare. Cross-year identities
 * need the previous year's report and are left to a cross-report view.
 */
import { TEMPLATES, type SpecIdentity, type SpecTable } from '../layout/spec.ts';
import type { Check } from './schema.ts';

type Lookup = (key: string) => number | null | undefined;

const tablePrefix = (t: SpecTable) => (t.id.startsWith('activeDisclosure.') ? 'active' : t.id);

interface Term {
  sign: 1 | -1;
  ids: string[];
  text: string;
}

const sideCache = new Map<string, Term[] | null>();

/** Parse one side of a formula for a scope's identifiers; formulas and scopes repeat, so once each. */
function parseSide(side: string, rowIds: string[], known: Set<string>): Term[] | null {
  const cacheKey = `${side}\u0000${rowIds.join(',')}`;
  if (sideCache.has(cacheKey)) return sideCache.get(cacheKey)!;
  const terms = parseSideUncached(side, rowIds, known);
  sideCache.set(cacheKey, terms);
  return terms;
}

function parseSideUncached(side: string, rowIds: string[], known: Set<string>): Term[] | null {
  const terms: Term[] = [];
  if (/[^\w.*()+\-\s]/.test(side)) return null;
  for (const m of side.matchAll(/([+-])?\s*(sum\(([\w.]+)\.\*\)|[\w.]+)/g)) {
    const sign = m[1] === '-' ? -1 : 1;
    if (m[3]) terms.push({ sign, ids: rowIds.filter((id) => id.startsWith(`${m[3]}.`)), text: m[2] });
    else if (known.has(m[2])) terms.push({ sign, ids: [m[2]], text: m[2] });
    else return null; // an identifier this scope does not have (e.g. unitLevel): not checkable here
  }
  return terms;
}

function evalSide(terms: Term[], value: (id: string) => number | null | undefined): { sum: number | null; shown: string } {
  let sum = 0;
  let missing = false;
  const shown: string[] = [];
  for (const t of terms) {
    let part = 0;
    for (const id of t.ids) {
      const v = value(id);
      if (v === null || v === undefined) missing = true;
      else part += v;
    }
    shown.push(`${t.sign < 0 ? '- ' : shown.length ? '+ ' : ''}${t.ids.length === 1 ? (value(t.ids[0]) ?? 'null') : `${t.text}=${part}`}`);
    sum += t.sign * part;
  }
  return { sum: missing ? null : sum, shown: shown.join(' ') };
}

function compare(op: string, a: number, b: number): boolean {
  const eps = 1e-6;
  return op === '==' ? Math.abs(a - b) < eps : op === '<=' ? a <= b + eps : a >= b - eps;
}

function checkFormula(identity: SpecIdentity, scopeName: string, value: (id: string) => number | null | undefined, rowIds: string[]): Check | null {
  const m = /^(.+?)\s*(==|<=|>=)\s*(.+)$/.exec(identity.formula);
  if (!m) return null;
  const known = new Set(rowIds);
  const left = parseSide(m[1], rowIds, known);
  const right = parseSide(m[3], rowIds, known);
  if (!left || !right) return null;
  const lhs = evalSide(left, value);
  const rhs = evalSide(right, value);
  const detail = `${lhs.shown} ${m[2]} ${rhs.shown}`;
  const status = lhs.sum === null || rhs.sum === null ? 'unverifiable' : compare(m[2], lhs.sum, rhs.sum) ? 'passed' : 'failed';
  return { id: identity.id, severity: identity.severity, scope: scopeName, status, detail };
}

/**
 * Evaluate every identity of the tables found. `versions` gives the layout each table follows;
 * `groupSubtotals` holds numbers printed on 表三 group rows ("denied.total" → value).
 */
export function checkIdentities(
  versions: { active: string | null; applications: string | null; reviewLitigation: string | null },
  lookup: Lookup,
  groupSubtotals: Map<string, number | null>,
): Check[] {
  const checks: Check[] = [];
  const wanted: [string | null, (t: SpecTable) => boolean][] = [
    [versions.active, (t) => t.id.startsWith('activeDisclosure.')],
    [versions.applications, (t) => t.id === 'applications'],
    [versions.reviewLitigation, (t) => t.id === 'reviewLitigation'],
  ];
  for (const [version, pick] of wanted) {
    if (!version || !TEMPLATES.versions[version]) continue;
    for (const t of TEMPLATES.versions[version].tables.filter(pick)) {
      const prefix = tablePrefix(t);
      const dataRows = t.rows.filter((r) => r.dataRow).map((r) => r.id);
      const columns = t.columns.map((c) => c.id);
      for (const identity of t.identities) {
        if (identity.crossYear) continue;
        if (identity.scope === 'eachCell') {
          checks.push(...checkCells(identity, prefix, t, dataRows, columns, lookup));
        } else if (identity.scope === 'eachDataRow') {
          for (const row of dataRows) {
            const value = (col: string) => lookup(`${prefix}.${row}.${col}`);
            if (identity.id === 'T3.rowTotal' && columns.filter((c) => c !== 'total').every((c) => value(c) === null || value(c) === undefined) && value('total') != null) {
              checks.push({ id: identity.id, severity: identity.severity, scope: row, status: 'unverifiable', detail: 'totals only: every applicant column blank' });
              continue;
            }
            const c = checkFormula(identity, row, value, columns);
            if (c) checks.push(c);
          }
        } else if (identity.scope === 'eachColumn') {
          for (const col of columns) {
            if (identity.id.endsWith('groupSubtotalIfPresent')) {
              checks.push(...checkGroupSubtotals(identity, col, t, lookup, groupSubtotals));
              continue;
            }
            const c = checkFormula(identity, col, (row) => lookup(`${prefix}.${row}.${col}`), dataRows);
            if (c) checks.push(c);
          }
        } else if (identity.scope.startsWith('row:')) {
          const row = identity.scope.slice(4);
          const value = (col: string) => lookup(t.rows.length === 1 && t.rows[0].match.length === 0 ? `${prefix}.${col}` : `${prefix}.${row}.${col}`);
          const c = checkFormula(identity, row, value, columns);
          if (c) checks.push(c);
        }
      }
    }
  }
  return checks;
}

function checkCells(identity: SpecIdentity, prefix: string, t: SpecTable, dataRows: string[], columns: string[], lookup: Lookup): Check[] {
  const single = t.rows.length === 1 && t.rows[0].match.length === 0;
  const keys = single ? columns.map((c) => `${prefix}.${c}`) : dataRows.flatMap((r) => columns.map((c) => `${prefix}.${r}.${c}`));
  const integer = identity.formula.includes('isInteger');
  const bad = keys.filter((k) => {
    const v = lookup(k);
    return v !== null && v !== undefined && (v < 0 || (integer && !Number.isInteger(v)));
  });
  const present = keys.filter((k) => lookup(k) !== null && lookup(k) !== undefined);
  return [{
    id: identity.id,
    severity: identity.severity,
    scope: t.id,
    status: bad.length ? 'failed' : present.length ? 'passed' : 'unverifiable',
    detail: bad.length ? `${identity.formula} fails at ${bad.map((k) => `${k}=${lookup(k)}`).join(', ')}` : `${present.length} of ${keys.length} cells present`,
  }];
}

function checkGroupSubtotals(identity: SpecIdentity, col: string, t: SpecTable, lookup: Lookup, groupSubtotals: Map<string, number | null>): Check[] {
  const out: Check[] = [];
  for (const g of t.rows.filter((r) => !r.dataRow && r.parent === 'results')) {
    const printed = groupSubtotals.get(`${g.id}.${col}`);
    if (printed === undefined || printed === null) continue;
    const kids = t.rows.filter((r) => r.parent === g.id).map((r) => lookup(`applications.${r.id}.${col}`));
    const known = kids.every((v) => v !== null && v !== undefined);
    const sum = kids.reduce<number>((s, v) => s + (v ?? 0), 0);
    out.push({
      id: identity.id,
      severity: identity.severity,
      scope: `${g.id}.${col}`,
      status: !known ? 'unverifiable' : Math.abs(sum - printed) < 1e-6 ? 'passed' : 'failed',
      detail: `${g.id} printed ${printed} == sum(${g.id}.*) ${known ? sum : 'with blanks'}`,
    });
  }
  return out;
}
