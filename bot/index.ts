import { loadConfig } from './config/loadConfig';
import { isAuditError } from './domain/errors';
import { startService } from './service';

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
  const service = await startService(config);
  if (config.botAuth.mode === 'local') {
    process.stderr.write(`Practice Audit is running in LOCAL MODE (no bot credentials, loopback only) at ${service.url}/api/messages\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`Received ${signal}; stopping.\n`);
    service.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Practice Audit failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
