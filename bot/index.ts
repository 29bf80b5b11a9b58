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
  try {
    service = await startService(config);
  } catch (error) {
    await telemetry.shutdown(); // what led up to the failure (a refused storage call, say) is worth having
    throw error;
  }
  if (config.botAuth.mode === 'local') {
    process.stderr.write(`Practice Audit is running in LOCAL MODE (no bot credentials, loopback only) at ${service.url}/api/messages\n`);
  }
  handleStopSignals(service, telemetry);
}

function handleStopSignals(service: { stop(): Promise<void> }, telemetry: Telemetry): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`Received ${signal}; stopping.\n`);
    // Telemetry last, so the requests answered while stopping are exported too.
    service.stop().then(
      () => telemetry.shutdown().then(() => process.exit(0)),
      () => telemetry.shutdown().then(() => process.exit(1)),
    );
  };
  // Ctrl+C, a service manager's stop, a closed terminal: each drains and saves before exiting.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
}

main().catch((error: unknown) => {
  process.stderr.write(`Practice Audit failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
