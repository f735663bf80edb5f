/**
 * Report metadata read from the text: title, the year reported on, the agency, the narrative
 * sections. Only regular expressions over Chinese live here and in the rest of src/text/.
 */
import type { SourceDoc } from '../../extractors/model.ts';
import { normaliseLabel, repairRadicals } from './normalise.ts';

/** Section headings of the report, on normalised text (no spaces, half-width punctuation). */
export const SECTION =
  /^(?:(?<active>[二2][、.,]?主动公开)|(?<applications>[三3][、.,]?收到[和的及]?处理)|(?<review>[四4][、.,]?.{0,24}行政复议)|(?<end>[五六56][、.,]?(?:存在的?主要问题|其他需要报告)))/;

const TITLE = /(\d{4})\s*年度?(.{0,40}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?报告/;
const NOT_A_TITLE = /通知|编制|发布工作|方案|意见|函|模板|格式/;
const REPORT_WORDS = /(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?报告/;
const AGENCY_SUFFIX =
  '(?:人民政府办公室|人民政府办公厅|人民政府|管理委员会|委员会|办事处|办公室|办公厅|政府|街道|局|厅|署|院|镇|乡|中心|委|办|所|站|队|馆|处|部|会|公司|集团|学校|大学|医院)';
const LEADING_AGENCY = new RegExp(
  `^(?:[一二三四五六七八九十]{1,2}[、.,]|\\d{1,2}[、.,])?(?:本报告[^。]*?)?([\\u3400-\\u9fff()]{2,40}?${AGENCY_SUFFIX})(?=根据|按照|依据|依照|认真|深入|坚持|严格|全面|始终|紧紧|持续|围绕|高度|进一步|切实|扎实|积极|不断|牢固|聚焦|贯彻|对照|结合|着力|全力|立足|秉持|重视|在|以|把|将|对|于|,|,|年|政府信息公开)`,
);
const BAD_AGENCY = /^(?:年|本|我|全|今|为|根据|按照|依据|本报告|本年度|年度|20\d\d|\d)|[【】:：]|字体|打印|浏览|来源/;

/** Headings a report of any era carries (the pre-2019 ones included). */
const REPORT_HEADING = /^(?:[一二三四五六七八九十]{1,2}|\d{1,2})[、.,]?.{0,14}(?:总体情况|概述|主动公开|依申请公开|申请公开|行政复议|收费及减免|存在的主要问题|其他需要报告)/;

export interface ReportMeta {
  title: string | null;
  year: number | null;
  agency: string | null;
  narrative: { overview: string | null; problems: string | null; otherMatters: string | null };
  /** does the text call itself a disclosure report */
  callsItselfReport: boolean;
}

/** Paragraph texts before the first table, plus the document title; where titles live. */
function openingTexts(doc: SourceDoc): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') out.push(b.text);
    if (out.length >= 80) break;
  }
  return out;
}

function cleanAgency(s: string): string | null {
  const a = s.replace(/^[\s:：、,，]+|[\s:：、,，]+$/g, '').replace(/^关于/, '').replace(/关于$/, '');
  if (a.length < 2 || a.length > 40 || BAD_AGENCY.test(a) || !/[\u3400-\u9fff]/.test(a)) return null;
  return a;
}

interface TitleCandidate {
  text: string;
  /** index of its first paragraph; the <title> tag's parts come after every paragraph */
  pos: number;
  /** how many paragraphs it joins */
  span: number;
}

const ENDS_AS_AGENCY = new RegExp(`(?:${AGENCY_SUFFIX.slice(3, -1)}|省|市|县|区|街)$`);
/** Where the report's body starts: its first section heading or its opening "根据《…条例》". */
const BODY_START = /^(?:[一1][、.,]?(?:总体情况|概述)|根据《|本报告|本年度报告)/;

