/** Resident memory of processes, read from /proc (Linux); null where that is not available. */
import { readFileSync } from 'node:fs';

const PAGE = 4096;

/** Resident set size of a process in bytes, or null. */
export function rssOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(fields[1]) * PAGE;
  } catch {
    return null;
  }
}

export const MB = 1024 * 1024;
