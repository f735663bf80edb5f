/**
 * DOCX reader: word/document.xml read directly (fflate + the small XML reader in xml.ts), so merged cells come
 * out exactly: w:gridSpan → colspan, w:vMerge restart/continue → rowspan, w:gridBefore /
 * w:gridAfter → empty slots. Tables that hold tables are layout; the innermost become grids.
 * Tracked insertions are kept, deletions dropped, content controls and hyperlinks read through.
 */
import type { Block, Grid, Paragraph, ReaderLimits, ReaderProblem, SourceDoc } from './model.ts';
import { expandSpans, type RawCell } from './grid.ts';
import { unzipParts } from './zip.ts';
import { attributeOf, parseXml, type XmlElement } from './xml.ts';

type XmlNode = XmlElement;

const DOCUMENT_PART = 'word/document.xml';
const CORE_PART = 'docProps/core.xml';
const RELS_PART = '_rels/.rels';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Read a .docx package. */
export async function readDocx(bytes: Uint8Array, limits: ReaderLimits): Promise<SourceDoc> {
  const fail = (problem: ReaderProblem): SourceDoc => ({ format: 'docx', blocks: [], problems: [problem] });
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) {
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0;
    return fail(encrypted
      ? { code: 'encrypted', message: 'password-protected Office package' }
      : { code: 'unsupported', message: 'an OLE2 (Word 97) file, not a .docx package' });
  }
  const unzipped = unzipParts(bytes, (name) => name === DOCUMENT_PART || name === CORE_PART || name === RELS_PART || /^word\/[^/]*document[^/]*\.xml$/i.test(name), limits.maxInflatedBytes);
  if (!unzipped.ok) return fail(unzipped.problem);
  const parts = unzipped.parts;
  const documentXml = parts.get(DOCUMENT_PART) ?? parts.get(mainPartName(parts.get(RELS_PART)) ?? '');
  if (!documentXml) return fail({ code: 'corrupt', message: `no ${DOCUMENT_PART} in the package` });
  let blocks: Block[];
  try {
    blocks = blocksOfDocument(new TextDecoder('utf-8').decode(documentXml));
  } catch (err) {
    const message = (err as Error).message;
    if (err instanceof RangeError) return fail({ code: 'too_large', message: `document nested too deeply: ${message}` });
    return fail({ code: 'corrupt', message: `cannot parse ${DOCUMENT_PART}: ${message}` });
  }
  const core = parts.get(CORE_PART);
  return { format: 'docx', blocks, title: core ? titleOfCore(new TextDecoder('utf-8').decode(core)) : undefined, problems: [] };
}

/** The main part named by the package relationships, when it is not word/document.xml. */
function mainPartName(rels: Uint8Array | undefined): string | undefined {
  if (!rels) return undefined;
  const xml = new TextDecoder('utf-8').decode(rels);
  const m = /<Relationship[^>]*Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(xml) ?? /<Relationship[^>]*Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(xml);
  return m?.[1];
}

/** Paragraphs and grids of a document.xml, in document order. */
export function blocksOfDocument(xml: string): Block[] {
  const tree = parseXml(xml);
  const body = childrenOf(findFirst([tree], 'body') ?? findFirst([tree], 'document'));
  const out: Block[] = [];
  const counter = { grids: 0 };
  emitBlocks(body, out, counter);
  return out;
}

function tagOf(node: XmlNode): string {
  return node.tag;
}

function childrenOf(node: XmlNode | undefined): XmlNode[] {
  return node?.children ?? [];
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  return attributeOf(node, name);
}

function findFirst(nodes: XmlNode[], tag: string): XmlNode | undefined {
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.tag === tag) return node;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return undefined;
}

function childNamed(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => c.tag === tag);
}

/** Wrappers whose children belong to the level they sit in (content controls, custom XML, tracked moves). */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'moveTo']);

/** Body-level content (or a cell's content) into blocks. */
function emitBlocks(nodes: XmlNode[], out: Block[], counter: { grids: number }): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'p') {
      const text = trimLines(paragraphText(node));
      if (text) out.push({ kind: 'paragraph', text } satisfies Paragraph);
      // text boxes anchored in the paragraph (titles are sometimes set in one) follow it
      for (const box of textBoxesOf(node)) emitBlocks(box.children, out, counter);
    } else if (tag === 'tbl') {
      emitTable(node, out, counter);
    } else if (tag === 'sdt') {
      emitBlocks(childrenOf(childNamed(node, 'sdtContent')), out, counter);
    } else if (tag && TRANSPARENT.has(tag)) {
      emitBlocks(childrenOf(node), out, counter);
    }
  }
}

/** The w:txbxContent elements inside a paragraph, once each (the VML fallback of a drawing repeats them). */
function textBoxesOf(p: XmlNode): XmlNode[] {
  const boxes: XmlNode[] = [];
  const stack = [...p.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.tag === 'txbxContent') {
      boxes.push(node);
      continue;
    }
    if (node.tag === 'Fallback' || node.tag === '#text') continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return boxes;
}

/** Children of a container with transparent wrappers (sdt, customXml) flattened, keeping those tagged `tag`. */
function flattenedChildren(node: XmlNode, tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const child of childrenOf(node)) {
    const t = tagOf(child);
    if (t === tag) out.push(child);
    else if (t === 'sdt') out.push(...flattenedChildren(childNamed(child, 'sdtContent') ?? { tag: 'sdtContent', attrs: '', children: [] }, tag));
    else if (t && TRANSPARENT.has(t)) out.push(...flattenedChildren(child, tag));
  }
  return out;
}

