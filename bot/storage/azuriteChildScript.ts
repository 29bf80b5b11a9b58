/**
 * The program the embedded Azurite child runs (`node -e`): Azurite's own table server, built
 * as its CLI builds it (same database file under --location), with a different ending. The
 * CLI saves its database only on SIGINT, so a SIGTERM or SIGHUP (a service manager stopping
 * the service's process group, a closed terminal) killed it with up to 5 s of answers unsaved,
 * and a service killed outright left it running for ever. This program closes the server
 * cleanly (LokiJS saves on close) on SIGINT, SIGTERM, SIGHUP, a "stop" message, or its IPC
 * channel closing: the service that owns it has ended, however it ended.
 *
 * Plain JavaScript in a string, so that it runs the same from the sources (tests) and from
 * dist/ (the service): Node 20 cannot run TypeScript. Arguments, after the script:
 * --azurite <azurite/dist/src/table> --tableHost <host> --tablePort <port> and either
 * --location <folder> or --inMemoryPersistence. It says "started" over IPC once it listens.
 */
export const AZURITE_CHILD_SCRIPT = String.raw`
'use strict';
const { join } = require('node:path');
const args = process.argv.slice(1);
const option = (name) => { const at = args.indexOf(name); return at < 0 ? undefined : args[at + 1]; };
const tables = option('--azurite');
const TableServer = require(join(tables, 'TableServer')).default;
const TableConfiguration = require(join(tables, 'TableConfiguration')).default;
const { DEFAULT_TABLE_LOKI_DB_PATH, DEFAULT_TABLE_KEEP_ALIVE_TIMEOUT } = require(join(tables, 'utils/constants'));
const inMemory = args.includes('--inMemoryPersistence');
const dbPath = inMemory ? DEFAULT_TABLE_LOKI_DB_PATH : join(option('--location'), DEFAULT_TABLE_LOKI_DB_PATH);
// host, port, keep-alive, database, debug log, access log, log stream, debug path, loose,
// skip API version check, cert, key, password, OAuth, disable product-style URLs, in memory.
const configuration = new TableConfiguration(option('--tableHost'), Number(option('--tablePort')), DEFAULT_TABLE_KEEP_ALIVE_TIMEOUT,
  dbPath, false, false, undefined, undefined, false, true, '', '', '', undefined, false, inMemory);
const server = new TableServer(configuration);
let closing;
const close = (reason) => {
  if (closing) return;
  closing = server.close().then(
    () => process.exit(0),
    (error) => { console.error('Azurite could not close cleanly (' + reason + '): ' + (error && error.message)); process.exit(1); },
  );
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => close(signal));
process.on('disconnect', () => close('the service ended'));
process.on('message', (message) => { if (message === 'stop') close('asked to stop'); });
server.start().then(
  () => { if (process.send) process.send('started'); },
  (error) => { console.error('Azurite did not start: ' + (error && error.message)); process.exit(1); },
);
`;
