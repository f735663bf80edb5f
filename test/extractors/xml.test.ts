import { describe, expect, it } from 'vitest';
import { attributeOf, decodeEntities, parseXml, type XmlElement } from '../../extractors/xml.ts';

const shape = (e: XmlElement): unknown => (e.tag === '#text' ? e.text : { [e.tag]: e.children.map(shape) });

describe('xml reader for Office parts', () => {
  it('keeps elements and text in order, drops prefixes, skips the prolog, comments and processing instructions', () => {
    const doc = parseXml('<?xml version="1.0"?><!-- c --><w:a xmlns:w="u"><w:b>one</w:b><?pi x?><w:c/>two<![CDATA[<raw>]]></w:a>');
    expect(shape(doc)).toEqual({ '#document': [{ a: [{ b: ['one'] }, { c: [] }, 'two', '<raw>'] }] });
  });

  it('reads attributes by local name, with either quote and a ">" inside a value', () => {
    const doc = parseXml(`<w:x w:val="restart" other='a>b' w:instr="&lt;q&gt; &amp;"/>`);
    const x = doc.children[0];
    expect(attributeOf(x, 'val')).toBe('restart');
    expect(attributeOf(x, 'other')).toBe('a>b');
    expect(attributeOf(x, 'instr')).toBe('<q> &');
    expect(attributeOf(x, 'missing')).toBeUndefined();
  });

  it('decodes entities and character references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#20844;&#x5F00;')).toBe('<>&"\'\u516c\u5f00');
  });

  it('throws on malformed input instead of guessing', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/mismatched/);
    expect(() => parseXml('<a><b>text')).toThrow(/unclosed/);
    expect(() => parseXml('<a>1 < 2</a>')).toThrow(/malformed/);
  });

  it('parses deep nesting without recursion', () => {
    const depth = 100_000;
    const doc = parseXml(`${'<d>'.repeat(depth)}x${'</d>'.repeat(depth)}`);
    let node = doc.children[0];
    let seen = 1;
    while (node.children[0]?.tag === 'd') {
      node = node.children[0];
      seen++;
    }
    expect(seen).toBe(depth);
  });
});
