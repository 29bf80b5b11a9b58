import { readFileSync } from 'node:fs';

/** Linux /proc: is this pid a live process (not a zombie)? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return procStat(pid).state !== 'Z';
  } catch {
    return false;
  }
}

/** Linux /proc: a process's state letter and its parent's pid; throws if it is not there. */
export function procStat(pid: number): { state: string; ppid: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // "pid (command) state ppid ...": the command may itself hold spaces and parentheses.
  const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: state!, ppid: Number(ppid) };
}
