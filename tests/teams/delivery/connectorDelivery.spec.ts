// The delivery helpers against botbuilder's real ConnectorClient and a real HTTP server.
import type { Activity } from 'botbuilder';
import { createConversationPacer } from '../../../bot/teams/delivery/rateLimiter';
import { httpStatusOf, withRetry } from '../../../bot/teams/delivery/retry';
import { disablePipelineRetries } from '../../../bot/teams/delivery/pipelineRetries';
import { connectorFor } from './anonymousConnector';
import { startFakeConnector, type FakeConnector, type RecordedCall } from '../../support/fakeConnector';

const CHANNEL_THREAD = '19:practice-audit@thread.tacv2;messageid=1700000000000';

let fake: FakeConnector;
beforeAll(async () => {
  fake = await startFakeConnector();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const message = (text: string): Partial<Activity> => ({ type: 'message', text });

test('a 429 with Retry-After is retried by withRetry and the message arrives once', async () => {
  const connector = await connectorFor(fake.serviceUrl, CHANNEL_THREAD);
  expect(disablePipelineRetries(connector)).toBe(true);
  fake.failNext(1, { status: 429, retryAfterSeconds: 1 });
  const seen: unknown[] = [];

  const started = Date.now();
  const sent = await withRetry(() => connector.conversations.sendToConversation(CHANNEL_THREAD, message('hello')), {
    beforeRetry: (_attempt, error) => void seen.push(error),
  });

  expect(sent.id).toBeTruthy();
  expect(seen.map(httpStatusOf)).toEqual([429]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  expect(fake.calls.map((c) => c.status)).toEqual([429, 201]);
  expect(fake.sentActivities()).toEqual([expect.objectContaining({ conversationId: CHANNEL_THREAD, activityId: sent.id })]);
});

test("botbuilder's RestError for a 429 carries the status and Retry-After where withRetry reads them", async () => {
  const connector = await connectorFor(fake.serviceUrl, CHANNEL_THREAD);
  disablePipelineRetries(connector);
  fake.failNext(1, { status: 429, retryAfterSeconds: 3 });

  const error = await connector.conversations.sendToConversation(CHANNEL_THREAD, message('hi')).catch((e: unknown) => e);

  expect(error).toMatchObject({ name: 'RestError', statusCode: 429, code: 'TooManyRequests' });
  const response = (error as { response: { status: number; headers: { get(name: string): string | undefined } } }).response;
  expect(response.status).toBe(429);
  expect(response.headers.get('retry-after')).toBe('3');
});

test("left alone, the connector's own pipeline retries a 429 with Retry-After before withRetry sees it", async () => {
  const connector = await connectorFor(fake.serviceUrl, CHANNEL_THREAD);
  fake.failNext(1, { status: 429, retryAfterSeconds: 0 });
  const seen: unknown[] = [];

  await withRetry(() => connector.conversations.sendToConversation(CHANNEL_THREAD, message('hi')), {
    beforeRetry: (_attempt, error) => void seen.push(error),
  });

  expect(seen).toEqual([]);
  expect(fake.calls.map((c) => c.status)).toEqual([429, 201]);
});

test('20 paced sends to one conversation stay inside the 1 s and 2 s windows', async () => {
  const connector = await connectorFor(fake.serviceUrl, CHANNEL_THREAD);
  const pacer = createConversationPacer();

  const sends = Array.from({ length: 20 }, (_, i) =>
    pacer.schedule(CHANNEL_THREAD, () => connector.conversations.sendToConversation(CHANNEL_THREAD, message(`card ${i}`))),
  );
  await Promise.all(sends);

  const arrivals = fake.sentActivities();
  expect(arrivals.map((a) => a.activity.text)).toEqual(Array.from({ length: 20 }, (_, i) => `card ${i}`));
  expect(busiestWindow(fake.calls, 1_000)).toBeLessThanOrEqual(7);
  expect(busiestWindow(fake.calls, 2_000)).toBeLessThanOrEqual(8);
}, 15_000);

/** Most calls that arrived within any span of `spanMs`. */
function busiestWindow(calls: readonly RecordedCall[], spanMs: number): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + spanMs).length));
}
