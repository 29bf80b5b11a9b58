import { CONDITIONS } from '../../bot/domain/conditions';
import { ERROR_CODES } from '../../bot/domain/errors';
import { respondentIdFor } from '../../bot/domain/respondent';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { buttonWithVerb, cardOf, cardText, executeActions, inputValues } from '../support/cardText';
import type { FakeConnector } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { cardAction, OTHER_TEAM, PEOPLE, person, personalMessage, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, TEST_HMAC_KEY } from '../support/testService';

/**
 * Issue 10, "Answering in one go", one-to-one with the bot, and the checks every answer goes
 * through (membership, tenant). Made-up people.
 */
const lena = person('Lena Fischer', 61);
const mo = person('Mo Farah', 62);
const OTHER_TENANT_ID = '0b9d1f5e-0000-4000-8000-00000000beef';
const TEAMS_CARD_LIMIT = 28 * 1024;

let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const respondent = (who: TestPerson) => respondentIdFor(who.aadObjectId, TEST_HMAC_KEY);
const chatOf = (who: TestPerson) => connector.sentActivities().filter((s) => s.conversationId === `a:personal-${who.aadObjectId}`);
type Press = { verb: string; data: Record<string, unknown> };
const pressInChat = (who: TestPerson, action: Press, inputs: Record<string, unknown> = {}) => send(cardAction(url(), who, action.verb, { ...action.data, ...inputs }, 'personal'));
const ratingsFor = (rating: string) => Object.fromEntries(CONDITIONS.map((c) => [`rating-${c.id}`, rating]));
const openButton = { verb: VERBS.openOneGo, data: () => ({ teamId: TEAM.id, roundId }) };

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: [PEOPLE.champion, lena] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('answering in one go in chat', () => {
  let form: unknown;

  it('offers every condition in one go from the first card "audit" brings, on a form in its place', async () => {
    await send(personalMessage(url(), lena, 'audit'));
    const first = cardOf(chatOf(lena).at(-1)?.activity);
    expect(cardText(first)).toContain('Condition 1 of 12');
    const answerAll = buttonWithVerb(first, VERBS.openOneGo);
    expect(answerAll).toMatchObject({ title: 'Answer all 12 in one go' });

    form = cardOf((await pressInChat(lena, answerAll)).body);

    expect([...cardText(form).matchAll(/^Condition (\d+) of 12$/gm)].map((m) => Number(m[1]))).toEqual(CONDITIONS.map((c) => c.number));
    expect(inputValues(form)).toEqual({}); // no level known for her yet: the form asks
  });

  it('records all twelve in chat, says every condition is answered, and sends no further card', async () => {
    await service.settled();
    const sentBefore = connector.sentActivities().length;
    const reply = await pressInChat(lena, buttonWithVerb(form, VERBS.answerAll), { level: 'business-support', ...ratingsFor('mostly'), 'comment-C08': 'Our administrators are skilled.' });
    await service.settled();

    const done = cardOf(reply.body);
    expect(cardText(done)).toContain('Audit round 1: you have answered every condition');
    expect(cardText(done)).toContain('Recorded: 12 answers, as Business support / administrator');
    const stored = await service.services.answers.answersOf(roundId, respondent(lena));
    expect(stored.map((a) => [a.conditionId, a.rating, a.level, a.via])).toEqual(CONDITIONS.map((c) => [c.id, 'mostly', 'business-support', 'chat']));
    expect(stored.find((a) => a.conditionId === 'C08')?.comment).toBe('Our administrators are skilled.');
    // Only the shared cards' counts: no next condition follows in the chat.
    expect(connector.sentActivities()).toHaveLength(sentBefore);
  });

  it('says so when everything is answered, and "My answers" lists them to change', async () => {
    const again = cardOf((await pressInChat(lena, { verb: openButton.verb, data: openButton.data() })).body);
    expect(cardText(again)).toContain('Audit round 1: you have answered every condition');
    expect(cardText(again)).not.toContain('Recorded');

    const list = cardOf((await pressInChat(lena, buttonWithVerb(again, VERBS.roundAnswers))).body);
    expect(cardText(list)).toContain(`${TEAM.name}, round 1\n1. Systems aligned across agencies\nMostly in place, as Business support / administrator`);
    expect(executeActions(list).map((a) => a.title)).toEqual(CONDITIONS.map((c) => `Change answer ${c.number}`));
  });
});

describe('who may answer in one go', () => {
  it('refuses someone who is not in the team, in chat and from another team\'s channel, and records nothing', async () => {
    const inChat = await pressInChat(mo, { verb: openButton.verb, data: openButton.data() });
    expect(cardText(cardOf(inChat.body))).toBe(ERROR_CODES.NOT_A_TEAM_MEMBER.message);
    const fromOtherChannel = await send(cardAction(url(), mo, VERBS.answerAll, { teamId: TEAM.id, roundId, conditionIds: 'C01 C02', level: 'volunteer', 'rating-C01': 'fully' }, 'channel', OTHER_TEAM));
    expect(cardText(cardOf(fromOtherChannel.body))).toBe(ERROR_CODES.NOT_A_TEAM_MEMBER.message);
    expect(await service.services.answers.answersOf(roundId, respondent(mo))).toEqual([]);
  });

  it("refuses a submit from another organisation, with the form and everything typed in it, and records nothing", async () => {
    const activity = cardAction(url(), PEOPLE.champion, VERBS.answerAll, { teamId: TEAM.id, roundId, conditionIds: 'C01 C02', level: 'volunteer', 'rating-C01': 'fully', 'comment-C02': 'Kept.' });
    const reply = await send({ ...activity, conversation: { ...(activity.conversation as object), tenantId: OTHER_TENANT_ID }, channelData: { ...(activity.channelData as object), tenant: { id: OTHER_TENANT_ID } } });
    const card = cardOf(reply.body);
    expect(cardText(card)).toContain(ERROR_CODES.OTHER_TENANT.message);
    expect(inputValues(card)).toEqual({ level: 'volunteer', 'rating-C01': 'fully', 'comment-C02': 'Kept.' });
    expect(await service.services.answers.answersOf(roundId, respondent(PEOPLE.champion))).toEqual([]);
  });

  it("answers twelve long comments in any script with a form Teams can show (under its 28 KB), recording nothing unrated", async () => {
    // 5,000 characters each, 3 bytes apiece, past the 1,000 the form allows (a client need not hold to it).
    const comments = Object.fromEntries(CONDITIONS.map((c) => [`comment-${c.id}`, '監督と振り返り。'.repeat(625)]));
    const reply = await pressInChat(PEOPLE.champion, { verb: VERBS.answerAll, data: { teamId: TEAM.id, roundId, conditionIds: CONDITIONS.map((c) => c.id).join(' '), level: 'senior-leader', ...comments } });
    expect(reply.status).toBe(200);
    expect(Buffer.byteLength(JSON.stringify(reply.body))).toBeLessThan(TEAMS_CARD_LIMIT);
    expect(cardText(cardOf(reply.body))).toContain('Nothing was recorded: no condition had a rating.');
    expect(await service.services.answers.answersOf(roundId, respondent(PEOPLE.champion))).toEqual([]);
  });
});
