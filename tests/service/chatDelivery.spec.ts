import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText } from '../support/cardText';
import { startFakeConnector, type FakeConnector, type RecordedCall } from '../support/fakeConnector';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, cardAction, installedInTeam, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * Issue 8, item 8: an answer in chat is answered at once from what was stored; the next
 * condition follows after the turn, and a redelivered invoke sends it only once.
 */
let connector: FakeConnector;
let service: RunningService;
let otherInstance: RunningService;
let roundId = '';
const logLines: string[] = [];
const url = () => connector.serviceUrl;
const chatOf = (p: TestPerson) => `a:personal-${p.aadObjectId}`;
const isPostInto = (conversationId: string) => (call: RecordedCall) => call.method === 'POST' && call.conversationId === conversationId;
const cardsSentTo = (p: TestPerson) => connector.sentActivities().filter((s) => s.conversationId === chatOf(p)).map((s) => cardText(cardOf(s.activity)));
const answerInChat = (p: TestPerson, conditionId: string) =>
  cardAction(url(), p, VERBS.answer, { roundId, teamId: TEAM.id, conditionId, via: 'chat', rating: 'partly', level: 'practitioner', comment: 'From chat' }, 'personal');

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager, PEOPLE.leader].map(asRosterMember));
  const shared = { TABLES_PREFIX: uniqueTablePrefix() };
  service = await startTestService(shared, { logLines });
  otherInstance = await startTestService(shared);
  await postToBot(service, installedInTeam(url(), PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
  roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
});
afterAll(async () => {
  await Promise.all([service?.stop(), otherInstance?.stop()]);
  await connector?.close();
});

describe('answering in chat when Teams misbehaves', () => {
  it('shows the person their recorded answer when the next card cannot be sent, and logs why', async () => {
    connector.failNext(100, { status: 500, retryAfterSeconds: 0 }, isPostInto(chatOf(PEOPLE.practitioner)));
    const reply = await postToBot(service, answerInChat(PEOPLE.practitioner, 'C01'));
    await service.settled();

    const shown = cardText(cardOf(reply.body));
    expect(shown).toMatch(/Partly in place/);
    expect(shown).not.toMatch(/try again/i);
    expect(await service.services.answers.countForCondition(roundId, 'C01')).toBe(1);
    expect(cardsSentTo(PEOPLE.practitioner)).toEqual([]);
    const failures = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((e) => e.event === 'next_chat_condition_failed');
    expect(failures).toEqual([expect.objectContaining({ roundId, status: 500 })]);
  });

  it('answers the invoke before a slow Teams has taken the next card', async () => {
    connector.reset();
    const slow = connector.slowNext(1, 5_000, isPostInto(chatOf(PEOPLE.manager)));
    const reply = await postToBot(service, answerInChat(PEOPLE.manager, 'C01'));
    const answeredAt = Date.now();
    slow.hurry();
    await service.settled();

    expect(cardText(cardOf(reply.body))).toMatch(/Partly in place/);
    const nextCardPost = connector.calls.find(isPostInto(chatOf(PEOPLE.manager)))!;
    expect(nextCardPost.answeredAt).toBeGreaterThanOrEqual(answeredAt);
    expect(cardsSentTo(PEOPLE.manager)).toEqual([expect.stringMatching(/^Condition 2 of 12/)]);
  });

  it('sends the next card once when Teams delivers the same invoke twice, to either instance', async () => {
    connector.reset();
    const invoke = answerInChat(PEOPLE.leader, 'C01');
    const first = await postToBot(service, invoke);
    const again = await postToBot(otherInstance, invoke);
    await Promise.all([service.settled(), otherInstance.settled()]);

    expect(cardText(cardOf(first.body))).toMatch(/Partly in place/);
    expect(cardText(cardOf(again.body))).toMatch(/Partly in place/);
    expect(await service.services.answers.countForCondition(roundId, 'C01')).toBe(3);
    expect(cardsSentTo(PEOPLE.leader)).toEqual([expect.stringMatching(/^Condition 2 of 12/)]);
  });
});
