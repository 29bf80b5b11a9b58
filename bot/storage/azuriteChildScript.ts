/**
 * The program the embedded Azurite child runs (`node -e`): Azurite's own table and queue servers,
 * built as its CLIs build them (same database files under --location), with a different ending.
 * The CLIs save their databases only on SIGINT, so a SIGTERM or SIGHUP (a service manager
 * stopping the service's process group, a closed terminal) killed them with up to 5 s of answers
 * unsaved, and a service killed outright left them running for ever. This program closes both
 * servers cleanly (LokiJS saves on close) on SIGINT, SIGTERM, SIGHUP, a "stop" message, or its
 * IPC channel closing: the service that owns it has ended, however it ended.
 *
 * Plain JavaScript in a string, so that it runs the same from the sources (tests) and from
 * dist/ (the service): Node 20 cannot run TypeScript. Arguments, after the script:
 * --azurite <azurite/dist/src> --host <host> --tablePort <port> --queuePort <port> and either
 * --location <folder> or --inMemoryPersistence. It says "started" over IPC once both listen.
 */
export const AZURITE_CHILD_SCRIPT = String.raw`
'use strict';
const { join } = require('node:path');
const args = process.argv.slice(1);
const option = (name) => { const at = args.indexOf(name); return at < 0 ? undefined : args[at + 1]; };
const azurite = option('--azurite');
const host = option('--host');
const inMemory = args.includes('--inMemoryPersistence');
const inLocation = (file) => (inMemory ? file : join(option('--location'), file));

const TableServer = require(join(azurite, 'table/TableServer')).default;
const TableConfiguration = require(join(azurite, 'table/TableConfiguration')).default;
const tableConstants = require(join(azurite, 'table/utils/constants'));
// host, port, keep-alive, database, debug log, access log, log stream, debug path, loose,
// skip API version check, cert, key, password, OAuth, disable product-style URLs, in memory.
const tables = new TableServer(new TableConfiguration(host, Number(option('--tablePort')), tableConstants.DEFAULT_TABLE_KEEP_ALIVE_TIMEOUT,
  inLocation(tableConstants.DEFAULT_TABLE_LOKI_DB_PATH), false, false, undefined, undefined, false, true, '', '', '', undefined, false, inMemory));

const QueueServer = require(join(azurite, 'queue/QueueServer')).default;
const QueueConfiguration = require(join(azurite, 'queue/QueueConfiguration')).default;
const queueConstants = require(join(azurite, 'queue/utils/constants'));
// Message bodies live in files under this folder (in memory: in Azurite's shared memory store).
const extents = [{ locationId: 'Default', locationPath: inLocation(queueConstants.DEFAULT_QUEUE_PERSISTENCE_PATH), maxConcurrency: 1 }];
// host, port, keep-alive, database, extent database, extent folders, access log, log stream,
// debug log, debug path, loose, skip API version check, cert, key, password, OAuth,
// disable product-style URLs, in memory.
const queues = new QueueServer(new QueueConfiguration(host, Number(option('--queuePort')), queueConstants.DEFAULT_QUEUE_KEEP_ALIVE_TIMEOUT,
  inLocation(queueConstants.DEFAULT_QUEUE_LOKI_DB_PATH), inLocation(queueConstants.DEFAULT_QUEUE_EXTENT_LOKI_DB_PATH), extents,
  false, undefined, false, undefined, false, true, '', '', '', undefined, false, inMemory));

const servers = [tables, queues];
let closing;
const close = (reason) => {
  if (closing) return;
  closing = Promise.all(servers.map((server) => server.close())).then(
    () => process.exit(0),
    (error) => { console.error('Azurite could not close cleanly (' + reason + '): ' + (error && error.message)); process.exit(1); },
  );
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => close(signal));
process.on('disconnect', () => close('the service ended'));
process.on('message', (message) => { if (message === 'stop') close('asked to stop'); });
Promise.all(servers.map((server) => server.start())).then(
  () => { if (process.send) process.send('started'); },
  (error) => { console.error('Azurite did not start: ' + (error && error.message)); process.exit(1); },
);
`;
