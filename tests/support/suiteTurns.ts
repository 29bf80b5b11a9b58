import { linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './processes';

// Jest runs spec files side by side, one per worker process (maxWorkers in jest.config.js). A few
// specs count, to tens of milliseconds, how many of the bot's sends reach the fake connector in
// any one second (Teams' rate limits). A core busy with another spec (a browser drawing, a
// service starting) delays a send or its time stamp by more than the limits leave spare, and
// the count is then one too many. Those specs call `runsAlone()`: each spec file takes a turn
// (tests/support/takeSuiteTurn.ts, for every spec), and a spec that runs alone waits for the
// specs running to finish, while none starts until it has finished. That keeps this run's own
// other worker off the cores, no more: other load on the machine (another jest run beside this
// one) tips those counts over even with one worker.
//
// The turns are files in a directory of the jest run's own (made by the global set-up):
// `shared-<pid>` while a worker runs an ordinary spec, `alone` (holding its worker's pid) while
// one runs alone or waits to. A worker that died is no longer counted.

const TURNS_DIR = 'PRACTICE_AUDIT_SUITE_TURNS';
/** How often a spec waiting for its turn looks again, in ms. */
const POLL_MS = 100;

let alone = false;

/** For a spec file that must not share the machine with another: call at its top level. */
export function runsAlone(): void {
  alone = true;
}

/** In jest's global set-up: the run's directory of turns (named to the workers through the environment). */
export function createSuiteTurns(): void {
  process.env[TURNS_DIR] = mkdtempSync(join(tmpdir(), 'practice-audit-suite-turns-'));
}

/** In jest's global teardown. */
export function removeSuiteTurns(): void {
  const dir = process.env[TURNS_DIR];
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * Waits for this spec file's turn (alone, if it called `runsAlone`, else beside other ordinary
 * specs) and resolves with what ends it. Outside a jest run with the global set-up, at once.
 */
export async function takeSuiteTurn(): Promise<() => void> {
  const dir = process.env[TURNS_DIR];
  if (!dir) return () => undefined;
  return alone ? takeTurnAlone(dir) : takeSharedTurn(dir);
}

async function takeSharedTurn(dir: string): Promise<() => void> {
  const mine = join(dir, `shared-${process.pid}`);
  for (;;) {
    if (!aloneHeld(dir)) {
      writeFileSync(mine, '');
      // A spec that began to wait to run alone in between saw this file, or is seen here.
      if (!aloneHeld(dir)) return () => rmSync(mine, { force: true });
      rmSync(mine, { force: true });
    }
    await sleep(POLL_MS);
  }
}

async function takeTurnAlone(dir: string): Promise<() => void> {
  const turn = join(dir, 'alone');
  const mine = join(dir, `alone-${process.pid}`);
  writeFileSync(mine, String(process.pid));
  try {
    // A hard link appears whole, pid and all, or not at all (EEXIST: another holds the turn).
    for (;;) {
      try {
        linkSync(mine, turn);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (!aloneHeld(dir)) rmSync(turn, { force: true });
        else await sleep(POLL_MS);
      }
    }
  } finally {
    rmSync(mine, { force: true });
  }
  // No ordinary spec starts now; those running finish first.
  const running = () => readdirSync(dir).filter((name) => name.startsWith('shared-')).map((name) => Number(name.slice('shared-'.length)));
  while (running().some((pid) => pid !== process.pid && isAlive(pid))) await sleep(POLL_MS);
  return () => rmSync(turn, { force: true });
}

/** Does a live worker hold, or wait for, a turn alone? */
function aloneHeld(dir: string): boolean {
  let holder: number;
  try {
    holder = Number(readFileSync(join(dir, 'alone'), 'utf8'));
  } catch {
    return false;
  }
  return isAlive(holder);
}
