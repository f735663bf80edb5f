/**
 * Painted paths → ruling segments: axis-parallel stroked lines, thin filled rectangles (how Word,
 * WPS and Chromium draw borders) and the edges of larger filled rectangles (cell shading).
 */
import type { PaintedPath } from './operators.ts';

export interface Segment {
  /** true: horizontal (y0 === y1), false: vertical (x0 === x1) */
  horizontal: boolean;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A filled rectangle thinner than this is a rule, not a shaded area. */
export const THIN_RULE = 3;
/** Pieces shorter than this are glyph-like marks, not rules. */
export const MIN_RULE_LENGTH = 2;
/** Points that differ by less than this along the other axis are axis-parallel. */
const AXIS_TOLERANCE = 0.8;

export function segmentsFromPaths(paths: PaintedPath[], pageWidth: number, pageHeight: number): Segment[] {
  const out: Segment[] = [];
  const line = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) <= AXIS_TOLERANCE && Math.abs(ax - bx) >= MIN_RULE_LENGTH) {
      const y = (ay + by) / 2;
      out.push({ horizontal: true, x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: y, y1: y });
    } else if (Math.abs(ax - bx) <= AXIS_TOLERANCE && Math.abs(ay - by) >= MIN_RULE_LENGTH) {
      const x = (ax + bx) / 2;
      out.push({ horizontal: false, x0: x, x1: x, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  };
  for (const path of paths) {
    for (const sub of path.subpaths) {
      const pts = sub.points;
      const rect = path.filled ? rectOf(pts) : undefined;
      if (rect) {
        const w = rect.x1 - rect.x0, h = rect.y1 - rect.y0;
        if (w >= 0.9 * pageWidth && h >= 0.9 * pageHeight) continue; // page background
        if (h <= THIN_RULE && w > h) {
          line(rect.x0, (rect.y0 + rect.y1) / 2, rect.x1, (rect.y0 + rect.y1) / 2);
          continue;
        }
        if (w <= THIN_RULE && h > w) {
          line((rect.x0 + rect.x1) / 2, rect.y0, (rect.x0 + rect.x1) / 2, rect.y1);
          continue;
        }
        if (w <= THIN_RULE && h <= THIN_RULE) continue; // a dot
        line(rect.x0, rect.y0, rect.x1, rect.y0);
        line(rect.x0, rect.y1, rect.x1, rect.y1);
        line(rect.x0, rect.y0, rect.x0, rect.y1);
        line(rect.x1, rect.y0, rect.x1, rect.y1);
        continue;
      }
      if (!path.stroked) continue;
      for (let i = 1; i < pts.length; i++) line(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]);
      if (sub.closed && pts.length > 2) line(pts[pts.length - 1][0], pts[pts.length - 1][1], pts[0][0], pts[0][1]);
    }
  }
  return out;
}

/** The axis-aligned rectangle a closed 4-corner path draws, if it is one. */
function rectOf(pts: [number, number][]): { x0: number; y0: number; x1: number; y1: number } | undefined {
  let p = pts;
  if (p.length === 5 && Math.abs(p[0][0] - p[4][0]) < 0.01 && Math.abs(p[0][1] - p[4][1]) < 0.01) p = p.slice(0, 4);
  if (p.length !== 4) return undefined;
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = p[i];
    const [bx, by] = p[(i + 1) % 4];
    if (Math.abs(ax - bx) > AXIS_TOLERANCE && Math.abs(ay - by) > AXIS_TOLERANCE) return undefined;
  }
  const xs = p.map((q) => q[0]), ys = p.map((q) => q[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
