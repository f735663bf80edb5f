/**
 * The command line: `xxgk extract <paths...> --out DIR`. The only module that prints or exits.
 */
import { accessSync, constants, existsSync, lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OUTPUT_FILES, runExtract } from './run/batch.ts';
import { ProgressView } from './run/progress.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';
import { TOOL_VERSION } from './version.ts';
import { summaryLine } from './write/summary.ts';

export const EXIT = {
  /** the run completed: every input file has a record (failed files are data, see summary.json) */
  ok: 0,
  /** xxgk itself failed (a bug): outputs may be incomplete; reports.jsonl holds whole lines only */
  internal: 1,
  /** bad usage: unknown option, bad value, no paths, no --out */
  usage: 2,
  /** nothing to do: an input path does not exist, no files were found, or --out cannot be written */
  nothing: 3,
  /** --strict only: the run completed but at least one file has status "failed" */
  strictFailed: 4,
} as const;

const D = DEFAULT_SETTINGS.run;

export const HELP = `xxgk ${TOOL_VERSION}: government information disclosure annual reports (政府信息公开工作年度报告) → data

Usage:
  xxgk extract <paths...> --out DIR [options]
  xxgk --help | xxgk extract --help | xxgk --version

Every regular file under the paths (folders are walked recursively) gets exactly one record,
whatever it is: reports, other pages, images, archives, broken files, duplicates.

Options:
  -o, --out DIR         output folder (created if needed)                           required
  -w, --workers N       worker processes parsing in parallel          default: cores (at most 8)
  -t, --timeout SEC     per-file time limit; over it the file is "timeout"            default: ${D.timeoutMs / 1000}
      --max-memory MB   memory cap of one worker; over it the file is "out_of_memory" default: ${D.maxWorkerMemoryMb}
      --max-file-mb MB  files larger than this are refused unread ("too_large")       default: ${D.maxFileMb}
  -r, --resume          reuse records in DIR/reports.jsonl whose sha256 and tool version
                        match; extract only the rest; rewrite the CSVs and summary from the union
      --strict          exit 4 when any file's status is "failed"
  -q, --quiet           no progress and no summary line on stderr
  -h, --help            this help
  -v, --version         the tool version

Outputs in DIR:
  reports.jsonl   one JSON record per file (schema/record.schema.json); appended as files finish
                  (a killed run leaves whole lines; --resume continues), rewritten in input order at the end
  reports.csv     one row per file: file, status, issues, format, agency, year, template, per-table
                  templates, title, sha256, bytes, ms, tool_version, then one column per canonical key
  cells.csv       one row per value found: file, key, value, raw, kind, grid, row, col, page, bbox,
                  row_label, col_label, unit_factor
  summary.json    counts by status, issue code, format and template; files/s, wall time, peak memory
  summary.txt     the same, for people
  The CSVs are UTF-8 with BOM (Excel opens them without mojibake), RFC 4180 quoting, CRLF.

Exit codes:
  0  the run completed (files that failed are recorded with status "failed", not an error)
  1  internal error in xxgk
  2  usage error
  3  nothing to do: a path does not exist, no files found, or DIR cannot be written
  4  with --strict: the run completed but some file has status "failed"
  130/143  interrupted (SIGINT/SIGTERM): finished files are in reports.jsonl; --resume continues

Memory: each worker is killed and replaced when its resident memory passes --max-memory (the file
is recorded "out_of_memory"), so peak memory stays under workers × --max-memory + ~150 MB for the
runner (2 workers × 896 MB ≈ 1.9 GB by default on 2 cores).
`;

class UsageError extends Error {}

export interface CliOptions {
  paths: string[];
  out: string;
  resume: boolean;
  quiet: boolean;
  strict: boolean;
  settings: Settings;
}