function findTitle(doc: SourceDoc): { title: string | null; year: number | null; agency: string | null } {
  const lines = openingTexts(doc).map(normaliseLabel);
  const candidates: TitleCandidate[] = [];
  // a title may be set over two or three lines: "淮安市人民政府" / "2024年政府信息公开工作年度报告"
  lines.forEach((one, i) => {
    candidates.push({ text: one, pos: i, span: 1 });
    if (i > 0) candidates.push({ text: lines[i - 1] + one, pos: i - 1, span: 2 });
    if (i > 1) candidates.push({ text: lines[i - 2] + lines[i - 1] + one, pos: i - 2, span: 3 });
  });
  for (const part of normaliseLabel(doc.title ?? '').split(/[_|]|-(?=[^-]*$)/)) if (part) candidates.push({ text: part, pos: 1e6, span: 1 });
  const bodyStart = lines.findIndex((l) => BODY_START.test(l) || SECTION.test(l));

  const read = (c: TitleCandidate) => {
    const m = TITLE.exec(c.text);
    // a title is most of its line, not a phrase inside a sentence
    if (!m || c.text.length > 90 || (c.text.length > 40 && m[0].length / c.text.length < 0.5)) return null;
    // "关于做好2024年…年度报告编制发布工作的通知" speaks of a report; it is not one
    if (NOT_A_TITLE.test(c.text.slice(m.index + m[0].length)) || /^关于做好/.test(c.text)) return null;
    const before = c.text.slice(0, m.index);
    // the agency stands before the year ("淮安市人民政府2024年…") or after it ("2022年度某镇政府信息公开…")
    let agency = (before ? cleanAgency(before.split(/[_|]|-(?=[^-]*$)/).pop() ?? '') : null) ?? (m[2] ? cleanAgency(m[2]) : null);
    // a line joined from the one above must end as an agency does, or it is page furniture ("首页")
    if (c.span > 1 && agency && !ENDS_AS_AGENCY.test(agency)) agency = null;
    return { title: c.text, year: Number(m[1]), agency };
  };
  const found = candidates.map((c) => ({ c, t: read(c) })).filter((x) => x.t !== null) as { c: TitleCandidate; t: NonNullable<ReturnType<typeof read>> }[];
  if (!found.length) return { title: null, year: null, agency: null };
  // the page's <title> names this report's year; a sidebar may list other years' reports
  const tagYear = found.find((x) => x.c.pos === 1e6)?.t.year ?? null;
  const score = ({ c, t }: (typeof found)[number]) =>
    (tagYear !== null && t.year === tagYear ? 4 : 0) +
    (t.agency ? 2 : 0) +
    (bodyStart >= 0 && c.pos < bodyStart && bodyStart - c.pos <= 6 ? 3 : 0) +
    (c.span === 1 ? 0.5 : 0);
  const best = found.reduce((a, b) => (score(b) > score(a) || (score(b) === score(a) && b.c.pos < a.c.pos) ? b : a));
  return best.t;
}

/** The agency from the first sentences: "大渡口区跳磴镇人民政府根据《条例》…". */
function agencyFromBody(doc: SourceDoc): string | null {
  let seen = 0;
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph') continue;
    const t = normaliseLabel(b.text);
    if (t.length < 15) continue;
    if (++seen > 6) break;
    const m = LEADING_AGENCY.exec(t);
    const a = m ? cleanAgency(m[1]) : null;
    if (a) return a;
  }
  return null;
}

/** 发布机构 in a crawled page's metadata table. */
function agencyFromMetadata(doc: SourceDoc): string | null {
  for (const b of doc.blocks) {
    if (b.kind !== 'grid') continue;
    for (const row of b.rows) {
      for (let c = 0; c < row.length - 1; c++) {
        const k = normaliseLabel(row[c].text);
        if (/^(?:发布机构|发文机关|发布单位|来源|信息来源)[:]?$/.test(k)) {
          const v = cleanAgency(normaliseLabel(row[c + 1].text));
          if (v) return v;
        }
        const inline = /^(?:发布机构|发文机关|发布单位)[:](.+)$/.exec(k);
        if (inline) return cleanAgency(inline[1]);
      }
    }
  }
  return null;
}

