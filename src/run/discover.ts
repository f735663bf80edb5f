/**
 * Find the files of a run: every path given, folders walked recursively in name order.
 *
 * - `file` (the name a record carries) is the path relative to the folder given, with forward
 *   slashes; for a file argument it is the argument as given.
 * - Symlinks are followed. A link into a folder already being walked (a loop, or a second way to
 *   the same folder) is not walked again; a link that cannot be resolved (dangling, or a loop of
 *   links: ELOOP) becomes an entry with a `problem`, and so does anything that is not a regular
 *   file (FIFO, socket, device: never opened) and a folder that cannot be listed.
 * - The same path reached twice (overlapping arguments) is listed once.
 * - Folders in `skipDirs` (the output folder, when it lies inside an input) are not walked.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export interface Entry {
  /** position in the run's input order */
  index: number;
  /** the name the record carries */
  file: string;
  /** where to read it */
  path: string;
  size: number | null;
  /** set when the entry cannot be read as a regular file */
  problem?: string;
}

export interface Discovery {
  entries: Entry[];
  /** arguments that do not exist */
  missing: string[];
}

const toPosix = (p: string) => (sep === '\\' ? p.replace(/\\/g, '/') : p);
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ELOOP') return 'a symbolic link loop';
  if (e?.code === 'ENOENT') return 'a dangling symbolic link, or the file vanished';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  return e?.message ?? String(err);
}

function kindOf(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isFIFO()) return 'a named pipe, not a regular file';
  if (st.isSocket()) return 'a socket, not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device, not a regular file';
  return 'not a regular file';
}

export async function discoverInputs(paths: readonly string[], skipDirs: readonly string[] = []): Promise<Discovery> {
  const entries: Entry[] = [];
  const missing: string[] = [];
  const seenPaths = new Set<string>();
  const walkedDirs = new Set<string>();
  for (const d of skipDirs) {
    try {
      walkedDirs.add(await realpath(d));
    } catch {
      /* not there yet: nothing to skip */
    }
  }
  const add = (file: string, path: string, size: number | null, problem?: string) => {
    const abs = resolve(path);
    if (seenPaths.has(abs)) return;
    seenPaths.add(abs);
    entries.push({ index: entries.length, file, path, size, ...(problem ? { problem } : {}) });
  };

  const dirName = (root: string, dir: string) => (dir === root ? toPosix(root) : toPosix(relative(root, dir))) + '/';

  async function walk(root: string, dir: string): Promise<void> {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (err) {
      add(dirName(root, dir), dir, null, `folder cannot be read: ${describe(err)}`);
      return;
    }
    if (walkedDirs.has(real)) return;
    walkedDirs.add(real);
    let names: string[];
    try {
      names = (await readdir(dir)).sort(byName);
    } catch (err) {
      add(dirName(root, dir), dir, null, `folder cannot be listed: ${describe(err)}`);
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const file = toPosix(relative(root, path));
      let st: Stats;
      try {
        st = await stat(path); // follows links
      } catch (err) {
        add(file, path, null, describe(err));
        continue;
      }
      if (st.isDirectory()) await walk(root, path);
      else add(file, path, st.isFile() ? st.size : null, kindOf(st) ?? undefined);
    }
  }

  for (const arg of paths) {
    let st: Stats;
    try {
      st = await stat(arg);
    } catch (err) {
      const isLink = await lstat(arg).then((l) => l.isSymbolicLink(), () => false);
      if (isLink) add(toPosix(arg), arg, null, describe(err));
      else missing.push(arg);
      continue;
    }
    if (st.isDirectory()) await walk(arg, arg);
    else add(toPosix(arg), arg, st.isFile() ? st.size : null, kindOf(st) ?? undefined);
  }
  return { entries, missing };
}
