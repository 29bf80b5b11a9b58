import { loadConfig } from '../../bot/config/loadConfig';
import { startService, type RunningService } from '../../bot/service';
import { createLogger } from '../../bot/logger';
import { testConnectionString, uniqueTablePrefix } from './suiteAzurite';

export const TEST_HMAC_KEY = 'test-respondent-key-0123456789abcdef0123456789';

/**
 * The real service, in-process, on an ephemeral loopback port, against the suite's Azurite.
 * `logLines` collects its warnings and errors (JSON lines), for tests of what an operator reads;
 * `logLevel` 'info' collects its info lines too. `now`: the service's clock (its due work's times included);
 * `dueWorkMaxHideSeconds`: a due job's longest hiding at once (a job due in a year then comes when the clock jumps).
 */
export async function startTestService(
  env: Record<string, string> = {},
  options: { logLines?: string[]; logLevel?: 'info' | 'warn'; now?: () => Date; dueWorkMaxHideSeconds?: number } = {},
): Promise<RunningService> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    TABLES_CONNECTION_STRING: testConnectionString(),
    TABLES_PREFIX: uniqueTablePrefix(),
    RESPONDENT_HMAC_KEY: TEST_HMAC_KEY,
    CARD_UPDATE_DELAY_MS: '50',
    ROUND_CACHE_MS: '100',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const { logLines } = options;
  const logger = logLines ? createLogger(options.logLevel ?? 'warn', (line) => void logLines.push(line)) : createLogger(config.logLevel);
  return startService(config, { logger, ...(options.now ? { now: options.now } : {}), ...(options.dueWorkMaxHideSeconds === undefined ? {} : { dueWorkMaxHideSeconds: options.dueWorkMaxHideSeconds }) });
}

export interface BotReply {
  status: number;
  body: unknown;
  text: string;
}

export async function postToBot(service: { url: string }, body: unknown, headers: Record<string, string> = {}): Promise<BotReply> {
  const response = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, text };
}
