import { describe, expect, it } from 'vitest';
import { matchColumnLabel, matchRowLabel } from '../../src/layout/match.ts';
import { TEMPLATES } from '../../src/layout/spec.ts';
import { normaliseLabel } from '../../src/text/normalise.ts';

const t21 = TEMPLATES.versions['2021'].tables.find((t) => t.id === 'applications')!;
const t19 = TEMPLATES.versions['2019'].tables.find((t) => t.id === 'applications')!;
const rows = [...new Map([...t21.rows, ...t19.rows].map((r) => [r.id, r])).values()];
const row = (label: string, group: string | null = null) => matchRowLabel(normaliseLabel(label), rows, group)?.spec.id ?? null;

describe('row labels as real reports print them', () => {
  it.each([
    ['一、本年新收政府信息公开申请数量', 'newReceived'],
    ['二、上年结转政府信息公开申请数量', 'carriedOver'],
    ['（一）予以公开', 'granted'],
    ['(一) 予以公开', 'granted'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partialGrant'],
    ['1.属于国家秘密', 'denied.stateSecret'],
    ['2.其他法律行政法规禁止公开', 'denied.lawForbidden'],
    ['2.其他法律行政止公开', 'denied.lawForbidden'],
    ['3.危及"三安全一稳定"', 'denied.securityStability'],
    ['4.保護第三方合法權益', 'denied.thirdPartyRights'],
    ['1.本机关不\n掌握相关政\n府信息', 'unableToProvide.notHeld'],
    ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other.noCorrection'],
    ['1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请', 'other.noCorrection'],
    ['（七）总计', 'totalProcessed'],
    ['四、结转下年度继续办理', 'carriedForward'],
    ['（三）不予公开', 'denied'],
    ['（六）其他处理', 'other'],
  ])('%j → %s', (label, id) => {
    expect(row(label)).toBe(id);
  });

  it('reads "3.其他" as the third (六) row only inside (六)其他处理', () => {
    expect(row('3.其他', 'other')).toBe('other.otherReasons');
    expect(row('3.其他', 'denied')).toBeNull();
  });

  it('falls back to the numbering inside a known group when the label is unreadable', () => {
    expect(row('6.?#@', 'denied')).toBe('denied.processInfo');
  });

  it('does not take a narrative sentence for a row', () => {
    expect(row('本年度共收到政府信息公开申请4件，均已按时答复')).toBeNull();
  });
});

describe('column labels', () => {
  const cols = t21.columns;
  it.each([
    ['自然人', 'naturalPerson'], ['商业企业', 'commercial'], ['商业\n企业', 'commercial'], ['科研企业', 'research'],
    ['社会公益组织', 'nonprofit'], ['法律服务机构', 'legalService'], ['其他', 'otherOrg'], ['总计', 'total'], ['合计', 'total'],
  ])('%j → %s', (label, id) => {
    expect(matchColumnLabel(normaliseLabel(label), cols)?.id).toBe(id);
  });
  it('reads a qualified 表二 header', () => {
    const art1 = TEMPLATES.versions['2021'].tables.find((t) => t.id === 'activeDisclosure.art20_1')!;
    expect(matchColumnLabel(normaliseLabel('现行有效件数(历史累计)'), art1.columns)?.id).toBe('valid');
  });
});

describe('radical code points from PDF producers', () => {
  it('reads CJK radicals as the ideographs they stand for', async () => {
    const { repairRadicals } = await import('../../src/text/normalise.ts');
    // Chromium writes U+2ED8 for 青, U+2EA0 for 民 and Kangxi U+2F00 for 一
    expect(repairRadicals('\u2ed8石县白塔镇人\u2ea0政府')).toBe('青石县白塔镇人民政府');
    expect(normaliseLabel('\u2f00、本年新收政府信息公开申请数量')).toBe(normaliseLabel('一、本年新收政府信息公开申请数量'));
    expect(repairRadicals('（一）予以公开，共3件')).toBe('（一）予以公开，共3件');
  });
});
