/**
 * Recognise 表二/表三/表四 in the row stream by their Chinese labels, decide each table's layout
 * version from what it prints, and read every value cell with its provenance.
 *
 * Values are mapped to columns by order when a row prints exactly as many value cells as the
 * table has columns (robust to colspans that differ between header and body), else by the
 * header's slot positions when the grid is aligned, else the row is flagged and not taken.
 * One reader per table (active.ts, applications.ts, review.ts); this file walks the stream and
 * hands each row to them.
 */
import type { SourceDoc } from '../../extractors/model.ts';
import type { Issue } from '../issues.ts';
import { SECTION } from '../text/meta.ts';
import { ActiveTable } from './active.ts';
import { ApplicationsTable } from './applications.ts';
import { Reading, type FoundCell, type TableId, type Version } from './reading.ts';
import { ReviewTable } from './review.ts';
import { joinRowsSplitByPageBreaks } from './page-breaks.ts';
import { splitRow, streamRows, type GridRow } from './rows.ts';

export type { FoundCell, TableId, Version } from './reading.ts';

export interface Recognised {
  versions: Record<TableId, Version | null>;
  /** canonical key → value with provenance */
  values: Map<string, FoundCell>;
  /** values printed on group rows of 表三 (subtotals some reports add), "denied.total" etc. */
  groupSubtotals: Map<string, FoundCell>;
  issues: Issue[];
}

export function recognise(doc: SourceDoc): Recognised {
  const r = new Reading();
  const active = new ActiveTable(r);
  const applications = new ApplicationsTable(r);
  const review = new ReviewTable(r);

  const onHeading = (norm: string) => {
    const s = SECTION.exec(norm)?.groups;
    if (!s) return;
    r.section = s.active ? 'active' : s.applications ? 'applications' : s.review ? 'reviewLitigation' : null;
  };

  let previous: GridRow | null = null;
  for (const row of joinRowsSplitByPageBreaks(streamRows(doc))) {
    if (row.kind === 'para') {
      onHeading(row.norm);
      continue;
    }
    const filled = row.cells.filter((c) => c.norm);
    if (!filled.length) {
      // an all-blank row: under 表四's header it is the (blank) data row
      review.tryRow(row, row.cells, []);
      continue;
    }
    // a section heading printed inside a table's grid
    if (filled.length === 1) onHeading(filled[0].norm);
    const parts = splitRow(row);
    const handled =
      review.tryHeader(row, row.cells.map((c) => c.norm).join('|')) ||
      active.tryHeader(row, parts) ||
      active.tryUnlabelledRegulations(row, parts, previous) ||
      applications.tryHeader(row, parts) ||
      active.tryRow(row, parts) ||
      (!(r.section === 'reviewLitigation' && review.headerSeen) && applications.tryRow(row, parts));
    if (!handled) review.tryRow(row, parts.values, parts.labels);
    previous = row;
  }

  const activeVersion = active.finish();
  const applicationsVersion = applications.finish(activeVersion);
  const reviewVersion = review.finish(activeVersion ?? applicationsVersion);
  return {
    versions: { active: activeVersion, applications: applicationsVersion, reviewLitigation: reviewVersion },
    values: r.values,
    groupSubtotals: r.groupSubtotals,
    issues: r.issues,
  };
}
