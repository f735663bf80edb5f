import { describe, expect, it } from 'vitest';
import type { SourceDoc } from '../../extractors/model.ts';
import { APPLICANT_COLUMNS, REVIEW_HEADER, active2021, applications2019, applications2021, build, doc, grid, numbers, para, raggedGrid, values } from '../helpers/doc.ts';


/** Consistent 表三 values: every row total is the sum of its applicant columns. */
function consistentApplications(seed: number, rowIds: string[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  rowIds.forEach((id, i) => {
    const six = numbers(seed + i, 6, 9);
    out[id] = [...six, six.reduce((a, b) => a + b, 0)];
  });
  return out;
}

const ROWS_2021 = ['newReceived', 'carriedOver', 'granted', 'partialGrant', 'denied.stateSecret', 'denied.lawForbidden', 'denied.securityStability', 'denied.thirdPartyRights', 'denied.internalAffairs', 'denied.processInfo', 'denied.enforcementFile', 'denied.adminQuery', 'unableToProvide.notHeld', 'unableToProvide.needsCreation', 'unableToProvide.stillUnclear', 'notProcessed.complaint', 'notProcessed.repeated', 'notProcessed.publication', 'notProcessed.excessive', 'notProcessed.confirmReissue', 'other.noCorrection', 'other.unpaidFee', 'other.otherReasons', 'totalProcessed', 'carriedForward'];

function report2021(app: Record<string, (number | null)[]>, active: (number | null | string)[], review: string[]): SourceDoc {
  return doc(
    para('某某市某某区人民政府办公室'),
    para('2023年政府信息公开工作年度报告'),
    para('一、总体情况'),
    para('2023年，区政府办公室认真贯彻落实《条例》。'),
    para('二、主动公开政府信息情况'),
    grid(active2021(active), 'table 1'),
    para('三、收到和处理政府信息公开申请情况'),
    grid(applications2021(app), 'table 2'),
    para('四、政府信息公开行政复议、行政诉讼情况'),
    grid([...REVIEW_HEADER, review], 'table 3'),
    para('五、存在的主要问题及改进情况'),
    para('一是公开内容不够全面。'),
    para('六、其他需要报告的事项'),
    para('本年度未收取信息处理费。'),
  );
}

describe('recognising an official 2021 report', () => {
  const app = consistentApplications(7, ROWS_2021);
  const active = [0, 0, 0, 3, 1, 12, 45, 7, 2, '0.092'];
  const review = numbers(3, 15, 5).map(String);
  const rec = build(report2021(app, active, review));
  const v = values(rec);

  it('reads every 表三 cell under its row and column', () => {
    for (const row of ROWS_2021) APPLICANT_COLUMNS.forEach((col, i) => expect(v[`applications.${row}.${col}`], `${row}.${col}`).toBe(app[row][i]));
  });
  it('reads 表二 including a decimal 万元 amount and a value cell spanning three columns', () => {
    expect(v['active.normativeDocuments.valid']).toBe(12);
    expect(v['active.licensing.decisions']).toBe(45);
    expect(v['active.coercion.decisions']).toBe(2);
    expect(v['active.fees.amount']).toBe(0.092);
  });
  it('reads the unlabelled 表四 row in order', () => {
    expect(v['reviewLitigation.review.maintained']).toBe(Number(review[0]));
    expect(v['reviewLitigation.litigationDirect.total']).toBe(Number(review[9]));
    expect(v['reviewLitigation.litigationAfterReview.total']).toBe(Number(review[14]));
  });
  it('names the layout, year and agency and keeps the narrative', () => {
    expect(rec.report.template).toBe('2021');
    expect(rec.report.tables).toEqual({ active: '2021', applications: '2021', reviewLitigation: '2021' });
    expect(rec.report.year).toBe(2023);
    expect(rec.report.agency).toBe('某某市某某区人民政府办公室');
    expect(rec.narrative.problems).toContain('公开内容不够全面');
    expect(rec.narrative.otherMatters).toContain('信息处理费');
  });
  it('keeps where each value was printed', () => {
    const p = rec.cells['applications.denied.lawForbidden.total'];
    expect(p.grid).toBe('table 2');
    expect(p.rowLabel).toBe('2.其他法律行政法规禁止公开');
    expect(p.colLabel).toBe('总计');
    expect(p.raw).toBe(String(app['denied.lawForbidden'][6]));
  });
  it('passes the row-total identity on every row, as the values were built to', () => {
    const rowTotals = rec.checks.filter((c) => c.id === 'T3.rowTotal');
    expect(rowTotals).toHaveLength(25);
    expect(rowTotals.every((c) => c.status === 'passed')).toBe(true);
  });
});

describe('layout version decided table by table', () => {
  it('reads a 2019 表三 under a 2021 表二 with 2019 keys and says so', () => {
    const rows2019 = ROWS_2021.filter((r) => !r.startsWith('other.')).concat('other');
    const app = consistentApplications(11, rows2019);
    const d = report2021({}, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], numbers(1, 15).map(String));
    d.blocks[7] = grid(applications2019(app), 'table 2');
    const rec = build(d);
    const v = values(rec);
    expect(rec.report.template).toBe('2021');
    expect(rec.report.tables.applications).toBe('2019');
    expect(v['applications.other.total']).toBe(app.other[6]);
    expect(v['applications.other.noCorrection.total']).toBeUndefined();
    expect(rec.issues.map((i) => i.code)).toContain('mixed_layout');
  });
});

