import { z } from 'zod';
import { ISSUE_CODES } from '../issues.ts';

/** Layout versions of the State Council format, plus the free-form reports from before 2019. */
export const LayoutVersion = z.enum(['2019', '2021', 'pre2019']);
export type LayoutVersion = z.infer<typeof LayoutVersion>;

export const Status = z.enum(['ok', 'partial', 'not_report', 'failed']);
export type Status = z.infer<typeof Status>;

export const IssueSchema = z.object({
  code: z.enum(Object.keys(ISSUE_CODES) as [keyof typeof ISSUE_CODES, ...(keyof typeof ISSUE_CODES)[]]),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  where: z.string().optional(),
});

/** Where a value was printed. */
export const Provenance = z.object({
  /** the cell text as printed (after decoding), before any parsing */
  raw: z.string(),
  /** how the text was read: a number, a placeholder for "none" (/, —, 无 …), an empty cell, or text that is not a number */
  kind: z.enum(['number', 'placeholder', 'blank', 'unparsed']),
  /** the reader's name for the grid, e.g. "table 3" or "page 4 table 1" */
  grid: z.string(),
  /** row and column of the slot in that grid, 0-based */
  row: z.number().int(),
  col: z.number().int(),
  /** the row and column labels as printed */
  rowLabel: z.string(),
  colLabel: z.string(),
  page: z.number().int().optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  /** factor applied to a printed unit (e.g. 0.0001 for 元 in a 万元 column) */
  unitFactor: z.number().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const Check = z.object({
  /** identity id from templates.json, e.g. "T3.balance" */
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  /** which instance: a column id for per-column identities, a row id for per-row ones */
  scope: z.string(),
  status: z.enum(['passed', 'failed', 'unverifiable']),
  /** the formula with the printed values filled in, e.g. "3 + 0 == 3 + 0" */
  detail: z.string(),
});
export type Check = z.infer<typeof Check>;

/** Nested numbers: keys joined with "." are the canonical keys of keys.json. */
export type ValueTree = { [k: string]: number | null | ValueTree };
const ValueTree: z.ZodType<ValueTree> = z.lazy(() => z.record(z.string(), z.union([z.number(), z.null(), ValueTree])));

export const Narrative = z.object({
  overview: z.string().nullable(),
  problems: z.string().nullable(),
  otherMatters: z.string().nullable(),
});

export const RecordSchema = z.object({
  schema: z.literal('xxgk.record/1'),
  file: z.string(),
  sha256: z.string().nullable(),
  bytes: z.number().int().nullable(),
  format: z.string(),
  status: Status,
  issues: z.array(IssueSchema),
  report: z.object({
    template: LayoutVersion.nullable(),
    year: z.number().int().nullable(),
    agency: z.string().nullable(),
    title: z.string().nullable(),
    /** the version each table follows, decided table by table */
    tables: z.object({
      active: LayoutVersion.nullable(),
      applications: LayoutVersion.nullable(),
      reviewLitigation: LayoutVersion.nullable(),
    }),
  }),
  active: ValueTree,
  applications: ValueTree,
  reviewLitigation: ValueTree,
  /** provenance per canonical key that was found in the document */
  cells: z.record(z.string(), Provenance),
  checks: z.array(Check),
  narrative: Narrative,
  tool: z.object({ name: z.literal('xxgk'), version: z.string() }),
  /** wall time spent on this file, milliseconds */
  ms: z.number().nullable(),
});
export type XxgkRecord = z.infer<typeof RecordSchema>;
