/**
 * Text outside tables → paragraphs in reading order: lines that continue one another (same
 * size, close below, the first one running to the right margin) are one paragraph.
 */
import type { Paragraph } from '../model.ts';
import { bboxOf, type Box } from './geometry.ts';
import { groupLines, linesText, type Line } from './lines.ts';
import type { Run } from './runs.ts';

export function paragraphsFromRuns(runs: Run[], page: number): (Paragraph & { top: number })[] {
  const lines = groupLines(runs);
  if (!lines.length) return [];
  const right = Math.max(...lines.map((l) => l.x1));
  const out: (Paragraph & { top: number })[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (!current.length) return;
    const box: Box = {
      x0: Math.min(...current.map((l) => l.x0)), y0: current[0].y0,
      x1: Math.max(...current.map((l) => l.x1)), y1: current[current.length - 1].y1,
    };
    const text = linesText(current).trim();
    if (text) out.push({ kind: 'paragraph', text, place: { page, bbox: bboxOf(box) }, top: box.y0 });
    current = [];
  };
  for (const line of lines) {
    const prev = current[current.length - 1];
    const continues =
      prev &&
      Math.abs(prev.size - line.size) < 0.5 &&
      line.y0 - prev.y1 < 0.9 * line.size &&
      prev.x1 >= right - 2 * prev.size &&
      prev.runs.every((r) => r.upright) && line.runs.every((r) => r.upright);
    if (!continues) flush();
    current.push(line);
  }
  flush();
  return out;
}
