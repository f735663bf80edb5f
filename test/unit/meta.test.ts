import { describe, expect, it } from 'vitest';
import { readMeta } from '../../src/text/meta.ts';
import { doc, para } from '../helpers/doc.ts';

describe('report metadata from the text', () => {
  it('reads agency and year from a one-line title', () => {
    const m = readMeta(doc(para('淮安市人民政府2024年政府信息公开工作年度报告'), para('一、总体情况')));
    expect(m).toMatchObject({ year: 2024, agency: '淮安市人民政府' });
  });
  it('reads a title set over two lines', () => {
    const m = readMeta(doc(para('淮安市洪泽区人民政府'), para('2024年政府信息公开工作年度报告')));
    expect(m).toMatchObject({ year: 2024, agency: '淮安市洪泽区人民政府' });
  });
  it('reads an agency printed between the year and the report name', () => {
    expect(readMeta(doc(para('2022年度某某镇政府信息公开工作年度报告'))).agency).toBe('某某镇');
  });
  it('takes the agency from the first sentence when the title has none', () => {
    const m = readMeta(doc(para('2024年政府信息公开工作年度报告'), para('1、 总体情况'), para('大渡口区跳磴镇人民政府根据《政府信息公开条例》和市、区政府信息公开工作会议精神，结合镇工作实际开展工作。')));
    expect(m).toMatchObject({ year: 2024, agency: '大渡口区跳磴镇人民政府' });
  });
  it('does not take "年我局" or page furniture for an agency', () => {
    const m = readMeta(doc(para('【字体：大 中 小】 打印'), para('一、总体情况'), para('2019年我局政府信息公开工作运行良好，政府信息公开咨询、申请以及答复工作均得到了顺利开展。')));
    expect(m.agency).toBeNull();
    expect(m.year).toBe(2019);
  });
  it('prefers the year the report speaks of over a publication date', () => {
    const m = readMeta(doc(para('一、总体情况'), para('本报告统计期限为2023年1月1日至2023年12月31日。发布日期：2024年1月20日。2023年，我镇主动公开信息52条。')));
    expect(m.year).toBe(2023);
  });
  it('reads the agency from a crawled page metadata table as a last resort', async () => {
    const { grid } = await import('../helpers/doc.ts');
    const m = readMeta(doc(grid([['名称', '年度报告'], ['发布机构', '某某县统计局']]), para('一、总体情况'), para('本年度工作平稳有序。')));
    expect(m.agency).toBe('某某县统计局');
  });
  it('takes the report title over a sidebar listing other years, guided by the page <title>', () => {
    const d = doc(para('首页'), para('2022年政府信息公开工作年度报告'), para('2021年政府信息公开工作年度报告'), para('某某县应急管理局2023年政府信息公开工作年度报告'), para('一、总体情况'));
    d.title = '某某县应急管理局2023年政府信息公开工作年度报告_某某县人民政府';
    expect(readMeta(d)).toMatchObject({ year: 2023, agency: '某某县应急管理局' });
  });
  it('does not take a navigation item on the line above for the agency', () => {
    expect(readMeta(doc(para('首页'), para('2024年政府信息公开工作年度报告'), para('一、总体情况'))).agency).toBeNull();
  });
  it('splits the narrative sections', () => {
    const m = readMeta(doc(para('一、总体情况'), para('全年主动公开信息83条。'), para('二、主动公开政府信息情况'), para('五、存在的主要问题及改进情况'), para('人员不足。'), para('六、其他需要报告的事项'), para('无。')));
    expect(m.narrative).toEqual({ overview: '全年主动公开信息83条。', problems: '人员不足。', otherMatters: '无。' });
  });
  it('says a notice does not call itself a report', () => {
    expect(readMeta(doc(para('关于做好2024年政府信息公开工作年度报告编制发布工作的通知'), para('各单位：请于1月31日前报送。'))).callsItselfReport).toBe(false);
  });
});
