import type { RunningService } from '../../bot/service';
import { respondentIdFor } from '../../bot/domain/respondent';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions, inputValues } from '../support/cardText';
import type { FakeConnector } from '../support/fakeConnector';
import { asRosterMember, cardAction, channelCommand, OTHER_TEAM, PEOPLE, person, personalMessage, TEAM, type TestPerson } from '../support/teamsActivities';
import { startRoundInTeam } from '../support/roundInTeam';
import { postToBot, TEST_HMAC_KEY } from '../support/testService';

/**
 * Issue 8, items 19 and 20, through the real service: one level per person per round, and a
 * person's own view of a card that the shared card's updates keep replacing. Made-up people.
 */
const grace = person('Grace Adeyemi', 41);
const hamid = person('Hamid Rahimi', 42);
const ines = person('Ines Duarte', 43);

let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const respondent = (who: TestPerson) => respondentIdFor(who.aadObjectId, TEST_HMAC_KEY);
const levelsOf = async (who: TestPerson) =>
  (await service.services.answers.footprints(roundId)).filter((f) => f.respondentId === respondent(who)).map((f) => `${f.conditionId}:${f.level}`).sort();
const press = (who: TestPerson, action: { verb: string; data: Record<string, unknown> }, inputs: Record<string, unknown> = {}, where: 'channel' | 'personal' = 'channel', team = TEAM) =>
  send(cardAction(url(), who, action.verb, { ...action.data, ...inputs }, where, team));