function numberOption(name: string, raw: string | undefined, min: number, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, not "${raw}"`);
  }
  return n;
}

/** Parse the arguments after `extract`. Throws UsageError. */
export function parseExtractArgs(args: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        workers: { type: 'string', short: 'w' },
        timeout: { type: 'string', short: 't' },
        'max-memory': { type: 'string' },
        'max-file-mb': { type: 'string' },
        resume: { type: 'boolean', short: 'r' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (parsed.positionals.length === 0) throw new UsageError('no paths given: xxgk extract <paths...> --out DIR');
  if (!v.out) throw new UsageError('--out DIR is required');
  const workers = numberOption('workers', v.workers, 1, true);
  const timeout = numberOption('timeout', v.timeout, 0.001, false);
  const maxMemory = numberOption('max-memory', v['max-memory'], 64, true);
  const maxFileMb = numberOption('max-file-mb', v['max-file-mb'], 0.000001, false);
  return {
    paths: parsed.positionals,
    out: v.out,
    resume: !!v.resume,
    quiet: !!v.quiet,
    strict: !!v.strict,
    settings: {
      ...DEFAULT_SETTINGS,
      run: {
        workers: workers ?? D.workers,
        timeoutMs: timeout !== undefined ? Math.round(timeout * 1000) : D.timeoutMs,
        maxWorkerMemoryMb: maxMemory ?? D.maxWorkerMemoryMb,
        maxFileMb: maxFileMb ?? D.maxFileMb,
      },
    },
  };
}

function outputWritable(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], err: NodeJS.WriteStream = process.stderr, out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? err : out).write(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    out.write(`${TOOL_VERSION}\n`);
    return EXIT.ok;
  }
  if (command !== 'extract') {
    err.write(`xxgk: unknown command "${command}" (try: xxgk extract <paths...> --out DIR, or xxgk --help)\n`);
    return EXIT.usage;
  }
  let opts: CliOptions | 'help';
  try {
    opts = parseExtractArgs(rest);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`xxgk extract: ${e.message}\n(see xxgk extract --help)\n`);
    return EXIT.usage;
  }
  if (opts === 'help') {
    out.write(HELP);
    return EXIT.ok;
  }
  const missing = opts.paths.filter((p) => { try { lstatSync(p); return false; } catch { return true; } });
  if (missing.length) {
    err.write(`xxgk extract: no such file or folder: ${missing.map((m) => JSON.stringify(m)).join(', ')}\n`);
    return EXIT.nothing;
  }
  const notWritable = outputWritable(opts.out);
  if (notWritable) {
    err.write(`xxgk extract: cannot write to --out ${JSON.stringify(opts.out)}: ${notWritable}\n`);
    return EXIT.nothing;
  }
  const view = opts.quiet ? null : new ProgressView(err);
  // Ctrl-C / kill: reports.jsonl already holds every finished file; the workers exit with us
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      view?.end();
      err.write(`\nxxgk: interrupted; ${opts.out}/${OUTPUT_FILES.jsonl} keeps the finished files: run again with --resume to continue\n`);
      process.exit(code);
    });
  }
  const result = await runExtract({
    inputs: opts.paths,
    outDir: opts.out,
    settings: opts.settings,
    resume: opts.resume,
    onProgress: view ? (p) => view.update(p) : undefined,
  });
  view?.end();
  if (result.discovered === 0) {
    if (!opts.quiet) err.write(`xxgk extract: no files found in ${opts.paths.join(', ')}\n`);
    return EXIT.nothing;
  }
  if (!opts.quiet) err.write(`${summaryLine(result.summary)} → ${opts.out}/${OUTPUT_FILES.jsonl}\n`);
  if (opts.strict && (result.summary.byStatus.failed ?? 0) > 0) return EXIT.strictFailed;
  return EXIT.ok;
}

/** Run main and exit; used by bin/xxgk.mjs and when this file is run directly (npm run xxgk). */
export async function runCli(argv: string[]): Promise<void> {
  let code: number;
  try {
    code = await main(argv);
  } catch (e) {
    process.stderr.write(`xxgk: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    code = EXIT.internal;
  }
  process.exitCode = code;
}

const invokedDirectly = (() => {
  try {
    return !!process.argv[1] && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) await runCli(process.argv.slice(2));
