/**
 * The one normaliser for labels and headers. Every Chinese-matching regular expression of the
 * project lives in src/text/ (this file, numbers.ts, meta.ts).
 */

/** Traditional forms seen on mirror sites, mapped to the simplified forms of the layouts. */
const TRADITIONAL: Record<string, string> = {
  規: '规', 範: '范', 開: '开', 數: '数', 請: '请', 處: '处', 結: '结', 轉: '转', 總: '总', 計: '计',
  務: '务', 機: '机', 構: '构', 業: '业', 會: '会', 門: '门', 關: '关', 於: '于', 與: '与', 復: '复',
  議: '议', 訴: '诉', 訟: '讼', 維: '维', 執: '执', 這: '这', 體: '体', 況: '况', 報: '报', 項: '项',
  條: '条', 資: '资', 訊: '讯', 費: '费', 額: '额', 單: '单', 萬: '万', 發: '发', 廢: '废',
  現: '现', 頒: '颁', 許: '许', 決: '决', 罰: '罚', 強: '强', 製: '制', 採: '采', 購: '购', 準: '准',
  無: '无', 補: '补', 當: '当', 繳: '缴', 納: '纳', 過: '过', 辦: '办', 動: '动', 認: '认',
  確: '确', 舉: '举', 訪: '访', 複: '复', 獲: '获', 內: '内',
  儘: '尽', 國: '国', 祕: '秘', 險: '险', 穩: '稳', 權: '权', 類: '类', 檔: '档',
  詢: '询', 專: '专', 職: '职', 員: '员', 責: '责', 徵: '征', 證: '证', 據: '据', 場: '场',
  從: '从', 為: '为', 對: '对', 應: '应', 實: '实', 際: '际', 號: '号', 劃: '划', 區: '区', 縣: '县',
  鎮: '镇', 鄉: '乡', 東: '东', 長: '长', 馬: '马', 風: '风', 電: '电', 話: '话', 網: '网', 頁: '页',
  統: '统', 題: '题', 見: '见', 協: '协', 調: '调', 財: '财', 產: '产', 經: '经', 濟: '济',
  衛: '卫', 勞: '劳', 樣: '样', 層: '层', 級: '级', 學: '学', 術: '术', 組: '组', 織: '织',   審: '审', 糾: '纠', 餘: '余', 舊: '旧', 預: '预', 須: '须', 擇: '择', 選: '选', 則: '则', 歸: '归',
  紀: '纪', 錄: '录', 傳: '传', 達: '达', 鐘: '钟', 間: '间', 運: '运', 營: '营', 養: '养', 醫: '医',
  療: '疗', 藥: '药', 環: '环', 態: '态', 廣: '广', 園: '园', 農: '农', 黨: '党', };
/**
 * CJK radicals some PDF producers (Chromium/Skia) write into ToUnicode for glyphs that fonts share
 * with whole ideographs. Kangxi radicals (U+2F00–U+2FD5) have NFKC mappings; the radicals
 * supplement does not, so the ones that look like whole simplified characters are mapped here.
 */
const RADICALS: Record<string, string> = {
  '\u2e9f': '母', '\u2ea0': '民', '\u2ea9': '王', '\u2ec4': '西', '\u2ec5': '见', '\u2ec6': '角',
  '\u2ec9': '贝', '\u2ecb': '车', '\u2ed3': '长', '\u2ed4': '门', '\u2ed8': '青', '\u2ed9': '韦',
  '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞', '\u2edd': '食', '\u2ee1': '首', '\u2ee2': '马',
  '\u2ee3': '骨', '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦',
  '\u2ee9': '黄', '\u2eea': '黾', '\u2eec': '齐', '\u2eee': '齿', '\u2ef0': '龙', '\u2ef3': '龟',
};
const RADICAL_RE = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** Radical code points to the ideographs they stand for; nothing else in the text changes. */
export function repairRadicals(text: string): string {
  return text.replace(RADICAL_RE, (ch) => RADICALS[ch] ?? (ch >= '\u2f00' ? ch.normalize('NFKC') : ch));
}

const TRAD_RE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');

/** NFKC (full-width → half-width), traditional → simplified, no whitespace at all. */
export function normaliseLabel(text: string): string {
  let out = memo.get(text);
  if (out === undefined) {
    if (memo.size > 20_000) memo.clear();
    out = computeNormalised(text);
    memo.set(text, out);
  }
  return out;
}

/** Labels repeat across rows, tables and files: normalise each distinct text once per process. */
const memo = new Map<string, string>();

function computeNormalised(text: string): string {
  return repairRadicals(text)
    .normalize('NFKC')
    // mirrors converted to Taiwan usage print 檔案 where the layout says 文件
    .replace(/檔案/g, '文件')
    .replace(TRAD_RE, (ch) => TRADITIONAL[ch] ?? ch)
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
    .replace(/[“”"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/，/g, ',')
    .replace(/[．｡]/g, '.');
}

const NUMBERING_RE = /^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十]+\)|\(?\d{1,2}\)|\d{1,2}[、.,](?!\d))/;

/** Split a normalised label into its leading numbering ("一、", "(三)", "2.") and the rest. */
export function splitNumbering(norm: string): { numbering: string | null; core: string } {
  let numbering: string | null = null;
  let core = norm;
  // a label may carry two numberings when a group and its child share a cell: "(三)不予公开1.属于…"
  const m = NUMBERING_RE.exec(core);
  if (m) {
    numbering = m[0];
    core = core.slice(m[0].length);
  }
  return { numbering, core };
}

/** The digit of a numbering, "2." → 2, "(三)" → 3, "三、" → 3. */
export function numberingValue(numbering: string | null): number | null {
  if (!numbering) return null;
  const digits = /\d+/.exec(numbering);
  if (digits) return Number(digits[0]);
  const cn = '一二三四五六七八九十';
  const ch = /[一二三四五六七八九十]/.exec(numbering);
  return ch ? cn.indexOf(ch[0]) + 1 : null;
}

/** Remove bracketed qualifiers: "现行有效件数(历史累计)" → "现行有效件数". */
export function dropQualifiers(norm: string): string {
  return norm.replace(/\([^()]*\)/g, '').replace(/（[^（）]*）/g, '');
}

/** Does the text hold any CJK ideograph? */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** Length of the longest common subsequence, for fuzzy label matching of misspelt rows. */
export function lcsLength(a: string, b: string): number {
  if (!a || !b) return 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  const cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j];
  }
  return prev[b.length];
}

/** Similarity in [0, 1]: shared subsequence over the longer label. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : lcsLength(a, b) / longest;
}
