import { readdirSync, readFileSync } from 'node:fs';

/**
 * What Linux says about a process, read from /proc: resident memory (now and peak) and CPU
 * time. Undefined where /proc is missing or the process has gone.
 */
const CLOCK_TICKS_PER_SECOND = 100;

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    const kb = line ? Number(line.split(/\s+/)[1]) : NaN;
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Resident set size now, in MiB. */
export const rssMb = (pid: number): number | undefined => statusField(pid, 'VmRSS');

/** The kernel's high-water mark of the resident set since the process started, in MiB. */
export const peakRssMb = (pid: number): number | undefined => statusField(pid, 'VmHWM');

/** Fields of /proc/PID/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** User plus system CPU time the process has used, in milliseconds. */
export function cpuMs(pid: number): number | undefined {
  const fields = statFields(pid);
  if (!fields) return undefined;
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Children of `parent` whose command line contains `needle` (to find the Azurite child). */
export function childPidsMatching(parent: number, needle: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries.map(Number).filter((pid) => {
    if (Number(statFields(pid)?.[1]) !== parent) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
    } catch {
      return false;
    }
  });
}
