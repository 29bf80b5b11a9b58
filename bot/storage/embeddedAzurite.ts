import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * Azurite's table server, started in this process for local work: no Azure account, data
 * on disk under DATA_DIR so a restart keeps every answer. `require('azurite')` itself fails
 * on Node 20, so the table server is loaded from its dist path (see stack notes).
 */
// The well-known development account: public by design, never valid in Azure.
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmbeddedAzurite {
  readonly connectionString: string;
  readonly port: number;
  stop(): Promise<void>;
}

export function developmentConnectionString(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://${host}:${port}/${DEV_ACCOUNT};`;
}

export async function startEmbeddedAzurite(options: { dataDir?: string; port?: number; inMemory?: boolean }): Promise<EmbeddedAzurite> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const TableServer = require('azurite/dist/src/table/TableServer').default;
  const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  let dbPath = join(options.dataDir ?? '.', 'azurite-tables.json');
  if (options.dataDir && !options.inMemory) mkdirSync(options.dataDir, { recursive: true });
  if (options.inMemory) dbPath = ':memory:';
  const configuration = new TableConfiguration(
    '127.0.0.1', options.port ?? 0, undefined, dbPath,
    false, false, undefined, undefined, // no debug or access logs
    false, true, // strict, skip API version check (the SDK may be newer than Azurite)
    '', '', '', undefined, false, options.inMemory ?? false,
  );
  const server = new TableServer(configuration);
  await server.start();
  const port = (server.httpServer.address() as AddressInfo).port;
  return {
    port,
    connectionString: developmentConnectionString(port),
    // close() saves the database to disk, so a clean stop loses nothing.
    stop: () => server.close(),
  };
}
