/**
 * Text items → runs: pieces of text without spaces, each with its box in the page frame and
 * the x boundaries of its characters (estimated: pdfjs gives no glyph positions), so that a run
 * crossing a cell border can be cut there. Text that does not read left to right in the frame
 * (vertical fonts, characters under another rotation) becomes one run per character.
 */
import { boxOfPoints, multiply, quarterOf, type Box, type Matrix } from './geometry.ts';
import { emWidth } from './chars.ts';
import type { PlacedGlyph } from './operators.ts';

export interface Run extends Box {
  text: string;
  /** font height in points */
  size: number;
  /** reads left to right in the frame (false: one character set on its own, e.g. vertical text) */
  upright: boolean;
  /** direction the text runs in the frame: 0 →, 1 ↓, 2 ←, 3 ↑, -1 slanted */
  quarter: number;
  /** x boundaries of the characters, length text.length + 1 (upright runs only) */
  edges?: number[];
}

export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export type FontStyles = Record<string, { vertical?: boolean }>;

/** Direction most of the text runs in after `toViewed`: 0 →, 1 ↓, 2 ←, 3 ↑ (weighted by characters). */
export function dominantQuarter(items: TextItemLike[], styles: FontStyles, toViewed: Matrix): number {
  const votes = [0, 0, 0, 0];
  for (const it of items) {
    if (styles[it.fontName]?.vertical) continue;
    const n = it.str.trim().length;
    if (!n) continue;
    const m = multiply(it.transform, toViewed);
    const q = quarterOf(m[0], m[1]);
    if (q >= 0) votes[q] += n;
  }
  let best = 0;
  for (let q = 1; q < 4; q++) if (votes[q] > votes[best]) best = q;
  return best;
}

/** Runs from getTextContent items; items in `skipFonts` (placed from the operator list instead) are left out. */
export function runsFromItems(items: TextItemLike[], toFrame: Matrix, skipFonts: Set<string>): Run[] {
  const runs: Run[] = [];
  for (const it of items) {
    if (!it.str || !it.str.trim() || skipFonts.has(it.fontName)) continue;
    const m = multiply(it.transform, toFrame);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]) || 1;
    const len = Math.hypot(m[0], m[1]) || 1;
    const ux = m[0] / len, uy = m[1] / len;
    const vx = uy, vy = -ux; // towards the top of the glyphs
    const chars = Array.from(it.str);
    // estimate character advances: known widths for ideographs and Latin, spaces take the rest
    const ems = chars.map(emWidth);
    const spaces = chars.filter((c) => c === ' ').length;
    const inked = ems.reduce((s, e, i) => s + (chars[i] === ' ' ? 0 : e), 0) * size;
    const width = it.width > 0 ? it.width : inked + spaces * 0.3 * size;
    let scale = 1, spaceW = 0.3 * size;
    if (spaces && width > inked) spaceW = (width - inked) / spaces;
    else if (inked > 0) { scale = (width - spaces * spaceW) / inked; if (scale <= 0) { scale = width / (inked + spaces * spaceW); spaceW *= scale; } }
    const ox = m[4], oy = m[5];
    const corner = (along: number, up: number): [number, number] => [ox + ux * along + vx * up, oy + uy * along + vy * up];
    const quarter = quarterOf(ux, uy);
    const upright = quarter === 0;
    let at = 0;
    let piece: { text: string; from: number; edges: number[] } | undefined;
    const flush = () => {
      if (!piece) return;
      const box = boxOfPoints([corner(piece.from, -0.15 * size), corner(at, 0.85 * size)]);
      runs.push({ ...box, text: piece.text, size, upright: true, quarter, edges: piece.edges });
      piece = undefined;
    };
    chars.forEach((ch, i) => {
      const adv = ch === ' ' ? spaceW : ems[i] * size * scale;
      if (ch === ' ' || !ch.trim()) {
        if (upright) flush();
      } else if (upright) {
        piece ??= { text: '', from: at, edges: [ox + at] };
        piece.text += ch;
        piece.edges.push(ox + at + adv);
      } else {
        const box = boxOfPoints([corner(at, -0.15 * size), corner(at + adv, 0.85 * size), corner(at, 0.85 * size), corner(at + adv, -0.15 * size)]);
        runs.push({ ...box, text: ch, size, upright: false, quarter });
      }
      at += adv;
    });
    if (upright) flush();
  }
  return runs;
}

/** Runs (one per character) from glyphs placed by the operator walk. */
export function runsFromGlyphs(glyphs: PlacedGlyph[]): Run[] {
  return glyphs.map((g) => ({ ...boxOfPoints(g.corners), text: g.text, size: g.fontSize, upright: false, quarter: 1 }));
}

/** Cut an upright run at x: the characters whose centre lies left of x, and the rest. */
export function cutRun(run: Run, x: number): [Run | undefined, Run | undefined] {
  if (!run.upright || !run.edges || run.text.length < 2) return run.x0 + run.x1 < 2 * x ? [run, undefined] : [undefined, run];
  const chars = Array.from(run.text);
  let k = 0;
  while (k < chars.length && (run.edges[k] + run.edges[k + 1]) / 2 < x) k++;
  if (k === 0) return [undefined, run];
  if (k === chars.length) return [run, undefined];
  const left: Run = { ...run, text: chars.slice(0, k).join(''), x1: run.edges[k], edges: run.edges.slice(0, k + 1) };
  const right: Run = { ...run, text: chars.slice(k).join(''), x0: run.edges[k], edges: run.edges.slice(k) };
  return [left, right];
}