describe('blank cells and the blank template', () => {
  it('keeps blank as null and printed 0 as 0', () => {
    const app = consistentApplications(5, ROWS_2021);
    app.granted = [0, null as unknown as number, null as unknown as number, 0, 0, 0, 0];
    const rec = build(report2021(app, [0, '/', '—', 0, 0, 0, 0, 0, 0, '无'], Array(15).fill('0')));
    const v = values(rec);
    expect(v['applications.granted.naturalPerson']).toBe(0);
    expect(v['applications.granted.commercial']).toBeNull();
    expect(rec.cells['applications.granted.commercial'].kind).toBe('blank');
    expect(v['active.regulations.repealed']).toBeNull();
    expect(rec.cells['active.regulations.repealed'].kind).toBe('placeholder');
    expect(v['active.fees.amount']).toBeNull();
  });
  it('calls a template with every cell empty and no agency or year the blank template, all null', () => {
    const d = doc(para('二、主动公开政府信息情况'), grid(active2021(Array(10).fill(null))), grid(applications2021({})), grid([...REVIEW_HEADER, Array(15).fill('')]));
    const rec = build(d);
    const v = Object.values(values(rec));
    expect(v).toHaveLength(200);
    expect(v.every((x) => x === null)).toBe(true);
    expect(rec.status).toBe('not_report');
    expect(rec.issues.map((i) => i.code)).toContain('blank_template');
    expect(rec.report.template).toBe('2021');
  });
});

