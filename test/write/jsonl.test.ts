import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonlLog, scanJsonl } from '../../src/write/jsonl.ts';
import { writeFileAtomic } from '../../src/write/atomic.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jsonl log', () => {
  it('appends lines and reads them back by offset, Chinese included', () => {
    const log = new JsonlLog(join(dir, 'a.jsonl'), true);
    const a = log.append({ file: '报告.txt', n: 1 });
    const b = log.append({ file: 'b', n: 2 });
    expect(log.read(b)).toEqual({ file: 'b', n: 2 });
    expect(log.read(a)).toEqual({ file: '报告.txt', n: 1 });
    log.close();
  });

  it('drops a torn last line (a killed write) and cuts it off the file', () => {
    const path = join(dir, 'torn.jsonl');
    writeFileSync(path, '{"file":"a"}\n{"file":"b"}\n');
    appendFileSync(path, '{"file":"c","val');
    const seen: unknown[] = [];
    const counts = scanJsonl(path, (v) => seen.push(v), true);
    expect(seen).toEqual([{ file: 'a' }, { file: 'b' }]);
    expect(counts).toMatchObject({ lines: 2, torn: true });
    expect(readFileSync(path, 'utf8')).toBe('{"file":"a"}\n{"file":"b"}\n');
  });

  it('skips lines that do not parse and reads lines across chunk boundaries', () => {
    const path = join(dir, 'big.jsonl');
    const long = 'x'.repeat(700_000);
    writeFileSync(path, `{"file":"1","pad":"${long}"}\nnot json\n{"file":"2","pad":"${long}"}\n`);
    const files: string[] = [];
    const counts = scanJsonl(path, (v) => files.push((v as { file: string }).file));
    expect(files).toEqual(['1', '2']);
    expect(counts).toMatchObject({ lines: 2, bad: 1, torn: false });
  });

  it('writes whole files atomically (no temp file left behind)', () => {
    const path = join(dir, 'x.csv');
    writeFileAtomic(path, 'a,b\r\n');
    expect(readFileSync(path, 'utf8')).toBe('a,b\r\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
