import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { freeLoopbackPort } from '../shared/freePort';

/**
 * Azurite's table server for local work, as a child process this service owns: no Azure
 * account, data on disk under DATA_DIR so a restart keeps every answer.
 *
 * Not in-process: restify extends Node's http.IncomingMessage.prototype, after which
 * Azurite (Express) stops reading `$filter` and every query returns every row.
 */
// The well-known development account: public by design, never valid in Azure.
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const STARTED = /successfully started/;
const START_TIMEOUT_MS = 20_000;

export interface EmbeddedAzurite {
  readonly connectionString: string;
  readonly port: number;
  /** The child's process id. */
  readonly pid: number;
  /** Saves the tables to disk and ends the child. */
  stop(): Promise<void>;
}

export function developmentConnectionString(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://${host}:${port}/${DEV_ACCOUNT};`;
}

export async function startEmbeddedAzurite(options: { dataDir?: string; port?: number; inMemory?: boolean }): Promise<EmbeddedAzurite> {
  const port = options.port || (await freeLoopbackPort());
  const location = options.dataDir ?? '.data';
  if (!options.inMemory) mkdirSync(location, { recursive: true });
  const args = [
    require.resolve('azurite/dist/src/table/main.js'),
    '--tableHost', '127.0.0.1', '--tablePort', String(port),
    '--disableTelemetry', '--skipApiVersionCheck', '--silent',
    ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', location]),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${START_TIMEOUT_MS / 1000} s: ${output}`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (STARTED.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(new Error(`Azurite exited (${code}) while starting: ${output.trim()}`)));
  });
  child.stdout.resume();
  child.stderr.resume();

  return {
    port,
    pid: child.pid!,
    connectionString: developmentConnectionString(port),
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // SIGINT is what Azurite's CLI handles: it saves the database, then exits.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