/** The year most often named in the opening text, when no title names it. */
function yearFromBody(doc: SourceDoc): number | null {
  const counts = new Map<number, number>();
  let chars = 0;
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph') continue;
    const t = normaliseLabel(b.text);
    chars += t.length;
    for (const m of t.matchAll(/(20[0-4]\d)年(度|,|以来|全年|共|我|本|1[-~至到]12月|1月1日|12月31日|(?:\d{1,2}月\d{1,2}日))?/g)) {
      // "2024年度", "2024年，我镇…" say the year reported on; a bare "2025年1月20日" is a publication date
      const weight = m[2] === undefined ? 1 : /^\d/.test(m[2]) && !/^(?:1月1日|12月31日)$/.test(m[2]) ? 0 : 2;
      counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + weight);
    }
    if (chars > 4000) break;
  }
  const best = [...counts.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? best[0] : null;
}

/** Site chrome after the report on a crawled page: it ends the narrative. */
const PAGE_FURNITURE = /^(?:分享到|主办单位|承办单位|网站标识码|ICP备|版权所有|Copyright|联系我们|打印本页|关闭窗口|【打印】|扫一扫|相关链接|上一篇|下一篇)|ICP备\d|网站标识码/i;

const HEAD = {
  overview: /^[一1][、.,]?总体情况/,
  problems: /^[五5][、.,]?存在的?主要问题/,
  otherMatters: /^[六6][、.,]?其他需要报告的事项/,
  next: /^[一二三四五六七八九1-9][、.,]?[^\d]{2,30}$/,
};

function narrativeOf(doc: SourceDoc): ReportMeta['narrative'] {
  const out: ReportMeta['narrative'] = { overview: null, problems: null, otherMatters: null };
  let current: keyof ReportMeta['narrative'] | null = null;
  const buf: Record<string, string[]> = { overview: [], problems: [], otherMatters: [] };
  for (const b of doc.blocks) {
    if (b.kind === 'grid') {
      if (current === 'overview') current = null;
      continue;
    }
    const t = normaliseLabel(b.text);
    const which = (Object.keys(HEAD) as (keyof typeof HEAD)[]).find((k) => k !== 'next' && HEAD[k].test(t)) as keyof ReportMeta['narrative'] | undefined;
    if (which) {
      current = buf[which].length ? null : which;
      continue;
    }
    if (current && PAGE_FURNITURE.test(t)) {
      current = null;
      continue;
    }
    if (current && SECTION.test(t)) {
      current = null;
      continue;
    }
    if (current) buf[current].push(repairRadicals(b.text.trim()));
  }
  for (const k of Object.keys(out) as (keyof typeof out)[]) out[k] = buf[k].length ? buf[k].join('\n') : null;
  return out;
}

export function readMeta(doc: SourceDoc): ReportMeta {
  const t = findTitle(doc);
  const year = t.year ?? yearFromBody(doc);
  const agency = t.agency ?? agencyFromBody(doc) ?? agencyFromMetadata(doc);
  // a short line that ends in the report's name is a title even without a year
  const endsInReport = new RegExp(`${REPORT_WORDS.source}$`);
  const titleLine = [...openingTexts(doc).slice(0, 15), ...(doc.title ?? '').split(/[_|]/)]
    .map(normaliseLabel)
    .some((l) => l.length <= 50 && endsInReport.test(l) && !/^关于做好/.test(l));
  const headings = doc.blocks.filter((b) => b.kind === 'paragraph' && REPORT_HEADING.test(normaliseLabel(b.text)) && normaliseLabel(b.text).length < 40).length;
  return {
    title: t.title,
    year,
    agency,
    narrative: narrativeOf(doc),
    callsItselfReport: t.title !== null || titleLine || headings >= 2,
  };
}
