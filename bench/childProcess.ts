import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The bench runs every server under test as its own Node process, so that each one's memory
 * and CPU can be read on its own and no two share an event loop. Every child started here is
 * killed when the bench exits, however it exits.
 */
export interface NodeChild {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  /** What the child wrote, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Sends `message` over the IPC channel (started with `ipc: true`) and resolves to the child's next message. */
  ask(message: unknown): Promise<unknown>;
}

const running = new Set<ChildProcess>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export { freeLoopbackPort as freePort } from '../bot/shared/freePort';

export async function startNodeChild(options: {
  name: string;
  script: string;
  env: Record<string, string>;
  port: number;
  execArgv?: string[];
  readyPath?: string;
  timeoutMs?: number;
  /** Opens Node's IPC channel to the child (process.send / process.on('message') there). */
  ipc?: boolean;
}): Promise<NodeChild> {
  installCleanup();
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [...(options.execArgv ?? []), options.script], {
    // A clean environment: nothing from the caller's shell (bot credentials, storage, log
    // level) leaks into what is measured.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.name} exited (${child.exitCode ?? child.signalCode}) while starting:\n${output.trim()}`);
    }
    if (Date.now() > deadline) {
      await stop(1_000);
      throw new Error(`${options.name} did not answer ${options.readyPath ?? '/healthz'} in time:\n${output.trim()}`);
    }
    const ready = await fetch(`${url}${options.readyPath ?? '/healthz'}`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ask = (message: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const exited = () => reject(new Error(`${options.name} exited before answering:\n${output.trim()}`));
      child.once('exit', exited);
      child.once('message', (answer) => {
        child.off('exit', exited);
        resolve(answer);
      });
      child.send(message as Parameters<ChildProcess['send']>[0]);
    });
  return { name: options.name, pid: child.pid!, url, output: () => output, stop, ask };
}
