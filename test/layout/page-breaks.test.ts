/**
 * Tables as office suites typeset them onto pages: a tall row broken by the page break (label
 * halves on two pages), and a header typeset with other column widths than the body. Grids are
 * built the way the PDF reader gives them: one per page, every slot with its page and box.
 */
import { describe, expect, it } from 'vitest';
import type { Grid, SourceDoc } from '../../extractors/model.ts';
import { build, doc, grid, para, values, type C } from '../helpers/doc.ts';

const read = (d: SourceDoc) => {
  const rec = build(d);
  return { v: values(rec), issues: rec.issues.map((i) => i.code) };
};

/** A grid on `page`, each slot 60 points wide in its column and 20 high in its row. */
function onPage(rows: C[][], page: number, label: string): Grid {
  const g = grid(rows, label);
  g.pages = [page];
  g.rows.forEach((row, r) => row.forEach((slot, c) => { slot.place = { page, bbox: [40 + 60 * c, 100 + 20 * r, 100 + 60 * c, 120 + 20 * r] }; }));
  return g;
}

const HEADER: C[][] = [
  [{ t: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rs: 3, cs: 3 }, { t: '申请人情况', cs: 7 }],
  [{ t: '自然人', rs: 2 }, { t: '法人或其他组织', cs: 5 }, { t: '总计', rs: 2 }],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];
const s = (xs: number[]) => xs.map(String);
const blank7 = Array<string>(7).fill('');

