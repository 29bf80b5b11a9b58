// Pacing and retries in the connector's pipeline, against botbuilder's real ConnectorClient
// and CloudAdapter, and a real HTTP server playing Teams.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { createTeamsDelivery, conversationSentTo, isRosterRead } from '../../../bot/teams/botbuilder/connectorPipeline';
import { disablePipelineRetries } from '../../../bot/teams/botbuilder/pipelineRetries';
import { connectorFor } from './anonymousConnector';
import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';
import { mostWithin } from '../../support/fakeConnector/recordedCalls';

const CHANNEL = '19:practice-audit@thread.tacv2';
const CHANNEL_THREAD = `${CHANNEL};messageid=1700000000000`;

let fake: FakeConnector;
beforeAll(async () => {
  fake = await startFakeConnector();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const message = (text: string): Partial<Activity> => ({ type: 'message', text });
const arrivals = () => fake.calls.map((call) => call.at);

/** A connector client as a turn gets it, with the delivery policies installed. */
async function pacedConnector(delivery = createTeamsDelivery(), conversationId = CHANNEL_THREAD) {
  const connector = await connectorFor(fake.serviceUrl, conversationId);
  expect(delivery.install(connector)).toBe(true);
  return connector;
}

test('a 429 with Retry-After is retried after it, and the message arrives once', async () => {
  const connector = await pacedConnector();
  fake.failNext(1, { status: 429, retryAfterSeconds: 1 });

  const sent = await connector.conversations.sendToConversation(CHANNEL_THREAD, message('hello'));

  expect(sent.id).toBeTruthy();
  expect(fake.calls.map((c) => c.status)).toEqual([429, 201]);
  expect(fake.calls[1]!.at - fake.calls[0]!.answeredAt).toBeGreaterThanOrEqual(990);
  expect(fake.sentActivities()).toEqual([expect.objectContaining({ conversationId: CHANNEL_THREAD, activityId: sent.id })]);
});

test('a 500 is retried like 502-504 (issue 8: one 500 stopped a round\'s cards)', async () => {
  const connector = await pacedConnector();
  fake.failNext(1, { status: 500 });

  const sent = await connector.conversations.sendToConversation(CHANNEL_THREAD, message('card'));

  expect(sent.id).toBeTruthy();
  expect(fake.calls.map((c) => c.status)).toEqual([500, 201]);
});

test('a failure that persists is given up after five tries, with its status and code', async () => {
  const connector = await pacedConnector();
  fake.failNext(10, { status: 500, retryAfterSeconds: 0 });

  const error = await connector.conversations.sendToConversation(CHANNEL_THREAD, message('card')).catch((e: unknown) => e);

  expect(error).toMatchObject({ name: 'RestError', statusCode: 500, code: 'InternalServerError' });
  expect(fake.calls).toHaveLength(5);
});

test('a real answer (404 on an update of a deleted post) is not retried', async () => {
  const connector = await pacedConnector();

  const error = await connector.conversations.updateActivity(CHANNEL_THREAD, '42', { ...message('closed'), id: '42' }).catch((e: unknown) => e);

  expect(error).toMatchObject({ statusCode: 404, code: 'ActivityNotFoundInConversation' });
  expect(fake.calls).toHaveLength(1);
});

test("botbuilder's RestError for a 429 carries the status and Retry-After where the strategy reads them", async () => {
  const connector = await connectorFor(fake.serviceUrl, CHANNEL_THREAD);
  disablePipelineRetries(connector);
  fake.failNext(1, { status: 429, retryAfterSeconds: 3 });

  const error = await connector.conversations.sendToConversation(CHANNEL_THREAD, message('hi')).catch((e: unknown) => e);

  expect(error).toMatchObject({ name: 'RestError', statusCode: 429, code: 'TooManyRequests' });
  const response = (error as { response: { status: number; headers: { get(name: string): string | undefined } } }).response;
  expect(response.status).toBe(429);
  expect(response.headers.get('retry-after')).toBe('3');
});

test("left alone, the connector's own pipeline retries on its own: that is why it is replaced", async () => {
  const connector = await connectorFor(fake.serviceUrl, CHANNEL_THREAD);
  fake.failNext(1, { status: 429, retryAfterSeconds: 0 });

  await connector.conversations.sendToConversation(CHANNEL_THREAD, message('hi'));

  expect(fake.calls.map((c) => c.status)).toEqual([429, 201]);
});

test('20 sends to one conversation stay inside the 1 s and 2 s windows, in order', async () => {
  const connector = await pacedConnector();

  await Promise.all(Array.from({ length: 20 }, (_, i) => connector.conversations.sendToConversation(CHANNEL_THREAD, message(`card ${i}`))));

  expect(fake.sentActivities().map((a) => a.activity.text)).toEqual(Array.from({ length: 20 }, (_, i) => `card ${i}`));
  expect(mostWithin(arrivals(), 1_000)).toBeLessThanOrEqual(7);
  expect(mostWithin(arrivals(), 2_000)).toBeLessThanOrEqual(8);
}, 15_000);

test('sends from different turns into one channel share its windows, whichever thread they name', async () => {
  const delivery = createTeamsDelivery();
  const welcomeTurn = await pacedConnector(delivery, CHANNEL);
  const publisherTurn = await pacedConnector(delivery, CHANNEL_THREAD);

  await Promise.all([
    ...Array.from({ length: 5 }, (_, i) => welcomeTurn.conversations.sendToConversation(CHANNEL, message(`reply ${i}`))),
    ...Array.from({ length: 9 }, (_, i) => publisherTurn.conversations.replyToActivity(CHANNEL_THREAD, '1700000000000', message(`card ${i}`))),
  ]);

  expect(fake.sentActivities()).toHaveLength(14);
  expect(mostWithin(arrivals(), 1_000)).toBeLessThanOrEqual(7);
  expect(mostWithin(arrivals(), 2_000)).toBeLessThanOrEqual(8);
}, 15_000);

/**
 * A clock for the conversation's pacing that moves only when the pacing sleeps or an app-wide
 * slot takes its time (`slowSlots`: how long each app-wide slot, in the order asked for, keeps
 * its request waiting; the rest take none), and when each request left for Teams: when its
 * app-wide slot was given, on that clock. The limits policy passes the request on at once.
 */
function clockedDelivery(slowSlots: number[], conversations: { windows?: Array<{ limit: number; perMs: number }>; marginMs?: number } = {}) {
  let now = 0;
  const left: number[] = [];
  const delivery = createTeamsDelivery({
    conversations: { ...conversations, now: () => now, sleep: async (ms) => void (now += ms) },
    appSlots: {
      takeSlot: async () => {
        now += slowSlots.shift() ?? 0;
        left.push(now);
      },
    },
  });
  return { delivery, left };
}

test("a send is counted in its conversation's windows when it leaves, after its app-wide slot, not when the windows let it through", async () => {
  // The first app-wide slot keeps its send waiting 400 ms (a busy app, a slow shared schedule); the rest are free at once.
  const { delivery, left } = clockedDelivery([400]);
  const connector = await pacedConnector(delivery);

  await Promise.all(Array.from({ length: 9 }, (_, i) => connector.conversations.sendToConversation(CHANNEL_THREAD, message(`card ${i}`))));

  expect(fake.sentActivities().map((a) => a.activity.text)).toEqual(Array.from({ length: 9 }, (_, i) => `card ${i}`));
  expect(left).toHaveLength(9);
  expect(mostWithin(left, 1_000)).toBeLessThanOrEqual(7);
  expect(mostWithin(left, 2_000)).toBeLessThanOrEqual(8);
  expect(left[8]! - left[0]!).toBeGreaterThanOrEqual(2_050);
});

test("a retry is counted in its conversation's windows when it leaves, after its own app-wide slot", async () => {
  // One send a second: the first send fails (500) and its retry's app-wide slot keeps it waiting 400 ms.
  const { delivery, left } = clockedDelivery([0, 400], { windows: [{ limit: 1, perMs: 1_000 }], marginMs: 0 });
  const connector = await pacedConnector(delivery);
  fake.failNext(1, { status: 500, retryAfterSeconds: 0 });

  await connector.conversations.sendToConversation(CHANNEL_THREAD, message('card 1'));
  await connector.conversations.sendToConversation(CHANNEL_THREAD, message('card 2'));

  expect(fake.calls.map((c) => c.status)).toEqual([500, 201, 201]);
  expect(left).toEqual([0, 1_400, 2_400]);
});

test('every call counts against the app-wide 50 a second, across conversations', async () => {
  const delivery = createTeamsDelivery();
  const connector = await pacedConnector(delivery);

  await Promise.all(Array.from({ length: 60 }, (_, i) => connector.conversations.sendToConversation(`a:chat-${i}`, message('next condition'))));

  expect(fake.sentActivities()).toHaveLength(60);
  expect(mostWithin(arrivals(), 1_000)).toBeLessThanOrEqual(50);
});

test("roster reads keep to Teams' 14 a second, however many pages are asked for at once", async () => {
  fake.setRoster(CHANNEL, Array.from({ length: 30 }, (_, i) => ({ id: `29:member-${i}`, name: `Member ${i}`, aadObjectId: `aad-${i}` })));
  const connector = await pacedConnector();

  const pages = await Promise.all(Array.from({ length: 30 }, (_, i) => connector.conversations.getConversationPagedMembers(CHANNEL, { pageSize: 1, continuationToken: String(i) })));

  expect(pages.flatMap((page) => page.members ?? [])).toHaveLength(30);
  expect(fake.calls.every((c) => c.path.endsWith('/pagedmembers'))).toBe(true);
  expect(fake.mostCallsInAnySecond()).toBeLessThanOrEqual(14);
}, 15_000);

test('the middleware installs pacing in proactive turns as in incoming ones', async () => {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.use(createTeamsDelivery().middleware);
  let policies: string[] = [];
  const reference = { serviceUrl: fake.serviceUrl, channelId: 'msteams', conversation: { id: CHANNEL_THREAD, isGroup: true, conversationType: 'channel', name: '' } };

  await adapter.continueConversationAsync('', reference, async (context) => {
    const client = context.turnState.get<{ client: { pipeline: { getOrderedPolicies(): Array<{ name: string }> } } }>(context.adapter.ConnectorClientKey);
    policies = client.client.pipeline.getOrderedPolicies().map((p) => p.name);
  });

  expect(policies).toEqual(expect.arrayContaining(['practiceAuditConversationOrder', 'practiceAuditRetry', 'practiceAuditRateLimits']));
  expect(policies).not.toContain('defaultRetryPolicy');
});

test('only activity sends, replies, updates and deletes count against a conversation', () => {
  const url = (path: string) => `https://smba.trafficmanager.net/amer${path}`;
  const thread = encodeURIComponent(CHANNEL_THREAD);
  expect(conversationSentTo({ method: 'POST', url: url(`/v3/conversations/${thread}/activities`) })).toBe(CHANNEL);
  expect(conversationSentTo({ method: 'PUT', url: url(`/v3/conversations/${thread}/activities/17`) })).toBe(CHANNEL);
  expect(conversationSentTo({ method: 'POST', url: url('/v3/conversations/a%3Achat-1/activities/17') })).toBe('a:chat-1');
  expect(conversationSentTo({ method: 'GET', url: url(`/v3/conversations/${thread}/pagedmembers`) })).toBeUndefined();
  expect(conversationSentTo({ method: 'POST', url: url('/v3/conversations') })).toBeUndefined();
});

test('reads of a roster (a member, a page of members) are told apart from other calls', () => {
  const url = (path: string) => `https://smba.trafficmanager.net/amer${path}`;
  const team = encodeURIComponent(CHANNEL);
  expect(isRosterRead({ method: 'GET', url: url(`/v3/conversations/${team}/pagedmembers?pageSize=500`) })).toBe(true);
  expect(isRosterRead({ method: 'GET', url: url(`/v3/conversations/${team}/members/29%3Auser-1`) })).toBe(true);
  expect(isRosterRead({ method: 'GET', url: url(`/v3/conversations/${team}/members`) })).toBe(true);
  expect(isRosterRead({ method: 'POST', url: url(`/v3/conversations/${team}/activities`) })).toBe(false);
  expect(isRosterRead({ method: 'GET', url: url(`/v3/teams/${team}/conversations`) })).toBe(false);
});
