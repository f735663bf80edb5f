/**
 * The cheap test that decides whether a page's drawing is parsed (ruling lines, unruled tables).
 * A page it misses loses its table, so it must see tables however their text is ordered.
 */
import { describe, expect, it } from 'vitest';
import { looksTabular, readSignals } from '../../extractors/pdf/signals.ts';
import type { TextItemLike } from '../../extractors/pdf/runs.ts';

const item = (str: string, x: number, y: number, size = 10): TextItemLike => ({
  str, transform: [size, 0, 0, size, x, y], width: str.length * size * (/^[\x20-\x7e]+$/.test(str) ? 0.55 : 1), height: size, fontName: 'f1',
});

describe('looksTabular', () => {
  it('sees a table written cell by cell: each row\'s number comes after every line of its wrapped label', () => {
    // a label column three characters wide, wrapped over four lines, and only the last column filled
    const items: TextItemLike[] = [];
    for (let row = 0; row < 6; row++) {
      const top = 740 - row * 60;
      for (let line = 0; line < 4; line++) items.push(item('\u5c5e\u4e8e\u56fd', 170, top - line * 14));
      items.push(item(String(row), 496, top + 2));
    }
    const s = readSignals(items, {});
    expect(s.columnGaps).toBe(6);
    expect(looksTabular(s)).toBe(true);
  });

  it('does not see one in prose, however long its lines', () => {
    const items = Array.from({ length: 30 }, (_, i) => item('\u672c\u62a5\u544a\u6839\u636e\u6761\u4f8b\u89c4\u5b9a\u7f16\u5236\u3002 2022', 60, 780 - i * 20));
    const s = readSignals(items, {});
    expect(s.columnGaps).toBe(0);
    expect(looksTabular(s)).toBe(false);
  });

  it('counts gaps between neighbours on a line, not between items far apart in the stream', () => {
    const items = [item('\u89c4\u7ae0', 60, 700), item('12', 200, 700), item('5', 300, 700.5), item('1', 400, 699.6)];
    expect(readSignals(items, {}).columnGaps).toBe(3);
    // the same items in reverse stream order
    expect(readSignals([...items].reverse(), {}).columnGaps).toBe(3);
  });

  it('sees narrow value columns in a large font: single digits a little over an em apart', () => {
    const items: TextItemLike[] = [];
    for (let row = 0; row < 3; row++) {
      items.push(item('\u5c5e\u4e8e\u4e09', 130, 790 - row * 60, 14));
      for (let k = 0; k < 7; k++) items.push(item(String(k % 3), 199 + k * 23.5, 776 - row * 60, 14));
    }
    const s = readSignals(items, {});
    expect(s.columnGaps).toBeLessThan(3);
    expect(looksTabular(s)).toBe(true);
  });

  it('does not take dates in prose, set in a Latin font between ideographs, for numbers side by side', () => {
    const items: TextItemLike[] = [];
    for (let line = 0; line < 10; line++) {
      const y = 780 - line * 20;
      // "2023年1月1日至2023年12月31日" as a browser prints it: digits and ideographs in separate items
      let x = 60;
      for (const piece of ['2023', '\u5e74', '1', '\u6708', '1', '\u65e5\u81f3', '2023', '\u5e74', '12', '\u6708', '31', '\u65e5']) {
        const it = item(piece, x, y);
        items.push(it);
        x += it.width + 1;
      }
    }
    const s = readSignals(items, {});
    expect(s.numberGaps).toBe(0);
    expect(looksTabular(s)).toBe(false);
  });
});

