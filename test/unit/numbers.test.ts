import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/text/numbers.ts';

describe('parseCell: what a printed cell means', () => {
  it.each([
    ['0', 0], ['12', 12], [' 3 ', 3], ['１２３', 123], ['1,234', 1234], ['1，234', 1234], ['-8', -8], ['－8', -8],
    ['0.092', 0.092], ['4件', 4], ['83条', 83], ['(5)', 5], ['1 234', 1234],
  ])('%j is the number %d', (raw, value) => {
    expect(parseCell(raw)).toMatchObject({ kind: 'number', value });
  });

  it.each(['/', '-', '—', '－', '–', '无', '空', '&nbsp;', '——'])('%j is a placeholder, null and not 0', (raw) => {
    expect(parseCell(raw)).toEqual({ kind: 'placeholder', value: null });
  });

  it('keeps an empty cell blank, distinct from 0 and from a placeholder', () => {
    expect(parseCell('')).toEqual({ kind: 'blank', value: null });
    expect(parseCell('\u3000 \n')).toEqual({ kind: 'blank', value: null });
  });

  it('converts units printed in a 万元 cell', () => {
    expect(parseCell('251000元', '万元')).toEqual({ kind: 'number', value: 25.1, unitFactor: 0.0001 });
    expect(parseCell('160.5964万元', '万元')).toEqual({ kind: 'number', value: 160.5964 });
    expect(parseCell('1.2亿元', '万元')).toEqual({ kind: 'number', value: 12000, unitFactor: 10000 });
  });

  it('refuses text that is not a number rather than reading digits out of it', () => {
    expect(parseCell('见附件').kind).toBe('unparsed');
    expect(parseCell('201711日').kind).toBe('unparsed');
    expect(parseCell('3-4').kind).toBe('unparsed');
    expect(parseCell('1,23').kind).toBe('unparsed');
  });
});

describe('money units declared by a header', () => {
  it('reads the unit a header declares', async () => {
    const { declaredMoneyUnit } = await import('../../src/text/numbers.ts');
    expect(declaredMoneyUnit('采购总金额(元)')).toBe('元');
    expect(declaredMoneyUnit('本年收费金额(单位:万元)')).toBe('万元');
    expect(declaredMoneyUnit('采购总金额')).toBeNull();
  });
  it('converts a bare number under a 元 header to 万元, and leaves 万元 headers alone', () => {
    expect(parseCell('251000', '万元', '元')).toEqual({ kind: 'number', value: 25.1, unitFactor: 0.0001 });
    expect(parseCell('25.1', '万元', '万元')).toEqual({ kind: 'number', value: 25.1 });
    expect(parseCell('3', null, '元')).toEqual({ kind: 'number', value: 3 });
  });
});
