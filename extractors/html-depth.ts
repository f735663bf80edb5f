/**
 * A linear scan of HTML tags that estimates nesting depth before a parser sees the page: HTML
 * parsers spend quadratic time on absurdly deep pages, so those are refused up front.
 */

/** Elements that never have content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen', 'isindex', 'nobr', 'spacer']);
/** Elements whose end tag is optional and which cannot nest in themselves: left open they do not deepen a page. */
const SELF_CLOSING_BY_SIBLING = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'option', 'optgroup', 'tbody', 'thead', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'rtc', 'caption']);
/** Elements whose content is raw text: tags inside them are not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);

// attribute text stops at the next '<' and quoted values are bounded, so a page of unclosed
// tags or quotes cannot make the scan quadratic
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^<>"']|"[^"<]{0,4096}"|'[^'<]{0,4096}')*?(\/?)>|<!--[\s\S]*?-->/g;

/**
 * The deepest nesting of elements in `html`, counting only elements that can nest. Stops early,
 * returning a value above `stopAbove`, once that depth is passed.
 */
export function measureTagDepth(html: string, stopAbove = Infinity): number {
  const open: string[] = [];
  let deepest = 0;
  let lower: string | undefined;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue; // a comment
    const closing = m[1] === '/';
    if (VOID.has(name) || SELF_CLOSING_BY_SIBLING.has(name)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    if (m[3] === '/') continue;
    if (RAW_TEXT.has(name)) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, TAG.lastIndex);
      TAG.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    open.push(name);
    if (open.length > deepest) {
      deepest = open.length;
      if (deepest > stopAbove) break;
    }
  }
  TAG.lastIndex = 0;
  return deepest;
}
