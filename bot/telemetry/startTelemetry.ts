import { nameRequestByRoute } from './requestRoute';
import { tableKeyRedaction } from './tableKeyRedaction';

/**
 * Application Insights, through Azure Monitor OpenTelemetry, when a connection string is set:
 * incoming requests, outgoing calls (Table storage, the Bot Connector) and exceptions. Logs stay
 * JSON lines on stdout, which App Service keeps. Without a connection string nothing is loaded.
 * Table storage URLs lose their entity keys first (see tableKeyRedaction).
 */
export interface Telemetry {
  readonly enabled: boolean;
  /** Exports what is still buffered and stops; bounded in time, never throws. */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  readonly connectionString?: string;
  /** Where a failure to export on shutdown is reported (the process is stopping; nothing else to do). */
  readonly onShutdownError?: (error: unknown) => void;
  readonly shutdownTimeoutMs?: number;
}

// App Service kills a container that has not stopped soon after SIGTERM: export briefly or not at all.
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 5_000;

/** Call before the modules that use http are loaded: the instrumentation patches them as they are required. */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (!options.connectionString) return { enabled: false, shutdown: async () => undefined };
  // The distro turns the Azure SDKs' own logging up to "warning" on stderr, where App Service mixes
  // it into the service's JSON lines (the tables client warns of a deprecated option at every
  // start). Errors only, unless an operator asks for more.
  process.env.AZURE_LOG_LEVEL ??= 'error';
  // Required here, not imported: local runs and tests without a connection string never load it.
  const monitor = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  // The distro hands this whole object to OpenTelemetry's HttpInstrumentation (its type names only `enabled`).
  const http = { enabled: true, applyCustomAttributesOnSpan: nameRequestByRoute };
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: options.connectionString },
    // Every request is kept. The default (at most 5 traces a second, rate-limited) drops requests
    // unpredictably, even a quiet service's first ones; this one's traffic is small.
    samplingRatio: 1,
    tracesPerSecond: 0,
    spanProcessors: [tableKeyRedaction],
    instrumentationOptions: { http },
  });
  const timeoutMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  return {
    enabled: true,
    async shutdown() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Telemetry was not exported within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([monitor.shutdownAzureMonitor(), timeout]);
      } catch (error) {
        options.onShutdownError?.(error);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