describe('real-world departures', () => {
  it('reads misspelt, traditional and qualified labels', () => {
    const app = consistentApplications(9, ROWS_2021);
    const rows = applications2021(app);
    const replace = (from: string, to: string) => {
      for (const r of rows) r.forEach((c, i) => { if (c === from) r[i] = to; });
    };
    replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    replace('4.保护第三方合法权益', '4.保護第三方合法權益');
    replace('商业企业', '商业\n企业');
    const rec = build(doc(para('2022年政府信息公开工作年度报告'), grid(rows)));
    const v = values(rec);
    expect(v['applications.denied.lawForbidden.total']).toBe(app['denied.lawForbidden'][6]);
    expect(v['applications.denied.thirdPartyRights.naturalPerson']).toBe(app['denied.thirdPartyRights'][0]);
  });

  it('lands values under the right header when body colspans differ from the header', () => {
    // header label cell spans 3 columns, body rows split it 1 + 2: counts still fit
    const app = consistentApplications(13, ROWS_2021);
    const rows = applications2021(app).map((r) => r.map((c) => (typeof c !== 'string' && c.cs === 3 && !c.t.startsWith('（本列') ? [{ t: c.t }, { t: '', cs: 2 }] : [c])).flat());
    const rec = build(doc(grid(rows)));
    // the empty spacer after the label is a value cell, so the count no longer fits and header slots decide
    expect(values(rec)['applications.newReceived.total']).toBe(app.newReceived[6]);
  });

  it('reads a 规章 row whose label a mirror dropped, right under the (一) header, and says so', () => {
    const rows = active2021([4, 1, 9, 3, 1, 12, 45, 7, 2, 0]).map((r) => (r[0] === '规章' ? ['', ...r.slice(1)] : r));
    const rec = build(doc(para('二、主动公开政府信息情况'), grid(rows)));
    expect(values(rec)['active.regulations.made']).toBe(4);
    expect(values(rec)['active.regulations.valid']).toBe(9);
    expect(values(rec)['active.normativeDocuments.valid']).toBe(12);
    expect(rec.issues.some((i) => i.where === 'active.regulations' && i.code === 'row_unmatched')).toBe(true);
  });

  it('converts a unit printed in a 万元 cell and says so', () => {
    const rec = build(report2021(consistentApplications(1, ROWS_2021), [0, 0, 0, 0, 0, 0, 0, 0, 0, '251000元'], Array(15).fill('0')));
    expect(values(rec)['active.fees.amount']).toBe(25.1);
    expect(rec.cells['active.fees.amount'].unitFactor).toBe(0.0001);
    expect(rec.issues.map((i) => i.code)).toContain('unit_converted');
  });

  it('flags a sparse text row that lost its empty cells instead of guessing', () => {
    const g = raggedGrid([
      ['申请人情况'],
      ['自然人', '法人或其他组织', '总计'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
      ['一、本年新收政府信息公开申请数量', '3', '3'],
      ['二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    const rec = build(doc(g));
    const v = values(rec);
    expect(v['applications.newReceived.naturalPerson']).toBeNull();
    expect(v['applications.newReceived.total']).toBeNull();
    expect(v['applications.carriedOver.total']).toBe(0);
    expect(rec.issues.some((i) => i.code === 'value_count_mismatch' && i.where === 'applications.newReceived')).toBe(true);
    expect(rec.status).toBe('partial');
  });

  it('reports a failed identity without changing the printed value', () => {
    const app = consistentApplications(2, ROWS_2021);
    app.granted[6] = app.granted[6] + 1;
    const rec = build(report2021(app, Array(10).fill(0), Array(15).fill('0')));
    expect(values(rec)['applications.granted.total']).toBe(app.granted[6]);
    const c = rec.checks.find((k) => k.id === 'T3.rowTotal' && k.scope === 'granted')!;
    expect(c.status).toBe('failed');
    expect(rec.issues.some((i) => i.code === 'identity_failed' && i.where === 'granted')).toBe(true);
  });

  it('does not count a subtotal printed on a group row', () => {
    const app = consistentApplications(4, ROWS_2021);
    const rows = applications2021(app);
    const deniedRow = rows.findIndex((r) => r.some((c) => typeof c !== 'string' && c.t === '（三）不予公开'));
    const sum = ['stateSecret', 'lawForbidden', 'securityStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementFile', 'adminQuery'].map((k) => app[`denied.${k}`][6]).reduce((a, b) => a + b, 0);
    // a report that gives the group its own row with a subtotal
    rows.splice(deniedRow, 0, [{ t: '（三）不予公开小计', cs: 2 }, '', '', '', '', '', '', String(sum)]);
    const rec = build(doc(grid(rows)));
    expect(values(rec)['applications.denied.stateSecret.total']).toBe(app['denied.stateSecret'][6]);
    expect(Object.keys(values(rec)).some((k) => k === 'applications.denied.total')).toBe(false);
    expect(rec.checks.find((c) => c.id === 'T3.groupSubtotalIfPresent' && c.scope === 'denied.total')?.status).toBe('passed');
  });
});

describe('表四 as pages print it', () => {
  const header = REVIEW_HEADER.map((r, i) => (i === 0 ? [{ t: '', rs: 3 }, ...r] : r));
  const vals = numbers(21, 15, 9).map(String);
  it('reads the row under a header with an empty corner cell', () => {
    const rec = build(doc(grid([...header, ['', ...vals]])));
    expect(values(rec)['reviewLitigation.review.maintained']).toBe(Number(vals[0]));
    expect(values(rec)['reviewLitigation.litigationAfterReview.total']).toBe(Number(vals[14]));
  });
  it('reads a labelled row (案件数量)', () => {
    const rec = build(doc(grid([...header, ['案件数量', ...vals]])));
    expect(values(rec)['reviewLitigation.litigationDirect.maintained']).toBe(Number(vals[5]));
  });
  it('places values by the leaf headers when the body has an extra empty column in the middle', () => {
    const row = ['', ...vals.slice(0, 5), '', ...vals.slice(5)];
    const h = header.map((r, i) => (i === 1 ? [...r.slice(0, 5), { t: '', rs: 2 }, ...r.slice(5)] : r));
    const rec = build(doc(grid([...h, row])));
    expect(values(rec)['reviewLitigation.review.total']).toBe(Number(vals[4]));
    expect(values(rec)['reviewLitigation.litigationDirect.maintained']).toBe(Number(vals[5]));
    expect(values(rec)['reviewLitigation.litigationAfterReview.total']).toBe(Number(vals[14]));
  });
});

describe('documents that are not reports', () => {
  it('says not_report for a notice', () => {
    const rec = build(doc(para('关于开展2024年度安全生产检查的通知'), para('各单位：现将有关事项通知如下。')));
    expect(rec.status).toBe('not_report');
    expect(rec.report.template).toBeNull();
  });
  it('recognises a pre-2019 report with statistics in prose', () => {
    const rec = build(doc(para('某某县文化局2013年政府信息公开工作年度报告'), para('2013年，我局共主动公开政府信息120条，收到依申请公开3件。')));
    expect(rec.report.template).toBe('pre2019');
    expect(rec.report.year).toBe(2013);
    expect(rec.issues.map((i) => i.code)).toContain('pre2019_layout');
    expect(Object.keys(values(rec))).toHaveLength(0);
  });
});
