import { loadConfig } from './config/loadConfig';
import { isAuditError } from './domain/errors';
import { startTelemetry, type Telemetry } from './telemetry/startTelemetry';

/** `npm start`: validate configuration, fail fast with the setting's name, then serve. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!isAuditError(error)) throw error;
    process.stderr.write(`Practice Audit did not start. ${error.message}\n`);
    process.exit(1);
  }
  // Before the service's modules load: the instrumentation patches http (and the Azure SDK) as
  // they are required, so only what is required after this is traced.
  const telemetry = startTelemetry({
    connectionString: config.applicationInsightsConnectionString,
    onShutdownError: (error) => process.stderr.write(`Telemetry could not be exported on stop: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  const { startService } = require('./service') as typeof import('./service');
  let service;
  let stop: ((notice: string, exitCode: number) => void) | undefined;
  // The embedded Azurite died and could not be started again: exit, so whoever runs the service starts it afresh.
  const onStorageLost = () => (stop ? stop('Practice Audit is stopping: its embedded storage (Azurite) stopped and could not be started again.', 1) : process.exit(1));
  try {
    service = await startService(config, { onStorageLost });
  } catch (error) {
    await telemetry.shutdown(); // what led up to the failure (a refused storage call, say) is worth having
    throw error;
  }
  if (config.botAuth.mode === 'local') {
    process.stderr.write(`Practice Audit is running in LOCAL MODE (no bot credentials, loopback only) at ${service.url}/api/messages\n`);
  }
  stop = handleStopSignals(service, telemetry);
}

/** Stops once, whatever asks first; returns the stop, for the service's own reasons to end. */
function handleStopSignals(service: { stop(): Promise<void> }, telemetry: Telemetry): (notice: string, exitCode: number) => void {
  let stopping = false;
  const stop = (notice: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${notice}\n`);
    // Telemetry last, so the requests answered while stopping are exported too.
    service.stop().then(
      () => telemetry.shutdown().then(() => process.exit(exitCode)),
      () => telemetry.shutdown().then(() => process.exit(1)),
    );
  };
  // Ctrl+C, a service manager's stop, a closed terminal: each drains and saves before exiting.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(`Received ${signal}; stopping.`, 0));
  return stop;
}

main().catch((error: unknown) => {
  process.stderr.write(`Practice Audit failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
