/**
 * What a golden record pins down: everything a researcher reads from a record except timings.
 * Shared by the golden test and the script that writes goldens on purpose.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { XxgkRecord } from '../../src/record/schema.ts';

export function digest(r: XxgkRecord) {
  const checks: Record<string, number> = {};
  for (const c of r.checks) checks[c.status] = (checks[c.status] ?? 0) + 1;
  return {
    file: r.file,
    format: r.format,
    status: r.status,
    report: r.report,
    issues: [...new Set(r.issues.map((i) => `${i.code}${i.where ? ` @ ${i.where}` : ''}`))].sort(),
    checks,
    failedChecks: r.checks.filter((c) => c.status === 'failed').map((c) => `${c.id} @ ${c.scope}`),
    active: r.active,
    applications: r.applications,
    reviewLitigation: r.reviewLitigation,
    narrative: Object.fromEntries(Object.entries(r.narrative).map(([k, v]) => [k, v === null ? null : v.slice(0, 60)])),
  };
}

/** Every input under samples/ that the goldens cover: reports and the pages that are not. */
const GOLDEN_EXTENSIONS = /\.(txt|html?|docx|pdf)$/i;

/** The sample inputs below `samplesDir`: absolute path and name relative to it (forward slashes). */
export function sampleFiles(samplesDir: string): { path: string; name: string }[] {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(samplesDir)
    .filter((p) => GOLDEN_EXTENSIONS.test(p))
    .map((path) => ({ path, name: relative(samplesDir, path).replace(/\\/g, '/') }));
}
