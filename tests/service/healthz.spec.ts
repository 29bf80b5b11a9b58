import { mkdtempSync } from 'node:fs';
import { removeDir } from '../support/removeDir';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config/loadConfig';
import { createLogger } from '../../bot/logger';
import { startService, type RunningService } from '../../bot/service';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../../bot/storage/embeddedAzurite';
import { eventually, freePort } from '../support/serviceProcess';
import { TEST_HMAC_KEY } from '../support/testService';

/**
 * /healthz says whether the service can do its work: while Table storage does not answer, every
 * answer is refused, so the health check says so (503, with what is wrong) instead of "ok". The
 * probe is cached, so a health checker calling often costs storage one read every few seconds.
 */
let dataDir = '';
let port = 0;
let azurite: EmbeddedAzurite | undefined;
let service: RunningService;
const lines: string[] = [];
const events = () => lines.map((line) => (JSON.parse(line) as { event: string }).event);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-healthz-'));
  port = await freePort();
  azurite = await startEmbeddedAzurite({ dataDir, port });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', TABLES_CONNECTION_STRING: azurite.connectionString, RESPONDENT_HMAC_KEY: TEST_HMAC_KEY, LOG_LEVEL: 'info' });
  service = await startService(config, { logger: createLogger('info', (line) => lines.push(line)) });
});
afterAll(async () => {
  await service?.stop();
  await azurite?.stop();
  removeDir(dataDir);
});

async function health(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${service.url}/healthz`);
  return { status: response.status, body: await response.json() };
}

describe('/healthz', () => {
  it('is ok while storage answers', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', storage: 'ok' } });
  });

  it('says storage is unreachable while it does not answer, and logs it once', async () => {
    await azurite!.stop();
    azurite = undefined;
    const down = await eventually(async () => {
      const reply = await health();
      return reply.status === 200 ? undefined : reply;
    }, 15_000, '/healthz to notice');
    expect(down).toEqual({ status: 503, body: { status: 'unavailable', storage: 'unreachable', message: 'Table storage does not answer.' } });
    expect((await health()).status).toBe(503);
    expect(events().filter((event) => event === 'storage_unreachable')).toHaveLength(1);
  });

  it('is ok again once storage answers again', async () => {
    azurite = await startEmbeddedAzurite({ dataDir, port });
    await eventually(async () => ((await health()).status === 200 ? true : undefined), 15_000, '/healthz to recover');
    expect(events()).toContain('storage_reachable_again');
  });
});
