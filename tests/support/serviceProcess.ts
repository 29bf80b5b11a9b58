// The built service as Azure runs it: `node dist/bot/index.js` in a child process, with only
// the environment a test gives it. For tests of start-up, shutdown and several instances.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { settingsSchema } from '../../bot/config/settings';
import { isAlive, procStat } from './processes';

export { isAlive };

export const ROOT = resolve(__dirname, '../..');
const ENTRY = join(ROOT, 'dist/bot/index.js');

/**
 * Builds dist/ if it is missing or older than the sources (scripts/ensure-build.mjs), once per
 * machine at a time: jest runs spec files in parallel workers, and two compilers writing dist/
 * while a third spec starts the service from it would be a flaky test of nothing.
 */
export function ensureBuilt(timeoutMs = 120_000): void {
  const lock = join(tmpdir(), `practice-audit-build-${Buffer.from(ROOT).toString('base64url').slice(-40)}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      writeFileSync(lock, String(process.pid));
      break;
    } catch {
      if (!holderAlive(lock)) rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`Another build held ${lock} for ${timeoutMs / 1000} s`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
  } finally {
    rmSync(lock, { force: true });
  }
}

function holderAlive(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    // A lock just created has no pid written yet: treat it as held.
    return !pid || isAlive(pid);
  } catch {
    return true;
  }
}

/** Every setting the service reads is removed from what the child inherits: only `env` configures it. */
const SETTING_NAMES = Object.keys(settingsSchema.shape);

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited(): Promise<number | string>;
  /** Waits for the `service_started` log line (or, in local mode, the notice on stderr) and returns the service's URL. */
  started(timeoutMs?: number): Promise<string>;
  /** Ends the process and its group at once, and waits (up to 10 s) for the Azurite it started to end itself. For clean-up. */
  kill(): Promise<void>;
}

const running = new Set<ServiceProcess>();
// Whatever happens to the test, no service (or its Azurite) outlives the jest worker.
process.once('exit', () => {
  for (const service of running) signalGroup(service.pid, 'SIGKILL');
});

/**
 * Starts dist/bot/index.js configured by `env` alone. `node` is the executable to run it with:
 * by default the one running the tests (so the service, and the Azurite it starts, share its version).
 */
export function spawnService(env: Record<string, string>, options: { cwd?: string; node?: string } = {}): ServiceProcess {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SETTING_NAMES.includes(name)));
  // Its own process group, as a service manager starts it, so a test can signal the group. (The
  // service's Azurite has a group of its own and ends itself when the service has ended.)
  const child = spawn(options.node ?? process.execPath, [ENTRY], { cwd: options.cwd ?? ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid === undefined) throw new Error('The service process could not be spawned');
  // A test that forgets to stop it must not keep jest alive: the exit hook above ends it then.
  child.unref();
  (child.stdout as unknown as { unref(): void }).unref();
  (child.stderr as unknown as { unref(): void }).unref();
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  // Not killing its group on exit: a test may want to see whether the service left a child behind.
  const exit = new Promise<number | string>((resolveExit) => {
    child.once('exit', (code, signal) => {
      const result = code ?? signal ?? 'unknown';
      // 'close' comes once stdout and stderr are read to the end, so the last words are in.
      child.once('close', () => resolveExit(result));
      setTimeout(() => resolveExit(result), 1_000).unref();
    });
  });
  const service: ServiceProcess = {
    child,
    pid: child.pid,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    async started(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const url = startedUrl(out) ?? LOCAL_MODE.exec(err)?.[1];
        if (url) return url;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The service exited (${child.exitCode ?? child.signalCode}) before starting.\nstderr: ${err}\nstdout: ${out}`);
        if (Date.now() > deadline) throw new Error(`The service did not start within ${timeoutMs} ms.\nstderr: ${err}\nstdout: ${out}`);
        await sleep(25);
      }
    },
    async kill() {
      // Its Azurite has a group of its own and ends itself (saving) once the service has gone:
      // wait for that too, so a test's data directory is free to remove.
      const children = childrenOf(child.pid!).map((c) => c.pid);
      // The whole group: anything else the service started goes with it.
      signalGroup(child.pid!, 'SIGKILL');
      running.delete(service);
      await Promise.race([exit, sleep(5_000, { unref: true })]);
      const deadline = Date.now() + 10_000;
      while (children.some(isAlive) && Date.now() < deadline) await sleep(25);
    },
  };
  running.add(service);
  return service;
}

/** What index.ts says on stderr in local mode, whatever LOG_LEVEL hides. */
const LOCAL_MODE = /running in LOCAL MODE .* at (http:\/\/\S+)\/api\/messages/;

function startedUrl(stdout: string): string | undefined {
  for (const line of stdout.split('\n')) {
    if (!line.includes('"service_started"')) continue;
    try {
      const entry = JSON.parse(line) as { event?: string; url?: string };
      if (entry.event === 'service_started' && entry.url) return entry.url;
    } catch {
      // a partial line: read again later
    }
  }
  return undefined;
}

/** Resolves with the exit code, or rejects if the process has not ended within the deadline. */
export async function exitWithin(service: ServiceProcess, timeoutMs: number): Promise<number | string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The service did not exit within ${timeoutMs} ms.\nstderr: ${service.stderr()}\nstdout: ${service.stdout()}`)), timeoutMs);
  });
  try {
    return await Promise.race([service.exited(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // negative pid: the whole process group
  } catch {
    // already gone
  }
}

/** The processes whose parent is pid, with their command lines (Linux /proc). */
function childrenOf(pid: number): { pid: number; args: string[] }[] {
  const found: { pid: number; args: string[] }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (procStat(Number(entry)).ppid !== pid) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      found.push({ pid: Number(entry), args });
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** The Azurite table server a service started, by its command line, once it is there. */
export async function azuriteChildOf(pid: number, timeoutMs = 10_000): Promise<{ pid: number; port: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const azurite = childrenOf(pid).find((c) => c.args.some((a) => a.includes('azurite')) && c.args.includes('--tablePort'));
    if (azurite) return { pid: azurite.pid, port: Number(azurite.args[azurite.args.indexOf('--tablePort') + 1]) };
    if (Date.now() > deadline) throw new Error(`No Azurite child of ${pid} within ${timeoutMs} ms`);
    await sleep(25);
  }
}

/** Does anything accept connections on 127.0.0.1:port? */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolveListening) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolveListening(true);
    });
    socket.once('error', () => resolveListening(false));
  });
}

/** A loopback port nothing listens on right now. */
export { freeLoopbackPort as freePort } from '../../bot/shared/freePort';

/** Polls until the probe gives a value, or fails at the deadline with what it last saw. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

function sleep(ms: number, options: { unref?: boolean } = {}): Promise<void> {
  return new Promise((resolveSleep) => {
    const timer = setTimeout(resolveSleep, ms);
    if (options.unref) timer.unref();
  });
}
