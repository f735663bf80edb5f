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

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) a process has used so far, seconds, or null. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command name start at field 3 (state): utime is field 14, stime 15
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
