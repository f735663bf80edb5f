/**
 * Boundaries that keep the code extensible: readers know formats, never reports; the
 * recogniser never imports a parser library; Chinese-matching patterns live in one place.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
const rel = (p: string) => relative(root, p).replace(/\\/g, '/');
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const PARSERS = ['mammoth', 'pdfjs-dist', 'cheerio', 'fflate', 'fast-xml-parser', 'htmlparser2', 'domhandler'];

describe('architecture', () => {
  const readers = walk(join(root, 'extractors'));
  const src = walk(join(root, 'src'));

  it('has readers and recogniser code to check', () => {
    expect(readers.length).toBeGreaterThan(3);
    expect(src.length).toBeGreaterThan(5);
  });

  it('keeps every reader free of report knowledge: no CJK character in extractors/', () => {
    const offenders = readers.filter((p) => CJK.test(readFileSync(p, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps readers from importing the recogniser', () => {
    const offenders = readers.filter((p) => /from\s+['"][./]*\.\.\/src\//.test(readFileSync(p, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps parser libraries out of src/: only extractors/ read formats', () => {
    const offenders = src.filter((p) => {
      const text = readFileSync(p, 'utf8');
      return PARSERS.some((lib) => new RegExp(`from\\s+['"]${lib}(/[^'"]*)?['"]|import\\(['"]${lib}`).test(text));
    }).map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps regular expressions over Chinese text in src/text/ only', () => {
    const offenders = src
      .filter((p) => !rel(p).startsWith('src/text/'))
      .filter((p) => readFileSync(p, 'utf8').split('\n').some((line) => /\/[^/\n]*[\u3400-\u9fff][^/\n]*\/[dgimsuy]*[.;,)\s]/.test(line) && /(test|exec|match|replace|RegExp)/.test(line)))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
