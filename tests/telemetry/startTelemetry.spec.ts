import { startTelemetry } from '../../bot/telemetry/startTelemetry';
import { tableKeyRedaction } from '../../bot/telemetry/tableKeyRedaction';

/**
 * The distro is replaced here to see what is asked of it; tests/process/telemetry.spec.ts runs
 * the real one against a stand-in for Application Insights.
 */
const monitor = { useAzureMonitor: jest.fn(), shutdownAzureMonitor: jest.fn(async () => undefined), loaded: 0 };
jest.mock('@azure/monitor-opentelemetry', () => {
  monitor.loaded += 1;
  return { useAzureMonitor: monitor.useAzureMonitor, shutdownAzureMonitor: monitor.shutdownAzureMonitor };
});

const CONNECTION_STRING = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';

beforeEach(() => {
  monitor.useAzureMonitor.mockClear();
  monitor.shutdownAzureMonitor.mockReset().mockImplementation(async () => undefined);
});

describe('telemetry', () => {
  it('loads nothing without a connection string', async () => {
    const telemetry = startTelemetry({});
    expect(telemetry.enabled).toBe(false);
    await telemetry.shutdown();
    expect(monitor.loaded).toBe(0);
    expect(monitor.useAzureMonitor).not.toHaveBeenCalled();
  });

  it('starts Azure Monitor with the connection string, keeping every request', () => {
    const telemetry = startTelemetry({ connectionString: CONNECTION_STRING });
    expect(telemetry.enabled).toBe(true);
    expect(monitor.useAzureMonitor).toHaveBeenCalledTimes(1);
    expect(monitor.useAzureMonitor.mock.calls[0]).toEqual([
      expect.objectContaining({ azureMonitorExporterOptions: { connectionString: CONNECTION_STRING }, samplingRatio: 1, tracesPerSecond: 0, spanProcessors: [tableKeyRedaction] }),
    ]);
  });

  it('flushes on shutdown and reports, without throwing, an export that fails or hangs', async () => {
    const errors: unknown[] = [];
    const telemetry = startTelemetry({ connectionString: CONNECTION_STRING, onShutdownError: (error) => errors.push(error), shutdownTimeoutMs: 50 });
    await telemetry.shutdown();
    expect(monitor.shutdownAzureMonitor).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([]);

    monitor.shutdownAzureMonitor.mockImplementationOnce(async () => {
      throw new Error('ingestion refused');
    });
    await telemetry.shutdown();
    monitor.shutdownAzureMonitor.mockImplementationOnce(() => new Promise<undefined>(() => undefined));
    const started = Date.now();
    await telemetry.shutdown();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(errors.map((error) => (error as Error).message)).toEqual(['ingestion refused', 'Telemetry was not exported within 50 ms']);
  });
});
