/**
 * One walk over a page's operator list, tracking the graphics state (CTM through save/restore,
 * transform and form XObjects) and the text state. It yields what the rest of the reader needs
 * from drawing: painted paths (for ruling lines) and glyphs of vertical-writing fonts, whose
 * positions pdfjs's getTextContent gets wrong.
 */
import { applyPoint, multiply, type Matrix } from './geometry.ts';

/** Operator ids used here (a subset of pdfjs OPS). */
export interface OpIds {
  save: number; restore: number; transform: number;
  constructPath: number;
  stroke: number; closeStroke: number; fill: number; eoFill: number; fillStroke: number;
  eoFillStroke: number; closeFillStroke: number; closeEOFillStroke: number;
  paintFormXObjectBegin: number; paintFormXObjectEnd: number;
  beginText: number; setFont: number; setTextMatrix: number; moveText: number;
  setLeadingMoveText: number; nextLine: number; setLeading: number; setCharSpacing: number;
  setWordSpacing: number; setHScale: number; setTextRise: number; showText: number;
  setFillRGBColor: number; setStrokeRGBColor: number; setFillTransparent: number; setStrokeTransparent: number;
  showSpacedText: number; nextLineShowText: number; nextLineSetSpacingShowText: number;
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** A painted path in the page frame: subpaths of straight pieces (curves become chords). */
export interface PaintedPath {
  stroked: boolean;
  filled: boolean;
  subpaths: { points: [number, number][]; closed: boolean }[];
}

/** A glyph of a vertical-writing font, as four corners in the page frame. */
export interface PlacedGlyph {
  text: string;
  corners: [number, number][];
  fontSize: number;
}

/** pdfjs DrawOPS inside a v5 constructPath */
const MOVE = 0, LINE = 1, CURVE = 2, QUAD = 3, CLOSE = 4;

interface GlyphLike { unicode?: string; width?: number; vmetric?: number[]; isSpace?: boolean }

/** Paint that does not show on white paper: white (or nearly) and transparent. */
function invisible(color: unknown): boolean {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return false;
  return [1, 3, 5].every((k) => parseInt(color.slice(k, k + 2), 16) >= 0xf0);
}

interface TextState {
  fillHidden: boolean; strokeHidden: boolean;
  font: string; size: number; charSpacing: number; wordSpacing: number; hScale: number; rise: number; leading: number;
}

/**
 * Walk the operator list. `toFrame` maps user space into the page frame; `verticalFonts` names
 * the fonts (pdfjs loaded names) whose glyphs should be placed.
 */
export function walkOperators(
  list: OperatorList,
  ops: OpIds,
  toFrame: Matrix,
  verticalFonts: Set<string>,
): { paths: PaintedPath[]; glyphs: PlacedGlyph[] } {
  const paths: PaintedPath[] = [];
  const glyphs: PlacedGlyph[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let ts: TextState = { fillHidden: false, strokeHidden: false, font: '', size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, rise: 0, leading: 0 };
  const stack: { ctm: Matrix; ts: TextState }[] = [];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  const paintKinds = new Map<number, { stroked: boolean; filled: boolean }>([
    [ops.stroke, { stroked: true, filled: false }],
    [ops.closeStroke, { stroked: true, filled: false }],
    [ops.fill, { stroked: false, filled: true }],
    [ops.eoFill, { stroked: false, filled: true }],
    [ops.fillStroke, { stroked: true, filled: true }],
    [ops.eoFillStroke, { stroked: true, filled: true }],
    [ops.closeFillStroke, { stroked: true, filled: true }],
    [ops.closeEOFillStroke, { stroked: true, filled: true }],
  ]);

  const toFrameCtm = () => multiply(ctm, toFrame);
  const moveText = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = [...tlm] as Matrix;
  };

  const showGlyphs = (items: unknown[]) => {
    const vertical = verticalFonts.has(ts.font);
    if (!vertical) return; // horizontal text comes from getTextContent
    const device = toFrameCtm();
    for (const item of items) {
      if (typeof item === 'number') {
        tm = multiply([1, 0, 0, 1, 0, (-item / 1000) * ts.size], tm);
        continue;
      }
      const g = item as GlyphLike | null;
      if (!g) continue;
      const w1 = g.vmetric ? g.vmetric[0] : -(g.width ?? 1000);
      const text = g.unicode ?? '';
      if (text.trim() && !g.isSpace) {
        const trm = multiply(multiply([ts.size * ts.hScale, 0, 0, ts.size, 0, ts.rise], tm), device);
        const corners: [number, number][] = [
          applyPoint(trm, -0.5, 0), applyPoint(trm, 0.5, 0), applyPoint(trm, 0.5, -1), applyPoint(trm, -0.5, -1),
        ];
        glyphs.push({ text, corners, fontSize: Math.hypot(trm[2], trm[3]) });
      }
      let ty = (w1 / 1000) * ts.size - ts.charSpacing;
      if (text === ' ') ty -= ts.wordSpacing;
      tm = multiply([1, 0, 0, 1, 0, ty], tm);
    }
  };

  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as any;
    switch (fn) {
      case ops.save:
        stack.push({ ctm, ts: { ...ts } });
        break;
      case ops.restore: {
        const top = stack.pop();
        if (top) ({ ctm, ts } = top);
        break;
      }
      case ops.transform:
        ctm = multiply(args as number[], ctm);
        break;
      case ops.paintFormXObjectBegin: {
        stack.push({ ctm, ts: { ...ts } });
        const m = args?.[0];
        if (m && m.length === 6) ctm = multiply(m as number[], ctm);
        break;
      }
      case ops.paintFormXObjectEnd: {
        const top = stack.pop();
        if (top) ({ ctm, ts } = top);
        break;
      }
      case ops.constructPath: {
        const paint = paintKinds.get(args?.[0]);
        if (!paint) break; // endPath (clip or nothing drawn)
        const kind = { stroked: paint.stroked && !ts.strokeHidden, filled: paint.filled && !ts.fillHidden };
        if (!kind.stroked && !kind.filled) break; // white on white
        let data = args?.[1];
        if (Array.isArray(data) && data.length && typeof data[0] !== 'number') data = data[0];
        if (!data || typeof data.length !== 'number') break;
        paths.push({ ...kind, subpaths: pathToSubpaths(data as ArrayLike<number>, toFrameCtm()) });
        break;
      }
      case ops.setFillRGBColor:
        ts.fillHidden = invisible(args?.[0]);
        break;
      case ops.setStrokeRGBColor:
        ts.strokeHidden = invisible(args?.[0]);
        break;
      case ops.setFillTransparent:
        ts.fillHidden = true;
        break;
      case ops.setStrokeTransparent:
        ts.strokeHidden = true;
        break;
      case ops.beginText:
        tm = [1, 0, 0, 1, 0, 0];
        tlm = [1, 0, 0, 1, 0, 0];
        break;
      case ops.setFont:
        ts.font = String(args?.[0] ?? '');
        ts.size = Number(args?.[1] ?? 0);
        break;
      case ops.setTextMatrix: {
        const m = args?.length === 6 ? args : args?.[0];
        if (m && m.length === 6) {
          tlm = [m[0], m[1], m[2], m[3], m[4], m[5]];
          tm = [...tlm] as Matrix;
        }
        break;
      }
      case ops.moveText:
        moveText(Number(args[0]), Number(args[1]));
        break;
      case ops.setLeadingMoveText:
        ts.leading = -Number(args[1]);
        moveText(Number(args[0]), Number(args[1]));
        break;
      case ops.nextLine:
        moveText(0, -ts.leading);
        break;
      case ops.setLeading:
        ts.leading = Number(args[0]);
        break;
      case ops.setCharSpacing:
        ts.charSpacing = Number(args[0]);
        break;
      case ops.setWordSpacing:
        ts.wordSpacing = Number(args[0]);
        break;
      case ops.setHScale:
        ts.hScale = Number(args[0]) / 100;
        break;
      case ops.setTextRise:
        ts.rise = Number(args[0]);
        break;
      case ops.showText:
      case ops.showSpacedText:
        if (verticalFonts.size) showGlyphs((args?.[0] ?? []) as unknown[]);
        break;
      case ops.nextLineShowText:
        moveText(0, -ts.leading);
        if (verticalFonts.size) showGlyphs((args?.[0] ?? []) as unknown[]);
        break;
      case ops.nextLineSetSpacingShowText:
        ts.wordSpacing = Number(args[0]);
        ts.charSpacing = Number(args[1]);
        moveText(0, -ts.leading);
        if (verticalFonts.size) showGlyphs((args?.[2] ?? []) as unknown[]);
        break;
      default:
        break;
    }
  }
  return { paths, glyphs };
}

