import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { cardAction, channelCommand, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/** What anyone on the network can send us gets a clear status, never our internals. */
const LEAKS = /stack|at \w+ \(|SyntaxError|Unexpected token|TypeError|node_modules|\.ts:\d+|ZodError/;

let connector: FakeConnector;
let service: RunningService;
beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService({ MAX_REQUEST_BYTES: '65536' });
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('the HTTP edge', () => {
  it('answers health checks', async () => {
    const response = await fetch(`${service.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'ok' });
  });

  it('answers malformed JSON with 400 and no parser detail', async () => {
    const reply = await postToBot(service, '{"type": "message", "text": ');
    expect(reply.status).toBe(400);
    expect(reply.text).not.toMatch(LEAKS);
    expect(reply.body).toMatchObject({ error: { message: 'The request body is not valid JSON.' } });
  });

  it('answers a body over the limit with 413', async () => {
    const reply = await postToBot(service, { type: 'message', text: 'x'.repeat(70_000) });
    expect(reply.status).toBe(413);
    expect(reply.text).not.toMatch(LEAKS);
  });

  it('answers JSON that is not an activity with 400', async () => {
    for (const body of [{}, [], { type: '' }, { type: 42 }, 'null', { type: 'message', text: 'no sender or conversation' }]) {
      const reply = await postToBot(service, body);
      expect(reply.status).toBe(400);
      expect(reply.text).not.toMatch(LEAKS);
    }
  });

  it('answers an activity whose fields have the wrong types with 400, not 500', async () => {
    const reply = await postToBot(service, { type: 'message', text: 'hi', from: 'not-an-object', conversation: 7, serviceUrl: connector.serviceUrl });
    expect(reply.status).toBe(400);
    expect(reply.text).not.toMatch(LEAKS);
  });

  it('refuses other methods and unknown paths without detail', async () => {
    const get = await fetch(`${service.url}/api/messages`);
    expect(get.status).toBe(405);
    const unknown = await fetch(`${service.url}/api/secrets`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toMatch(LEAKS);
  });

  it('answers an invoke when the connector fails, without leaking the failure', async () => {
    await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
    // As when the bot has been removed from the team: the connector refuses every send.
    connector.failNext(5, { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'internal trace xyz' } } });
    const reply = await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, 'status'));
    expect(reply.status).toBeLessThan(500);
    expect(reply.text).not.toMatch(/internal trace xyz/);
    expect(connector.calls.filter((c) => c.status === 403).length).toBeGreaterThan(0);
  });

  it('answers an unknown card action with an error response and writes nothing', async () => {
    const reply = await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.champion, 'audit.dropTables', { teamId: TEAM.id }));
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'UNKNOWN_ACTION', message: 'That action is not one Practice Audit knows.' } });
    const notExecute = await postToBot(service, { ...cardAction(connector.serviceUrl, PEOPLE.champion, VERBS.answer, {}), value: { action: { type: 'Action.Submit', data: {} } } });
    expect(notExecute.status).toBe(400);
    expect(await service.services.rounds.findOpen(TEAM.id)).toBeUndefined();
  });
});

describe('with bot credentials', () => {
  let secured: RunningService;
  beforeAll(async () => {
    secured = await startTestService({ MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppTenantId: '66666666-7777-4888-8999-000000000000', MicrosoftAppPassword: 'not-a-real-secret', TAB_SSO_AUDIENCE: 'api://audit.example.org/botid-11111111-2222-4333-8444-555555555555' });
  });
  afterAll(async () => secured?.stop());

  it('refuses a request without a valid token with 401 and changes nothing', async () => {
    connector.reset();
    const unsigned = await postToBot(secured, installedInTeam(connector.serviceUrl, PEOPLE.champion));
    expect(unsigned.status).toBe(401);
    const garbage = await postToBot(secured, channelCommand(connector.serviceUrl, PEOPLE.champion, 'start'), { authorization: 'Bearer not.a.jwt' });
    expect(garbage.status).toBe(401);
    for (const reply of [unsigned, garbage]) expect(reply.text).not.toMatch(LEAKS);
    expect(await secured.services.teams.get(TEAM.id)).toBeUndefined();
    expect(connector.calls).toHaveLength(0);
  });
});