describe('a row broken by a page break', () => {
  it('joins a label cut after its numbering ("7." | "属于行政执法案卷") and one cut inside a word ("（七）总" | "计")', () => {
    const { v, issues } = read(doc(
      para('三、收到和处理政府信息公开申请情况'),
      onPage([
        ...HEADER,
        ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', ...s([1, 0, 0, 0, 0, 0, 1])],
        ['', '', '7.', ...s([4, 2, 0, 0, 0, 1, 7])],
      ], 2, 'page 2 table 1'),
      para('- 2 -'),
      onPage([
        ['', '', '属于行政执法案卷', ...blank7],
        ['', '', '8.属于行政查询事项', ...s([0, 1, 0, 0, 0, 0, 1])],
        ['', { t: '（七）总', cs: 2 }, ...s([9, 3, 0, 0, 0, 1, 13])],
      ], 3, 'page 3 table 1'),
      onPage([
        ['', { t: '计', cs: 2 }, ...blank7],
        [{ t: '四、结转下年度继续办理', cs: 3 }, ...s([0, 0, 0, 0, 0, 0, 0])],
      ], 4, 'page 4 table 1'),
    ));
    expect(v['applications.denied.enforcementFile.naturalPerson']).toBe(4);
    expect(v['applications.denied.enforcementFile.total']).toBe(7);
    expect(v['applications.denied.adminQuery.commercial']).toBe(1);
    expect(v['applications.totalProcessed.naturalPerson']).toBe(9);
    expect(v['applications.totalProcessed.total']).toBe(13);
    expect(issues).not.toContain('value_count_mismatch');
  });

  it('joins the tail that follows a header repeated at the top of the next page', () => {
    const { v } = read(doc(
      para('三、收到和处理政府信息公开申请情况'),
      onPage([...HEADER, ['三、本年度办理结果', { t: '（四）', rs: 1 }, '1.本机', ...s([2, 0, 1, 0, 0, 0, 3])]], 2, 'page 2 table 1'),
      onPage([...HEADER, ['', '无法提供', '关不掌握相关政府信息', ...blank7], ['', '', '2.没有现成信息需要另行制作', ...s([0, 0, 0, 0, 0, 1, 1])]], 3, 'page 3 table 1'),
    ));
    expect(v['applications.unableToProvide.notHeld.naturalPerson']).toBe(2);
    expect(v['applications.unableToProvide.notHeld.total']).toBe(3);
    expect(v['applications.unableToProvide.needsCreation.otherOrg']).toBe(1);
  });

  it('joins a head that reads as a bare "其他" ("2.其他" | "法律行政法规禁止公开")', () => {
    const { v } = read(doc(
      para('三、收到和处理政府信息公开申请情况'),
      onPage([...HEADER, ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', ...s([0, 0, 0, 0, 0, 0, 0])], ['', '', '2.其他', ...s([1, 0, 0, 0, 0, 2, 3])]], 2, 'page 2 table 1'),
      onPage([['', '', '法律行政法规禁止公开', ...blank7], ['', '', '3.危及“三安全一稳定”', ...s([0, 1, 0, 0, 0, 0, 1])]], 3, 'page 3 table 1'),
    ));
    expect(v['applications.denied.lawForbidden.naturalPerson']).toBe(1);
    expect(v['applications.denied.lawForbidden.total']).toBe(3);
    expect(v['applications.denied.securityStability.commercial']).toBe(1);
  });

  it('keeps two whole rows apart: the second opens with its own numbering', () => {
    const { v } = read(doc(
      para('三、收到和处理政府信息公开申请情况'),
      onPage([...HEADER, ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', ...s([3, 1, 0, 0, 0, 0, 4])]], 2, 'page 2 table 1'),
      onPage([['', '', '2.其他法律行政法规禁止公开', ...blank7]], 3, 'page 3 table 1'),
    ));
    expect(v['applications.denied.stateSecret.naturalPerson']).toBe(3);
    expect(v['applications.denied.lawForbidden.naturalPerson']).toBeNull();
  });

  it('keeps two whole rows apart when neither is numbered (表二): the first already names its row', () => {
    const active = (rows: C[][], page: number) => onPage(rows, page, `page ${page} table 1`);
    const { v } = read(doc(
      para('二、主动公开政府信息情况'),
      active([
        [{ t: '第二十条第（六）项', cs: 2 }],
        ['信息内容', '本年处理决定数量'],
        ['行政处罚', '176'],
      ], 1),
      active([['行政强制', '']], 2),
    ));
    expect(v['active.punishment.decisions']).toBe(176);
    expect(v['active.coercion.decisions']).toBeNull();
  });
});

describe('a header typeset with other column widths than the body', () => {
  // the header's columns sit one slot left of the body's values, and the body has an empty column
  // after 总计: header slots name label cells, so the values are placed by order
  const header: C[][] = [
    [{ t: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rs: 3 }, { t: '申请人情况', cs: 10 }],
    [{ t: '自然人', rs: 2 }, { t: '法人或其他组织', cs: 5 }, { t: '总计', rs: 2 }, { t: '', rs: 2, cs: 3 }],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  ];

  it('never reads a label cell as a value, and places the values by order', () => {
    const { v, issues } = read(doc(
      para('三、收到和处理政府信息公开申请情况'),
      onPage([
        ...header,
        [{ t: '一、本年新收政府信息公开申请数量', cs: 3 }, ...s([30, 10, 4, 4, 2, 1, 51]), ''],
        ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', ...s([5, 0, 0, 0, 0, 0, 5]), ''],
      ], 2, 'page 2 table 1'),
    ));
    expect(v['applications.newReceived.naturalPerson']).toBe(30);
    expect(v['applications.newReceived.total']).toBe(51);
    expect(v['applications.denied.stateSecret.naturalPerson']).toBe(5);
    expect(v['applications.denied.stateSecret.research']).toBe(0);
    expect(issues).not.toContain('value_unparsed');
    expect(issues).not.toContain('value_count_mismatch');
  });

  it('never shifts values onto blank label cells: a table clipped at the page edge leaves the row unread', () => {
    // label cells split 1+1+1, and the page cut off the last two value columns (其他, 总计)
    const clipped: C[][] = [
      [{ t: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rs: 3, cs: 3 }, { t: '申请人情况', cs: 5 }],
      [{ t: '自然人', rs: 2 }, { t: '法人或其他组织', cs: 4 }],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构'],
    ];
    const { v, issues } = read(doc(
      para('三、收到和处理政府信息公开申请情况'),
      onPage([...clipped, ['一、本年新收政府信息公开申请数量', '', '', ...s([50, 6, 3, 1, 2])]], 1, 'page 1 table 2'),
    ));
    for (const col of ['naturalPerson', 'commercial', 'research', 'nonprofit', 'legalService', 'otherOrg', 'total']) {
      expect(v[`applications.newReceived.${col}`]).toBeNull();
    }
    expect(issues).toContain('value_count_mismatch');
  });
});