function pathToSubpaths(data: ArrayLike<number>, m: Matrix): PaintedPath['subpaths'] {
  const out: PaintedPath['subpaths'] = [];
  let cur: { points: [number, number][]; closed: boolean } | undefined;
  const start = (x: number, y: number) => {
    cur = { points: [applyPoint(m, x, y)], closed: false };
    out.push(cur);
  };
  const to = (x: number, y: number) => {
    if (!cur) start(x, y);
    else cur.points.push(applyPoint(m, x, y));
  };
  for (let k = 0; k < data.length; ) {
    switch (data[k]) {
      case MOVE:
        start(data[k + 1], data[k + 2]);
        k += 3;
        break;
      case LINE:
        to(data[k + 1], data[k + 2]);
        k += 3;
        break;
      case CURVE:
        to(data[k + 5], data[k + 6]);
        k += 7;
        break;
      case QUAD:
        to(data[k + 3], data[k + 4]);
        k += 5;
        break;
      case CLOSE:
        if (cur) {
          cur.closed = true;
          const first = cur.points[0];
          cur = { points: [first], closed: false };
          out.push(cur);
        }
        k += 1;
        break;
      default:
        return out; // unknown op: stop rather than misread
    }
  }
  return out.filter((s) => s.points.length > 1);
}
