/**
 * Matching printed labels to the rows and columns of the layouts. One normaliser (src/text),
 * fragments from templates.json, then a fuzzy fallback for misspelt or truncated labels.
 */
import { dropQualifiers, similarity, splitNumbering, normaliseLabel } from '../text/normalise.ts';
import type { SpecColumn, SpecRow } from './spec.ts';

/** Label variants seen in published reports beyond the layouts' own fragments (DEVIATIONS.md). */
const EXTRA_ROW_FRAGMENTS: Record<string, string[]> = {
  'denied.lawForbidden': ['法律行政法规', '行政法规禁止'],
  'notProcessed.complaint': ['信访', '举报投诉'],
  'other.noCorrection': ['不补正'],
  totalProcessed: ['合计'],
};
const EXTRA_COLUMN_FRAGMENTS: Record<string, string[]> = {
  naturalPerson: ['自然'],
  commercial: ['商业'],
  research: ['科研'],
  nonprofit: ['公益'],
  legalService: ['法律服务'],
  previousYearItems: ['上一年'],
  newlyMade: ['新制作'],
  newlyPublished: ['新公开'],
  totalPublished: ['公开总数'],
  made: ['制发件数', '制发'],
  repealed: ['废止'],
  valid: ['现行有效'],
  decisions: ['处理决定'],
  projects: ['采购项目'],
  totalAmount: ['采购总金额', '总金额'],
  amount: ['收费金额'],
};

/** Labels whose fragment is so short that it must be the whole label (after numbering). */
const WHOLE_LABEL_ONLY = new Set(['其他', '总计', '合计']);

export interface RowMatch {
  spec: SpecRow;
  via: 'fragment' | 'fuzzy' | 'numbering';
  score: number;
}

export function labelCore(norm: string): string {
  let core = splitNumbering(norm).core;
  // a child label may follow its group's numbering in the same cell: "(三)不予公开1.属于国家秘密"
  core = dropQualifiers(core);
  return core;
}

const rowFragments = new WeakMap<SpecRow, string[]>();
function fragmentsOf(spec: SpecRow): string[] {
  let f = rowFragments.get(spec);
  if (!f) rowFragments.set(spec, (f = [...spec.match, ...(EXTRA_ROW_FRAGMENTS[spec.id] ?? [])].map(normaliseLabel)));
  return f;
}

const columnFragments = new WeakMap<SpecColumn, string[]>();
function columnFragmentsOf(col: SpecColumn): string[] {
  let f = columnFragments.get(col);
  if (!f) columnFragments.set(col, (f = [...(col.match ?? [col.label]), ...(EXTRA_COLUMN_FRAGMENTS[col.id] ?? [])].map(normaliseLabel)));
  return f;
}

const specCores = new WeakMap<SpecRow, string>();
function specCore(spec: SpecRow): string {
  let c = specCores.get(spec);
  if (c === undefined) specCores.set(spec, (c = labelCore(normaliseLabel(spec.label))));
  return c;
}

/** Depth of a row in its table's hierarchy: children outrank their groups. */
function depth(spec: SpecRow, all: SpecRow[]): number {
  let d = 0;
  let p = spec.parent;
  while (p) {
    d++;
    p = all.find((s) => s.id === p)?.parent ?? null;
  }
  return d;
}

/** A match only through a label that must be whole ("其他", "总计"): it says little about a cut label. */
export function matchedByWholeLabelOnly(m: RowMatch): boolean {
  return m.via === 'fragment' && fragmentsOf(m.spec).every((f) => WHOLE_LABEL_ONLY.has(f));
}

/**
 * Match a row label to one of `candidates`. `group` is the group the row sits in, when known
 * (for "3.其他" and for labels too damaged to read, which fall back to their numbering).
 */
export function matchRowLabel(norm: string, candidates: SpecRow[], group: string | null): RowMatch | null {
  if (!norm) return null;
  const core = labelCore(norm);
  const whole = dropQualifiers(norm);
  const hits: { spec: SpecRow; len: number }[] = [];
  for (const spec of candidates) {
    for (const frag of fragmentsOf(spec)) {
      if (WHOLE_LABEL_ONLY.has(frag)) {
        if (core === frag && (frag !== '其他' || spec.parent === group || group === null)) hits.push({ spec, len: frag.length });
      } else if (whole.includes(frag)) {
        hits.push({ spec, len: frag.length });
      }
    }
  }
  if (hits.length) {
    hits.sort((a, b) => depth(b.spec, candidates) - depth(a.spec, candidates) || b.len - a.len);
    return { spec: hits[0].spec, via: 'fragment', score: 1 };
  }
  // fuzzy: a misspelt or truncated label still shares most of its characters with the layout's
  const scored = candidates
    .filter((spec) => !spec.match.every((f) => WHOLE_LABEL_ONLY.has(f)))
    .map((spec) => ({ spec, score: similarity(core, specCore(spec)) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score >= 0.6 && core.length >= 2 && (!second || best.score - second.score >= 0.15)) {
    return { spec: best.spec, via: 'fuzzy', score: best.score };
  }
  // numbering inside a known group: "2.…" under (三)不予公开 is the group's second child
  const n = splitNumbering(norm);
  const namesAnotherRow = candidates.some((spec) => specCore(spec) === core);
  if (group && n.numbering && /^\d/.test(n.numbering) && !namesAnotherRow) {
    const idx = Number(/\d+/.exec(n.numbering)?.[0]) - 1;
    const children = candidates.filter((s) => s.parent === group);
    if (children[idx]) return { spec: children[idx], via: 'numbering', score: 0.5 };
  }
  return null;
}

/** Match a header label to a column: fragment containment, longest first. */
export function matchColumnLabel(norm: string, columns: SpecColumn[]): SpecColumn | null {
  const whole = dropQualifiers(norm) || norm;
  let best: { col: SpecColumn; len: number } | null = null;
  for (const col of columns) {
    for (const frag of columnFragmentsOf(col)) {
      const ok = WHOLE_LABEL_ONLY.has(frag) ? whole === frag : whole.includes(frag);
      if (ok && (!best || frag.length > best.len)) best = { col, len: frag.length };
    }
  }
  return best?.col ?? null;
}
