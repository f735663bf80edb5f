/**
 * The command line as users run it (bin/xxgk.mjs through tsx): usage errors and exit codes, and
 * kill-safety: a run killed mid-way leaves a reports.jsonl of whole lines, and --resume finishes
 * the job without redoing finished files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'xxgk.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const xxgk = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

describe('xxgk usage', () => {
  it('prints help with the exit codes, exit 0', () => {
    for (const args of [['--help'], ['extract', '--help']]) {
      const r = xxgk(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('xxgk extract <paths...> --out DIR');
      expect(r.stdout).toContain('Exit codes');
    }
  });

  it('prints the version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(xxgk(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on bad usage, saying what is wrong', () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage/],
      [['frobnicate'], /unknown command/],
      [['extract', tmp], /--out DIR is required/],
      [['extract', '--out', join(tmp, 'o')], /no paths given/],
      [['extract', tmp, '--out', join(tmp, 'o'), '--workers', '0'], /--workers must be an integer ≥ 1/],
      [['extract', tmp, '--out', join(tmp, 'o'), '--timeout', 'soon'], /--timeout must be a number/],
      [['extract', tmp, '--out', join(tmp, 'o'), '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const r = xxgk(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('exits 3 when a path does not exist or nothing is found', () => {
    const missing = xxgk(['extract', join(tmp, 'no such dir'), '--out', join(tmp, 'o1')]);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('no such file or folder');
    const emptyDir = join(tmp, 'empty dir');
    mkdirSync(emptyDir);
    const none = xxgk(['extract', emptyDir, '--out', join(tmp, 'o2')]);
    expect(none.status).toBe(3);
    expect(none.stderr).toContain('no files found');
  });

  it('exits 3 when --out cannot be written', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const r = xxgk(['extract', file, '--out', join(file, 'sub')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('cannot write to --out');
  });
});

describe('kill-safety and --resume', () => {
  it('leaves whole lines when killed, and --resume completes without redoing finished files', async () => {
    const crawl = join(tmp, 'crawl');
    mkdirSync(crawl);
    const N = 40;
    for (let i = 0; i < N; i++) writeFileSync(join(crawl, `file ${String(i).padStart(2, '0')}.txt`), `XXGK-TEST-SLOW file ${i}\n`);
    const out = join(tmp, 'out-kill');
    const jsonl = join(out, 'reports.jsonl');
    const env = { ...process.env, XXGK_TEST_HOOKS: '1' };
    const child = spawn(process.execPath, [BIN, 'extract', crawl, '--out', out, '--workers', '2', '--quiet'], { cwd: ROOT, env, stdio: 'ignore' });
    const lines = () => (existsSync(jsonl) ? readFileSync(jsonl, 'utf8').split('\n').filter((l) => l.length).length : 0);
    const deadline = Date.now() + 90_000;
    while (lines() < 6 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const text = readFileSync(jsonl, 'utf8');
    const whole = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter((l) => l.length);
    const done = new Set(whole.map((l) => (JSON.parse(l) as { file: string }).file));
    expect(done.size).toBeGreaterThanOrEqual(6);
    expect(done.size).toBeLessThan(N);
    // the CSVs are only ever written whole, at the end: a killed run has none
    expect(existsSync(join(out, 'reports.csv'))).toBe(false);

    const resumed = xxgk(['extract', crawl, '--out', out, '--workers', '2', '--resume', '--quiet'], { XXGK_TEST_HOOKS: '1' });
    expect(resumed.status, resumed.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.files).toBe(N);
    expect(summary.run.reused).toBe(done.size);
    expect(summary.run.extracted).toBe(N - done.size);
    const final = readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string });
    expect(final.map((r) => r.file)).toEqual([...Array(N).keys()].map((i) => `file ${String(i).padStart(2, '0')}.txt`));
    expect(readFileSync(join(out, 'reports.csv'), 'utf8').trimEnd().split('\r\n').length).toBe(N + 1);

    // a second --resume has nothing left to do
    const again = xxgk(['extract', crawl, '--out', out, '--resume', '--quiet']);
    expect(again.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).run).toMatchObject({ reused: N, extracted: 0 });
  }, 180_000);
});
