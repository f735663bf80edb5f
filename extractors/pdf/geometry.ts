/**
 * Plane geometry for the PDF reader: affine matrices, boxes, and the page frame that every
 * coordinate is converted into (points, origin top-left of the page as viewed, y downwards).
 */

/** [a, b, c, d, e, f] as in PDF: x' = a x + c y + e, y' = b x + d y + f */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 applied first, then m2 (PDF order: `m1 × m2`). */
export function multiply(m1: ArrayLike<number>, m2: ArrayLike<number>): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

export function applyPoint(m: ArrayLike<number>, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Axis-aligned box in the page frame: x0 < x1, y0 < y1 (y grows downwards). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function boxOfPoints(points: [number, number][]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x0, y0, x1, y1 };
}

export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export function bboxOf(b: Box): [number, number, number, number] {
  return [round2(b.x0), round2(b.y0), round2(b.x1), round2(b.y1)];
}

/**
 * The page frame: user space → viewed page (the viewport handles /Rotate), then a quarter turn
 * chosen from the dominant text direction, so that content drawn under a rotation matrix reads
 * left to right. `width`/`height` are the size of the frame after both.
 */
export interface PageFrame {
  toFrame: Matrix;
  width: number;
  height: number;
}

/** A quarter-turn matrix that maps direction `quarter` (0: →, 1: ↓, 2: ←, 3: ↑ in y-down space) onto →. */
export function unturn(quarter: number, width: number, height: number): { m: Matrix; width: number; height: number } {
  switch (((quarter % 4) + 4) % 4) {
    case 1: // (x, y) → (y, W - x)
      return { m: [0, -1, 1, 0, 0, width], width: height, height: width };
    case 2: // (x, y) → (W - x, H - y)
      return { m: [-1, 0, 0, -1, width, height], width, height };
    case 3: // (x, y) → (H - y, x)
      return { m: [0, 1, -1, 0, height, 0], width: height, height: width };
    default:
      return { m: [...IDENTITY] as Matrix, width, height };
  }
}

/** Quarter of a direction vector in y-down space: 0 →, 1 ↓, 2 ←, 3 ↑; -1 when not axis-parallel. */
export function quarterOf(dx: number, dy: number): number {
  const len = Math.hypot(dx, dy);
  if (len === 0) return -1;
  const ux = dx / len, uy = dy / len;
  if (ux > 0.98) return 0;
  if (uy > 0.98) return 1;
  if (ux < -0.98) return 2;
  if (uy < -0.98) return 3;
  return -1;
}