interface DocxCell {
  node: XmlNode;
  col: number;
  span: number;
  vMerge?: 'restart' | 'continue';
}

function emitTable(tbl: XmlNode, out: Block[], counter: { grids: number }): void {
  const rows = flattenedChildren(tbl, 'tr');
  const cellsByRow = rows.map((tr) => flattenedChildren(tr, 'tc'));
  const holdsTables = cellsByRow.some((cells) => cells.some((tc) => findFirst(childrenOf(tc), 'tbl') !== undefined));
  if (holdsTables) {
    // a layout table: its cells' content in reading order, inner tables as grids
    for (const cells of cellsByRow) for (const tc of cells) emitBlocks(childrenOf(tc), out, counter);
    return;
  }
  const grid = gridOfRows(rows, cellsByRow, `table ${counter.grids + 1}`);
  if (grid) {
    counter.grids++;
    out.push(grid);
  }
}

function intVal(node: XmlNode | undefined, fallback: number): number {
  const v = attr(node, 'val');
  if (v === undefined) return node ? fallback : fallback;
  const n = parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The grid of an innermost table: spans and vertical merges resolved, gridBefore as empty slots. */
function gridOfRows(rows: XmlNode[], cellsByRow: XmlNode[][], label: string): Grid | undefined {
  const layout: DocxCell[][] = [];
  const skipBefore: number[] = [];
  rows.forEach((tr, r) => {
    const trPr = childNamed(tr, 'trPr');
    const before = Math.min(intVal(childNamed(trPr, 'gridBefore'), 0), 100);
    skipBefore.push(before);
    let col = before;
    const cells: DocxCell[] = [];
    for (const tc of cellsByRow[r]) {
      const tcPr = childNamed(tc, 'tcPr');
      const span = Math.max(1, Math.min(intVal(childNamed(tcPr, 'gridSpan'), 1), 100));
      const vMergeNode = childNamed(tcPr, 'vMerge');
      const vMerge = vMergeNode ? (attr(vMergeNode, 'val') === 'restart' ? 'restart' : 'continue') : undefined;
      const hMerge = attr(childNamed(tcPr, 'hMerge'), 'val');
      if (hMerge === 'continue' && cells.length > 0) {
        // legacy horizontal merge: widen the cell on the left
        cells[cells.length - 1].span += span;
      } else {
        cells.push({ node: tc, col, span, vMerge });
      }
      col += span;
    }
    layout.push(cells);
  });

  // vertical merges: a continuing cell extends the origin above it at the same column
  const rawRows: RawCell[][] = [];
  let openAt = new Map<number, RawCell>();
  for (const cells of layout) {
    const row: RawCell[] = [];
    const nextOpen = new Map<number, RawCell>();
    for (const cell of cells) {
      const origin = cell.vMerge === 'continue' ? openAt.get(cell.col) : undefined;
      if (origin && (origin.colSpan ?? 1) === cell.span) {
        origin.rowSpan = (origin.rowSpan ?? 1) + 1;
        nextOpen.set(cell.col, origin);
        continue;
      }
      const raw: RawCell = { text: cellText(cell.node), rowSpan: 1, colSpan: cell.span };
      row.push(raw);
      if (cell.vMerge) nextOpen.set(cell.col, raw);
    }
    openAt = nextOpen;
    rawRows.push(row);
  }
  if (!rawRows.some((row) => row.length > 0)) return undefined;
  return expandSpans(rawRows, label, skipBefore);
}

/** A cell's paragraphs, one a line, spaces collapsed, empty lines dropped. */
function cellText(tc: XmlNode): string {
  const lines: string[] = [];
  const stack = [...childrenOf(tc)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const tag = tagOf(node);
    if (tag === 'p') {
      for (const line of paragraphText(node).split('\n')) {
        const clean = line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
        if (clean) lines.push(clean);
      }
    } else if (tag === 'sdt') {
      const content = childrenOf(childNamed(node, 'sdtContent'));
      for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
    } else if (tag && (TRANSPARENT.has(tag) || tag === 'tbl' || tag === 'tr' || tag === 'tc')) {
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return lines.join('\n');
}

/** Run content that carries no document text. */
const SKIPPED_IN_PARAGRAPH = new Set(['pPr', 'rPr', 'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'fldData', 'drawing', 'pict', 'object', 'AlternateContent', 'footnoteReference', 'endnoteReference', 'commentReference']);

/** A paragraph's text: w:t, w:tab → tab, w:br / w:cr → line break; deletions and field codes dropped. */
export function paragraphText(p: XmlNode): string {
  let out = '';
  const stack = [...childrenOf(p)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const tag = tagOf(node);
    if (!tag || SKIPPED_IN_PARAGRAPH.has(tag)) continue;
    if (tag === 't') {
      for (const child of node.children) if (child.text !== undefined) out += child.text;
    } else if (tag === 'tab' || tag === 'ptab') {
      out += '\t';
    } else if (tag === 'br' || tag === 'cr') {
      out += '\n';
    } else if (tag === 'noBreakHyphen') {
      out += '-';
    } else if (tag !== '#text') {
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out;
}

function trimLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** dc:title from docProps/core.xml. */
function titleOfCore(xml: string): string | undefined {
  const m = /<dc:title[^>]*>([\s\S]*?)<\/dc:title>/.exec(xml);
  if (!m) return undefined;
  const title = m[1]
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(+d)).replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&')
    .trim();
  return title || undefined;
}
