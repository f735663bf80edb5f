/**
 * Build documents in the reader model directly, shaped as the official layouts print them
 * (rowspans, colspans, group labels), so the recogniser can be tested without any reader.
 */
import { expandSpans, type RawCell } from '../../extractors/grid.ts';
import type { Block, Grid, SourceDoc } from '../../extractors/model.ts';
import { buildRecord } from '../../src/record/build.ts';

export type C = string | { t: string; rs?: number; cs?: number };
const raw = (c: C): RawCell => (typeof c === 'string' ? { text: c } : { text: c.t, rowSpan: c.rs, colSpan: c.cs });

export function grid(rows: C[][], label = 'table'): Grid {
  return expandSpans(rows.map((r) => r.map(raw)), label);
}

/** A ragged grid as a text dump gives it: no spans, each row just the cells it printed. */
export function raggedGrid(rows: string[][], label = 'text table'): Grid {
  return {
    kind: 'grid',
    aligned: false,
    label,
    width: Math.max(...rows.map((r) => r.length)),
    rows: rows.map((r, ri) => r.map((text, c) => ({ text, covered: false, origin: [ri, c] as [number, number], rowSpan: 1, colSpan: 1 }))),
  };
}

export const para = (text: string): Block => ({ kind: 'paragraph', text });
export const doc = (...blocks: Block[]): SourceDoc => ({ format: 'html', blocks, problems: [] });

export const APPLICANT_COLUMNS = ['naturalPerson', 'commercial', 'research', 'nonprofit', 'legalService', 'otherOrg', 'total'] as const;

/** Deterministic values: a small LCG so tests need no randomness. */
export function numbers(seed: number, n: number, max = 50): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % max;
  });
}

const fmt = (v: number | null) => (v === null ? '' : String(v));

/** 表三 rows of the 2021 layout, as [row id, label cells…] with the official spans. */
export function applications2021(values: Record<string, (number | null)[]>): C[][] {
  const v = (id: string) => (values[id] ?? Array(7).fill(null)).map(fmt);
  return [
    [{ t: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rs: 3, cs: 3 }, { t: '申请人情况', cs: 7 }],
    [{ t: '自然人', rs: 2 }, { t: '法人或其他组织', cs: 5 }, { t: '总计', rs: 2 }],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    [{ t: '一、本年新收政府信息公开申请数量', cs: 3 }, ...v('newReceived')],
    [{ t: '二、上年结转政府信息公开申请数量', cs: 3 }, ...v('carriedOver')],
    [{ t: '三、本年度办理结果', rs: 22 }, { t: '（一）予以公开', cs: 2 }, ...v('granted')],
    [{ t: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', cs: 2 }, ...v('partialGrant')],
    [{ t: '（三）不予公开', rs: 8 }, '1.属于国家秘密', ...v('denied.stateSecret')],
    ['2.其他法律行政法规禁止公开', ...v('denied.lawForbidden')],
    ['3.危及“三安全一稳定”', ...v('denied.securityStability')],
    ['4.保护第三方合法权益', ...v('denied.thirdPartyRights')],
    ['5.属于三类内部事务信息', ...v('denied.internalAffairs')],
    ['6.属于四类过程性信息', ...v('denied.processInfo')],
    ['7.属于行政执法案卷', ...v('denied.enforcementFile')],
    ['8.属于行政查询事项', ...v('denied.adminQuery')],
    [{ t: '（四）无法提供', rs: 3 }, '1.本机关不掌握相关政府信息', ...v('unableToProvide.notHeld')],
    ['2.没有现成信息需要另行制作', ...v('unableToProvide.needsCreation')],
    ['3.补正后申请内容仍不明确', ...v('unableToProvide.stillUnclear')],
    [{ t: '（五）不予处理', rs: 5 }, '1.信访举报投诉类申请', ...v('notProcessed.complaint')],
    ['2.重复申请', ...v('notProcessed.repeated')],
    ['3.要求提供公开出版物', ...v('notProcessed.publication')],
    ['4.无正当理由大量反复申请', ...v('notProcessed.excessive')],
    ['5.要求行政机关确认或重新出具已获取信息', ...v('notProcessed.confirmReissue')],
    [{ t: '（六）其他处理', rs: 3 }, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...v('other.noCorrection')],
    ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...v('other.unpaidFee')],
    ['3.其他', ...v('other.otherReasons')],
    [{ t: '（七）总计', cs: 2 }, ...v('totalProcessed')],
    [{ t: '四、结转下年度继续办理', cs: 3 }, ...v('carriedForward')],
  ];
}

/** The same table in the 2019 layout: one (六)其他处理 row with its own numbers. */
export function applications2019(values: Record<string, (number | null)[]>): C[][] {
  const rows = applications2021(values);
  const at = rows.findIndex((r) => r.some((c) => typeof c !== 'string' && c.t === '（六）其他处理'));
  const v = (values.other ?? Array(7).fill(null)).map(fmt);
  rows.splice(at, 3, [{ t: '（六）其他处理', cs: 2 }, ...v]);
  const results = rows.find((r) => r.some((c) => typeof c !== 'string' && c.t === '三、本年度办理结果'))!;
  (results[0] as { t: string; rs: number }).rs = 20;
  return rows;
}

export const REVIEW_HEADER: C[][] = [
  [{ t: '行政复议', cs: 5 }, { t: '行政诉讼', cs: 10 }],
  [{ t: '结果维持', rs: 2 }, { t: '结果纠正', rs: 2 }, { t: '其他结果', rs: 2 }, { t: '尚未审结', rs: 2 }, { t: '总计', rs: 2 }, { t: '未经复议直接起诉', cs: 5 }, { t: '复议后起诉', cs: 5 }],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
];

export function active2021(v: (number | null | string)[]): C[][] {
  const s = v.map((x) => (x === null ? '' : String(x)));
  return [
    [{ t: '第二十条第（一）项', cs: 4 }],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', s[0], s[1], s[2]],
    ['行政规范性文件', s[3], s[4], s[5]],
    [{ t: '第二十条第（五）项', cs: 4 }],
    ['信息内容', { t: '本年处理决定数量', cs: 3 }],
    ['行政许可', { t: s[6], cs: 3 }],
    [{ t: '第二十条第（六）项', cs: 4 }],
    ['信息内容', { t: '本年处理决定数量', cs: 3 }],
    ['行政处罚', { t: s[7], cs: 3 }],
    ['行政强制', { t: s[8], cs: 3 }],
    [{ t: '第二十条第（八）项', cs: 4 }],
    ['信息内容', { t: '本年收费金额（单位：万元）', cs: 3 }],
    ['行政事业性收费', { t: s[9], cs: 3 }],
  ];
}

/** The record of a document built in the reader model (no file behind it). */
export const build = (d: SourceDoc) => buildRecord(d, { file: `x.${d.format}`, sha256: null, bytes: null, format: d.format, issues: [] });

function flat(o: unknown, prefix: string, out: Record<string, unknown>): Record<string, unknown> {
  if (o === null || typeof o !== 'object') out[prefix] = o;
  else for (const [k, v] of Object.entries(o)) flat(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** A record's table values by flat key ("applications.denied.stateSecret.total"). */
export const values = (r: ReturnType<typeof build>) => flat({ active: r.active, applications: r.applications, reviewLitigation: r.reviewLitigation }, '', {});

