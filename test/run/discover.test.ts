import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverInputs } from '../../src/run/discover.ts';

const root = mkdtempSync(join(tmpdir(), 'xxgk-discover-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const put = (rel: string, text = rel) => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};

describe('discoverInputs', () => {
  put('crawl/b.txt');
  put('crawl/a dir/报告 "1".html');
  put('crawl/out/reports.jsonl');
  put('crawl/sub/deeper/c.pdf');
  symlinkSync('..', join(root, 'crawl/sub/up'));
  symlinkSync(join(root, 'crawl'), join(root, 'crawl/sub/deeper/again'));

  it('names files relative to the folder given, with forward slashes, in name order', async () => {
    const { entries, missing } = await discoverInputs([join(root, 'crawl')]);
    expect(missing).toEqual([]);
    expect(entries.map((e) => e.file)).toEqual(['a dir/报告 "1".html', 'b.txt', 'out/reports.jsonl', 'sub/deeper/c.pdf']);
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2, 3]);
  });

  it('does not walk a folder twice through links (loops), and skips the output folder', async () => {
    const { entries } = await discoverInputs([join(root, 'crawl')], [join(root, 'crawl/out')]);
    expect(entries.map((e) => e.file)).toEqual(['a dir/报告 "1".html', 'b.txt', 'sub/deeper/c.pdf']);
  });

  it('names a file argument as given, lists a path reached twice once, and reports missing arguments', async () => {
    const file = join(root, 'crawl', 'b.txt');
    const { entries, missing } = await discoverInputs([file, join(root, 'crawl'), join(root, 'nope')]);
    expect(entries[0].file).toBe(file.replace(/\\/g, '/'));
    expect(entries.filter((e) => e.path.endsWith('b.txt'))).toHaveLength(1);
    expect(missing).toEqual([join(root, 'nope')]);
  });
});
