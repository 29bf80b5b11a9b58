import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { cardAction, PEOPLE } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/**
 * Invokes the app does not offer (a task module, a message extension, sign-in) and card
 * actions Teams could not have sent are the client's doing, not a fault of ours: each is
 * answered with its status (501 not implemented, 400 bad request) and logged below error
 * level, without a stack, so error-level lines stay the ones an operator must act on.
 */
let connector: FakeConnector;
let service: RunningService;
const lines: string[] = [];

beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService({}, { logLines: lines, logLevel: 'info' });
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

const invoke = (name: string | undefined, value: unknown) => ({ ...cardAction(connector.serviceUrl, PEOPLE.practitioner, VERBS.answer, {}), name, value });
const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('an invoke the app cannot act on', () => {
  it.each([
    ['task/fetch', 'task/fetch', {}, 501],
    ['composeExtension/query', 'composeExtension/query', {}, 501],
    ['signin/verifyState', 'signin/verifyState', {}, 501],
    ['message/submitAction', 'message/submitAction', {}, 501],
    ['an invoke without a name', undefined, {}, 501],
    ['a card action without a value', 'adaptiveCard/action', null, 400],
    ['a card action whose action is null', 'adaptiveCard/action', { action: null }, 400],
    ['a card action whose action is not an object', 'adaptiveCard/action', { action: 'close' }, 400],
  ])('%s is answered with its status and logged as the client’s input, not as our fault', async (_case, name, value, status) => {
    lines.length = 0;
    const reply = await postToBot(service, invoke(name, value));
    await service.settled();
    expect(reply.status).toBe(status);
    expect(reply.text).not.toMatch(/TypeError|stack|at \w+ \(/);
    const entries = logged();
    expect(entries.filter((entry) => entry.level === 'error').map((entry) => entry.event)).toEqual([]);
    const noted = entries.filter((entry) => entry.status === status);
    expect(noted.map((entry) => entry.level)).toEqual([expect.stringMatching(/^(info|warn)$/)]);
    expect(JSON.stringify(noted)).not.toMatch(/"stack"/);
  });
});
