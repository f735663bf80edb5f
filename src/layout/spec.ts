/**
 * The layouts as data: templates.json and keys.json from the project's spec (国办公开办函〔2019〕60号
 * and 〔2021〕30号), loaded once and validated. Adding a layout version is adding data there.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Column = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string().nullable().optional(),
  type: z.string().optional(),
  match: z.array(z.string()).optional(),
  group: z.string().nullable().optional(),
});
const Row = z.object({
  id: z.string(),
  label: z.string(),
  parent: z.string().nullable(),
  numbering: z.string().nullable(),
  dataRow: z.boolean(),
  match: z.array(z.string()),
});
const Identity = z.object({
  id: z.string(),
  scope: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  formula: z.string(),
  crossYear: z.boolean().optional(),
  note: z.string().optional(),
});
const Table = z.object({
  id: z.string(),
  caption: z.string().optional(),
  title: z.string().optional(),
  columns: z.array(Column),
  rows: z.array(Row),
  identities: z.array(Identity),
  dataRowOrder: z.array(z.string()).optional(),
});
const Version = z.object({ id: z.string(), name: z.string(), tables: z.array(Table), versionSignals: z.array(z.string()) });
const Templates = z.object({ conventions: z.object({ nullTokens: z.array(z.string()) }), versions: z.record(z.string(), Version) });
const Keys = z.record(z.string(), z.array(z.object({ key: z.string(), label: z.string() })));

export type SpecColumn = z.infer<typeof Column>;
export type SpecRow = z.infer<typeof Row>;
export type SpecTable = z.infer<typeof Table>;
export type SpecIdentity = z.infer<typeof Identity>;
export type SpecVersion = z.infer<typeof Version>;

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));

export const TEMPLATES = Templates.parse(load('templates.json'));
export const KEYS = Keys.parse(load('keys.json'));

/** The numbered layout versions, oldest first. */
export const VERSIONS = Object.keys(TEMPLATES.versions).sort() as ('2019' | '2021')[];

/** Canonical keys (e.g. "applications.granted.total") of one version, in layout order. */
export function canonicalKeys(version: string): string[] {
  return (KEYS[version] ?? []).map((k) => k.key);
}

/** Every canonical key of every version, without repeats, in layout order: the columns of the wide CSV. */
export function allCanonicalKeys(): readonly string[] {
  return ALL_KEYS;
}
const ALL_KEYS: readonly string[] = Object.freeze([...new Set(VERSIONS.flatMap((v) => canonicalKeys(v)))]);
