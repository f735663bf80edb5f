/**
 * HTML reader: whole crawled pages in, paragraphs and grids out, in document order.
 *
 * Every innermost <table> becomes a grid (spans expanded); a table that only wraps other tables
 * is layout, so its own text is emitted as paragraphs around the inner grids. Scripts, styles and
 * comments are dropped. The tree is walked iteratively: depth never costs stack.
 */
import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Block, Grid, ReaderLimits, ReaderProblem, SourceDoc } from './model.ts';
import { expandSpans, type RawCell } from './grid.ts';
import { decodeBytes } from './decode.ts';
import { measureTagDepth } from './html-depth.ts';

/** Pages larger than this are refused: no report page comes near it. */
export const MAX_HTML_BYTES = 32 * 1024 * 1024;
/** A colspan above this is treated as this: real tables are a few dozen columns at most. */
export const MAX_COLSPAN = 100;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'button', 'input', 'textarea']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'legend',
]);

/** Read an HTML page. */
export async function readHtml(bytes: Uint8Array, limits: ReaderLimits): Promise<SourceDoc> {
  const problems: ReaderProblem[] = [];
  if (bytes.length > MAX_HTML_BYTES) {
    return { format: 'html', blocks: [], problems: [{ code: 'too_large', message: `HTML of ${bytes.length} bytes is over the ${MAX_HTML_BYTES}-byte limit` }] };
  }
  const decoded = decodeBytes(bytes, { html: true });
  if (decoded.guessed) {
    problems.push({ code: 'encoding_guessed', message: decoded.declared ? `declared charset ${decoded.declared} does not fit the bytes; read as ${decoded.encoding}` : `no charset declared; read as ${decoded.encoding}` });
  }
  const depth = measureTagDepth(decoded.text, limits.maxHtmlDepth);
  if (depth > limits.maxHtmlDepth) {
    problems.push({ code: 'too_large', message: `HTML nested deeper than ${limits.maxHtmlDepth} elements` });
    return { format: 'html', blocks: [], encoding: decoded.encoding, problems };
  }
  // htmlparser2 (through cheerio) rather than parse5: 5x faster on report pages and the same
  // blocks on every sample; a page's text is read in one linear pass either way
  const root = load(decoded.text, { xml: { xmlMode: false, decodeEntities: true } }).root()[0] as AnyNode;
  return { format: 'html', blocks: blocksOfPage(root), encoding: decoded.encoding, title: titleOfPage(root), problems };
}

const isElement = (node: AnyNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** Paragraphs and grids of a parsed page, in document order. */
export function blocksOfPage(root: AnyNode): Block[] {
  const layoutTables = tablesHoldingTables(root);
  const blocks: Block[] = [];
  let text = '';
  let gridCount = 0;
  const flush = () => {
    const clean = collapseSpaces(text);
    if (clean) blocks.push({ kind: 'paragraph', text: clean });
    text = '';
  };
  type Step = { node: AnyNode; exit: boolean };
  const stack: Step[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      flush();
      continue;
    }
    if (node.type === 'text') {
      text += (node as unknown as { data: string }).data;
      continue;
    }
    if (node.type === 'root') {
      pushChildren(stack, node);
      continue;
    }
    if (!isElement(node)) continue; // comments, directives, CDATA
    const name = node.name.toLowerCase();
    if (SKIPPED.has(name) || node.type !== 'tag') continue;
    if (name === 'br') {
      flush();
      continue;
    }
    if (name === 'table' && !layoutTables.has(node)) {
      flush();
      const caption = node.children.find((c) => isElement(c) && c.name === 'caption');
      if (caption) {
        const captionText = cellText(caption as Element);
        if (captionText) blocks.push({ kind: 'paragraph', text: captionText.replace(/\n/g, ' ') });
      }
      const grid = gridOfTable(node, `table ${gridCount + 1}`);
      if (grid) {
        gridCount++;
        blocks.push(grid);
      }
      continue;
    }
    if (BLOCK.has(name)) {
      flush();
      stack.push({ node, exit: true });
    }
    pushChildren(stack, node);
  }
  flush();
  return blocks;
}

