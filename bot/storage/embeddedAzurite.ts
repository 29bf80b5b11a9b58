import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { freeLoopbackPort } from '../shared/freePort';
import { AZURITE_CHILD_SCRIPT } from './azuriteChildScript';

/**
 * Azurite's table and queue servers for local work, as a child process this service owns: no
 * Azure account, data on disk under DATA_DIR so a restart keeps every answer and every job of due
 * work (bot/app/dueWork.ts).
 *
 * Not in-process: restify extends Node's http.IncomingMessage.prototype, after which
 * Azurite (Express) stops reading `$filter` and every query returns every row.
 *
 * In its own process group (detached), so a signal to the service's group (Ctrl+C, systemd's
 * SIGTERM, a terminal's SIGHUP) reaches the service only: the service drains its work, then
 * stops Azurite, which saves as it closes. It ends itself, saving, when its IPC channel to the
 * service closes, so it cannot outlive a service that was killed (see azuriteChildScript).
 */
// The well-known development account: public by design, never valid in Azure.
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 20_000;

export interface EmbeddedAzurite {
  /** Names both services (TableEndpoint and QueueEndpoint), for the table and the queue clients alike. */
  readonly connectionString: string;
  /** The table service's port. */
  readonly port: number;
  /** The queue service's port. */
  readonly queuePort: number;
  /** The child's process id. */
  readonly pid: number;
  /** Resolves when the child has ended, however it ended; `stopped` is true when stop() ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stopped: boolean }>;
  /** Saves the tables and queues to disk and ends the child. */
  stop(): Promise<void>;
}

function developmentConnectionString(port: number, queuePort: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://${host}:${port}/${DEV_ACCOUNT};QueueEndpoint=http://${host}:${queuePort}/${DEV_ACCOUNT};`;
}

/**
 * Starts the child, on the given ports (a restart reuses its predecessor's) or on free ones.
 * `inMemory`: nothing on disk (the tests' shared Azurite). Rejects when it has not said it
 * listens within START_TIMEOUT_MS, or exits first (a port in use, say).
 */
export async function startEmbeddedAzurite(options: { dataDir?: string; port?: number; queuePort?: number; inMemory?: boolean }): Promise<EmbeddedAzurite> {
  const port = options.port || (await freeLoopbackPort());
  let queuePort = options.queuePort || (await freeLoopbackPort());
  while (queuePort === port) queuePort = await freeLoopbackPort();
  const location = options.dataDir ?? '.data';
  if (!options.inMemory) mkdirSync(location, { recursive: true });
  const args = [
    '-e', AZURITE_CHILD_SCRIPT, '--',
    '--azurite', dirname(dirname(require.resolve('azurite/dist/src/table/TableServer.js'))),
    '--host', '127.0.0.1', '--tablePort', String(port), '--queuePort', String(queuePort),
    ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', location]),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
  let stopped = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stopped: boolean }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, stopped }));
  });

  let output = '';
  const read = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS / 1000} s: ${output}`)), START_TIMEOUT_MS);
      child.once('message', (message) => {
        clearTimeout(timer);
        if (message === 'started') resolve();
      });
      // `exited` only resolves.
      void exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited (${code}) while starting: ${output.trim()}`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  // Started: what it says from now on is drained, not kept.
  child.stdout!.off('data', read).resume();
  child.stderr!.off('data', read).resume();

  return {
    port,
    queuePort,
    pid: child.pid!,
    connectionString: developmentConnectionString(port, queuePort),
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopped = true;
      // A clean close saves the database; should it hang, the data is lost anyway.
      if (child.connected) child.send('stop');
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