/** The shared card of a condition as the channel shows it now: as posted, or as last updated. */
const sharedCard = async (conditionId: 'C01' | 'C02' | 'C03' | 'C04') => {
  const messageId = (await service.services.rounds.get(TEAM.id, roundId))!.conditionMessageIds[conditionId];
  const updated = connector.updates().filter((u) => u.activityId === messageId).at(-1);
  return cardOf(updated?.body ?? connector.sentActivities().find((s) => s.activityId === messageId)?.activity);
};
const actionOf = (card: unknown, verb: string) => executeActions(card).find((a) => a.verb === verb)!;
const lastCardIn = (who: TestPerson) => cardOf(connector.sentActivities().filter((s) => s.conversationId === `a:personal-${who.aadObjectId}`).at(-1)?.activity);

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: [PEOPLE.champion, grace, hamid, ines] }));
  connector.setRoster(OTHER_TEAM.id, [PEOPLE.champion, ines].map(asRosterMember));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('one level per person per round (item 19)', () => {
  it('refuses a first answer without a level by the level field, keeping what was typed', async () => {
    const reply = await press(grace, actionOf(await sharedCard('C01'), VERBS.answer), { rating: 'mostly', comment: 'Health and police share our aims.' });
    const card = cardOf(reply.body);
    // Read in order: the level field, then the message, then the comment field.
    expect(cardText(card)).toMatch(/Your level\n[^]*\nPlease tell us your level before submitting\.\n[^]*Why\? \(optional, anonymous\)/);
    expect(cardText(card).startsWith('Please tell us your level')).toBe(false);
    expect(inputValues(card)).toMatchObject({ rating: 'mostly', comment: 'Health and police share our aims.' });
    expect(await levelsOf(grace)).toEqual([]);
  });

  it('refuses a different level on the shared card, saying which she gave, and moves nothing', async () => {
    await press(grace, actionOf(await sharedCard('C01'), VERBS.answer), { rating: 'mostly', level: 'practitioner' });
    const reply = await press(grace, actionOf(await sharedCard('C02'), VERBS.answer), { rating: 'fully', level: 'senior-leader', comment: 'Leaders are visible.' });
    const card = cardOf(reply.body);
    expect(cardText(card)).toContain('You gave your level as Practitioner in this audit round');
    expect(inputValues(card)).toMatchObject({ rating: 'fully', level: 'senior-leader', comment: 'Leaders are visible.' });
    expect(await levelsOf(grace)).toEqual(['C01:practitioner']);
  });

  it('changes her level for all her answers in the round when she submits that card again, and says so', async () => {
    const refused = cardOf((await press(grace, actionOf(await sharedCard('C02'), VERBS.answer), { rating: 'fully', level: 'senior-leader' })).body);
    const reply = await press(grace, actionOf(refused, VERBS.answer), inputValues(refused));
    expect(cardText(cardOf(reply.body))).toContain('Your level in this audit round is now Senior leader: your other answer in this round moved with it.');
    expect(await levelsOf(grace)).toEqual(['C01:senior-leader', 'C02:senior-leader']);
  });

  it("keeps an answer's level when she changes it from an older own view, or from a card without a level", async () => {
    // Her C01 view from before the change still shows Practitioner: she changes only the rating.
    const olderView = { verb: VERBS.answer, data: { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', isChange: true, knownLevel: 'practitioner' } };
    await press(grace, olderView, { rating: 'partly', level: 'practitioner' });
    // A card that sends no level at all, while the level remembered for the team says otherwise.
    service.services.levels.remember(TEAM.id, respondent(grace), 'volunteer', new Date().toISOString());
    await press(grace, actionOf(await sharedCard('C03'), VERBS.answer), { rating: 'dont-know' });
    expect(await levelsOf(grace)).toEqual(['C01:senior-leader', 'C02:senior-leader', 'C03:senior-leader']);
    expect(await service.services.answers.find(roundId, 'C01', respondent(grace))).toMatchObject({ rating: 'partly' });
  });

  it('counts her once, at one level, in participation', async () => {
    await service.settled();
    const mine = (await service.services.answers.footprints(roundId)).filter((f) => f.respondentId === respondent(grace));
    expect(new Set(mine.map((f) => f.level))).toEqual(new Set(['senior-leader']));
  });
});

describe("a person's own view of a card in the channel (item 20)", () => {
  it('comes back with "My answer" after the shared count replaced it, filled in from storage', async () => {
    const reply = await press(hamid, actionOf(await sharedCard('C04'), VERBS.answer), { rating: 'mostly', level: 'supervisor', comment: 'Reflective supervision, monthly.' });
    expect(cardText(cardOf(reply.body))).toContain('Your answer: Mostly in place, as Practice supervisor / team manager');
    await service.settled();
    const shared = await sharedCard('C04');
    expect(cardText(shared)).toContain('1 person has answered. Answered already? Press My answer to see or change yours.');
    expect(cardText(shared)).not.toContain('Your answer');

    const own = cardOf((await press(hamid, actionOf(shared, VERBS.myAnswer))).body);
    expect(cardText(own)).toContain('Your answer: Mostly in place, as Practice supervisor / team manager');
    expect(inputValues(own)).toEqual({ rating: 'mostly', level: 'supervisor', comment: 'Reflective supervision, monthly.' });
    expect(executeActions(own).map((a) => a.title)).toEqual(['Change my answer']);

    // Not through `refresh.userIds`: the cards everyone sees say nothing of who has answered.
    const everyoneSees = [...connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).map((s) => s.activity), ...connector.updates().map((u) => u.body)];
    for (const activity of everyoneSees) expect(JSON.stringify(cardOf(activity) ?? {})).not.toMatch(/"refresh"|userIds|29:user|Your answer/);
  });

  it('lets him change only his comment: the rating and level stay as they were', async () => {
    const own = cardOf((await press(hamid, actionOf(await sharedCard('C04'), VERBS.myAnswer))).body);
    const reply = await press(hamid, actionOf(own, VERBS.answer), { ...inputValues(own), comment: 'Reflective supervision, monthly; group sessions too.' });
    expect(cardText(cardOf(reply.body))).toContain('Your answer: Mostly in place, as Practice supervisor / team manager');
    expect(await service.services.answers.find(roundId, 'C04', respondent(hamid))).toMatchObject({ rating: 'mostly', level: 'supervisor', comment: 'Reflective supervision, monthly; group sessions too.' });
    expect(await service.services.answers.countForCondition(roundId, 'C04')).toBe(1);
  });

  it('keeps his own view on screen after a change: the count did not move, so the shared card is not updated over it', async () => {
    const c04 = (await service.services.rounds.get(TEAM.id, roundId))!.conditionMessageIds.C04;
    const updatesOfC04 = () => connector.updates().filter((u) => u.activityId === c04).length;
    const own = cardOf((await press(hamid, actionOf(await sharedCard('C04'), VERBS.myAnswer))).body);
    const before = updatesOfC04();
    await press(hamid, actionOf(own, VERBS.answer), { ...inputValues(own), rating: 'fully' });
    await service.settled();
    expect(updatesOfC04()).toBe(before);
    expect(await service.services.answers.find(roundId, 'C04', respondent(hamid))).toMatchObject({ rating: 'fully' });
    await press(hamid, actionOf(own, VERBS.answer), inputValues(own)); // back as he had it, for the tests after
  });

  it('shows someone who has not answered the condition that they have not, with their level filled in', async () => {
    const own = cardOf((await press(grace, actionOf(await sharedCard('C04'), VERBS.myAnswer))).body);
    expect(cardText(own)).toContain("You haven't answered this condition yet.");
    expect(inputValues(own)).toEqual({ level: 'senior-leader' });
  });

  it("refuses it from another team's channel, and it shows nobody else's answer", async () => {
    const reply = await press(ines, actionOf(await sharedCard('C04'), VERBS.myAnswer), {}, 'channel', OTHER_TEAM);
    expect(cardText(cardOf(reply.body))).toMatch(/only answer audits for teams you belong to/);
    expect(cardText(cardOf(reply.body))).not.toMatch(/Reflective/);
  });

});

describe('"my answers" (item 20)', () => {
  it('lists in chat what a person answered in open rounds, and opens one to change it', async () => {
    await send(personalMessage(url(), hamid, 'my answers'));
    const list = lastCardIn(hamid);
    expect(cardText(list)).toContain(`${TEAM.name}, round 1\n4. Model embedded in training and supervision\nMostly in place, as Practice supervisor / team manager\nReflective supervision, monthly; group sessions too.`);
    const change = executeActions(list).find((a) => a.title === 'Change answer 4')!;
    const own = cardOf((await press(hamid, change, {}, 'personal')).body);
    expect(inputValues(own)).toEqual({ rating: 'mostly', level: 'supervisor', comment: 'Reflective supervision, monthly; group sessions too.' });
    expect(executeActions(own).map((a) => a.data.via)).toEqual(['chat']);
  });

  it('tells someone who has answered nothing how to answer', async () => {
    await send(personalMessage(url(), ines, 'my answers'));
    expect(cardText(lastCardIn(ines))).toBe('You have no answers stored in the audit rounds of your teams. Say "audit" to answer.');
  });

  it('is never listed in the channel', async () => {
    connector.reset();
    await send(channelCommand(url(), hamid, 'my answers'));
    const reply = cardText(cardOf(connector.sentActivities().at(-1)?.activity));
    expect(reply).toContain('Your answers are shown only to you');
    expect(reply).not.toMatch(/Reflective|Mostly in place/);
  });
});