function pushChildren(stack: { node: AnyNode; exit: boolean }[], node: AnyNode): void {
  const children = (node as Element).children ?? [];
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
}

/** Tables that contain other tables: layout, not data. */
function tablesHoldingTables(root: AnyNode): Set<AnyNode> {
  const holding = new Set<AnyNode>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node) && node.name === 'table') {
      for (let up = node.parent; up; up = up.parent) {
        if (isElement(up as AnyNode) && (up as Element).name === 'table') {
          if (holding.has(up as AnyNode)) break; // its ancestors are marked already
          holding.add(up as AnyNode);
        }
      }
    }
    const children = (node as Element).children;
    if (children) for (const child of children) stack.push(child);
  }
  return holding;
}

/** The grid of an innermost table, spans expanded; undefined when it has no cells. */
export function gridOfTable(table: Element, label: string): Grid | undefined {
  const rawRows: RawCell[][] = rowsOfTable(table).map((cells) =>
    cells.map((cell) => ({ text: cellText(cell), rowSpan: spanOf(cell.attribs.rowspan), colSpan: Math.min(spanOf(cell.attribs.colspan), MAX_COLSPAN) })),
  );
  // rowspan="0" means "to the end of the table"
  rawRows.forEach((cells, r) => {
    for (const cell of cells) if (cell.rowSpan === 0) cell.rowSpan = rawRows.length - r;
  });
  if (!rawRows.some((cells) => cells.length > 0)) return undefined;
  return expandSpans(rawRows, label);
}

function spanOf(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = parseInt(value, 10);
  if (Number.isNaN(n) || n < 0) return 1;
  return n;
}

/**
 * The cells of a table, row by row, not descending into nested tables. Cells a page left
 * outside any <tr> (sloppy markup a browser would still show as a row) form a row of their own.
 */
function rowsOfTable(table: Element): Element[][] {
  const rows: Element[][] = [];
  let loose: Element[] = [];
  const endLoose = () => {
    if (loose.length > 0) rows.push(loose);
    loose = [];
  };
  const stack: AnyNode[] = [...table.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.name === 'tr') {
      endLoose();
      rows.push(node.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th')));
      continue;
    }
    if (node.name === 'td' || node.name === 'th') {
      loose.push(node);
      continue;
    }
    if (node.name === 'table') continue;
    endLoose();
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  endLoose();
  return rows;
}

/** A cell's text: <br> and block children become line breaks, spaces are collapsed, lines trimmed. */
export function cellText(cell: Element): string {
  let out = '';
  type Step = { node: AnyNode; exit: boolean };
  const stack: Step[] = [];
  for (let i = cell.children.length - 1; i >= 0; i--) stack.push({ node: cell.children[i], exit: false });
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      out += '\n';
      continue;
    }
    if (node.type === 'text') {
      out += (node as unknown as { data: string }).data;
      continue;
    }
    if (!isElement(node) || node.type !== 'tag') continue;
    const name = node.name.toLowerCase();
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      out += '\n';
      continue;
    }
    if (BLOCK.has(name)) {
      out += '\n';
      stack.push({ node, exit: true });
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], exit: false });
  }
  return out
    .split('\n')
    .map(collapseSpaces)
    .filter((line) => line !== '')
    .join('\n');
}

/** Runs of whitespace (incl. no-break and ideographic spaces) to one space, trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** The page's <title>, searched iteratively. */
function titleOfPage(root: AnyNode): string | undefined {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) {
      if (node.name === 'title') {
        const title = collapseSpaces(node.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join(''));
        return title || undefined;
      }
      if (node.name === 'body') continue;
    }
    const children = (node as Element).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return undefined;
}
