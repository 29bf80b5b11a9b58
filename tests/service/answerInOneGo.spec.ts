import { CONDITIONS } from '../../bot/domain/conditions';
import { ERROR_CODES } from '../../bot/domain/errors';
import { respondentIdFor } from '../../bot/domain/respondent';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { buttonWithVerb, cardOf, cardText, executeActions, inputValues } from '../support/cardText';
import { closeTheRound } from '../support/closeRound';
import type { FakeConnector } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { cardAction, channelCommand, PEOPLE, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, TEST_HMAC_KEY } from '../support/testService';

/**
 * Issue 10, "Answering in one go", in a team channel: the round's intro card opens, for whoever
 * presses it, every condition they have not answered on one form; its answers count exactly as the
 * cards' do. The real service, Azurite, and the fake connector. Made-up people.
 */
const grace = person('Grace Adeyemi', 51);
const hamid = person('Hamid Rahimi', 52);
const ines = person('Ines Duarte', 53);
const jo = person('Jo Marsh', 54);
const kwame = person('Kwame Asante', 55);

let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const respondent = (who: TestPerson) => respondentIdFor(who.aadObjectId, TEST_HMAC_KEY);
type Press = { verb: string; data: Record<string, unknown> };
const press = (who: TestPerson, action: Press, inputs: Record<string, unknown> = {}) => send(cardAction(url(), who, action.verb, { ...action.data, ...inputs }));
/** The round's intro card in the channel, as posted. */
const introCard = () => cardOf(connector.sentActivities().find((s) => /Audit round 1 is open/.test(cardText(cardOf(s.activity))))?.activity);
const openForm = async (who: TestPerson) => cardOf((await press(who, buttonWithVerb(introCard(), VERBS.openOneGo))).body);
/** What Teams sends for the form: what its inputs hold, with the person's choices (`rating-C02`, `comment-C02`, `level`). */
const submitForm = (who: TestPerson, form: unknown, inputs: Record<string, unknown>) => press(who, buttonWithVerb(form, VERBS.answerAll), { ...inputValues(form), ...inputs });
/** The numbers of the conditions a form lists. */
const listedOn = (form: unknown) => [...cardText(form).matchAll(/^Condition (\d+) of 12$/gm)].map((m) => Number(m[1]));
const sharedCardAction = async (conditionId: 'C01' | 'C03' | 'C04') => {
  const messageId = (await service.services.rounds.get(TEAM.id, roundId))!.conditionMessageIds[conditionId];
  return buttonWithVerb(cardOf(connector.sentActivities().find((s) => s.activityId === messageId)?.activity), VERBS.answer);
};
const answersOf = async (who: TestPerson) => service.services.answers.answersOf(roundId, respondent(who));
const levelsOf = async (who: TestPerson) => (await answersOf(who)).map((a) => `${a.conditionId}:${a.level}`);
const ratingsFor = (rating: string) => Object.fromEntries(CONDITIONS.map((c) => [`rating-${c.id}`, rating]));

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: [PEOPLE.champion, grace, hamid, ines, jo, kwame] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('answering in one go from the round\'s intro card', () => {
  it('opens, for the person alone, a form of exactly the conditions they have not answered, their level filled in', async () => {
    await press(grace, await sharedCardAction('C01'), { rating: 'mostly', level: 'practitioner' });
    await press(grace, await sharedCardAction('C04'), { rating: 'partly', level: 'practitioner' });
    const sentBefore = connector.sentActivities().length;

    const form = await openForm(grace);

    expect(listedOn(form)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(cardText(form)).toContain('The 10 conditions you have not answered yet.');
    expect(inputValues(form)).toEqual({ level: 'practitioner' });
    // An invoke response, seen by the person who pressed: nothing was posted in the channel.
    expect(connector.sentActivities()).toHaveLength(sentBefore);
  });

  it('records each condition rated exactly as its card would: the same rows, the same counts on the shared cards and in status', async () => {
    const comments = Object.fromEntries(CONDITIONS.map((c) => [c.id, `About condition ${c.number}.`]));
    for (const c of CONDITIONS) {
      const messageId = (await service.services.rounds.get(TEAM.id, roundId))!.conditionMessageIds[c.id];
      const card = cardOf(connector.sentActivities().find((s) => s.activityId === messageId)?.activity);
      await press(hamid, buttonWithVerb(card, VERBS.answer), { rating: 'fully', level: 'supervisor', comment: comments[c.id] });
    }
    const form = await openForm(ines);
    const reply = await submitForm(ines, form, { level: 'supervisor', ...ratingsFor('fully'), ...Object.fromEntries(CONDITIONS.map((c) => [`comment-${c.id}`, comments[c.id]])) });
    await service.settled();

    const shape = async (who: TestPerson) => (await answersOf(who)).map(({ conditionId, rating, level, comment, via }) => ({ conditionId, rating, level, comment, via }));
    expect(await shape(ines)).toEqual(await shape(hamid));
    expect(await shape(ines)).toHaveLength(12);
    // What leaders' summary reads, and what participation counts.
    const rated = await service.services.answers.ratedAnswers(roundId);
    const strip = (who: TestPerson) => rated.filter((a) => a.respondentId === respondent(who)).map(({ conditionId, level, rating, comment }) => ({ conditionId, level, rating, comment })).sort((a, b) => a.conditionId.localeCompare(b.conditionId));
    expect(strip(ines)).toEqual(strip(hamid));
    const round = (await service.services.rounds.get(TEAM.id, roundId))!;
    for (const c of CONDITIONS) {
      const lastUpdate = connector.updates().filter((u) => u.activityId === round.conditionMessageIds[c.id]).at(-1);
      const expected = c.id === 'C01' || c.id === 'C04' ? '3 people have answered' : '2 people have answered';
      expect(cardText(cardOf(lastUpdate?.body))).toContain(expected);
    }
    await send(channelCommand(url(), PEOPLE.champion, 'status'));
    const status = cardText(cardOf(connector.sentActivities().at(-1)?.activity));
    expect(status).toContain('3 people have answered at least one condition.');
    expect(status).toMatch(/^2\. Leadership at all levels\n2 of 6 \(33%\)$/m);

    const done = cardOf(reply.body);
    expect(cardText(done)).toContain('Audit round 1: you have answered every condition');
    expect(cardText(done)).toContain('Recorded: 12 answers, as Practice supervisor / team manager');
    expect(executeActions(done).map((a) => a.title)).toEqual(['My answers']);
  });

  it('takes a partial submit: records what has a rating, refuses a comment too long under its field, and lists only what is left', async () => {
    const tooLong = 'Supervision happens but rarely reflects. '.repeat(30);
    const reply = await submitForm(grace, await openForm(grace), {
      'rating-C02': 'partly', 'rating-C03': 'dont-know',
      'rating-C05': 'mostly', 'comment-C05': tooLong,
      'comment-C06': 'No rating yet: I need to ask my manager.',
    });
    const form = cardOf(reply.body);

    expect(await levelsOf(grace)).toEqual(['C01:practitioner', 'C02:practitioner', 'C03:practitioner', 'C04:practitioner']);
    expect(cardText(form)).toMatch(/Recorded: 2 answers, as Practitioner\n2\. Leadership at all levels\nPartly in place\n3\. A clear model of good practice\nDon't know/);
    expect(listedOn(form)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(cardText(form)).toMatch(/Why\? Condition 5 \(optional\)\nWhat makes you say that\?\nYour comment is 1,229 characters; the limit is 1,000\. Please shorten it and submit again\./);
    expect(cardText(form)).toContain('One condition was not recorded: the reason is under it.');
    // Everything typed is kept (the long comment up to the limit, and said to be cut).
    expect(inputValues(form)).toMatchObject({ level: 'practitioner', 'rating-C05': 'mostly', 'comment-C05': tooLong.slice(0, 1000), 'comment-C06': 'No rating yet: I need to ask my manager.' });
    expect(cardText(form)).toContain('Your comment was cut to the limit of 1,000 characters');
  });

  it('says so when nothing had a rating, and records nothing', async () => {
    const reply = await submitForm(grace, await openForm(grace), { 'comment-C07': 'Thinking about it.' });
    expect(cardText(cardOf(reply.body))).toContain('Nothing was recorded: no condition had a rating.');
    expect(await answersOf(grace)).toHaveLength(4);
  });

  it('keeps one level per person per round: a level changed on the form moves their earlier answers with it', async () => {
    const reply = await submitForm(grace, await openForm(grace), { level: 'supervisor', 'rating-C06': 'fully' });
    expect(cardText(cardOf(reply.body))).toContain('Your level in this audit round is now Practice supervisor / team manager: your 4 other answers in this round moved with it.');
    expect(await levelsOf(grace)).toEqual(['C01:supervisor', 'C02:supervisor', 'C03:supervisor', 'C04:supervisor', 'C06:supervisor']);
  });

  it('refuses a different level by the level field when the form showed none, recording nothing; submitting it again is the change', async () => {
    const form = await openForm(jo);
    expect(inputValues(form)).toEqual({});
    await press(jo, await sharedCardAction('C01'), { rating: 'partly', level: 'practitioner' }); // meanwhile, on a card
    const refused = cardOf((await submitForm(jo, form, { level: 'volunteer', 'rating-C02': 'mostly', 'comment-C02': 'Kept.' })).body);

    expect(cardText(refused)).toMatch(/^Your level \(for all your answers in this round\)\n[^]*\nYou gave your level as Practitioner in this audit round/m);
    expect(inputValues(refused)).toMatchObject({ level: 'volunteer', 'rating-C02': 'mostly', 'comment-C02': 'Kept.' });
    expect(await levelsOf(jo)).toEqual(['C01:practitioner']);

    const again = cardOf((await submitForm(jo, refused, {})).body);
    expect(cardText(again)).toContain('your other answer in this round moved with it');
    expect(await levelsOf(jo)).toEqual(['C01:volunteer', 'C02:volunteer']);
  });

  it('writes nothing twice when Teams delivers a submit again: every count stays, and a later change stands', async () => {
    const kwameForm = await openForm(kwame);
    const submit = { ...cardAction(url(), kwame, VERBS.answerAll, { ...buttonWithVerb(kwameForm, VERBS.answerAll).data, level: 'partner-agency', ...ratingsFor('partly') }), timestamp: '2026-11-29T10:00:00.000Z' };
    expect((await send(submit)).status).toBe(200);
    await service.settled();
    // He changes condition 3 on his own view, later.
    const own = cardOf((await press(kwame, { verb: VERBS.myAnswer, data: (await sharedCardAction('C03')).data })).body);
    await send({ ...cardAction(url(), kwame, VERBS.answer, { ...buttonWithVerb(own, VERBS.answer).data, ...inputValues(own), rating: 'fully' }), timestamp: '2026-11-29T10:00:30.000Z' });
    await service.settled();
    const counts = async () => Promise.all(CONDITIONS.map((c) => service.services.answers.countForCondition(roundId, c.id)));
    const [countsBefore, updatesBefore] = [await counts(), connector.updates().length];

    const redelivered = await send(submit); // the same activity: same id, same timestamp
    await service.settled();

    expect(redelivered.status).toBe(200);
    expect(await counts()).toEqual(countsBefore);
    expect(connector.updates()).toHaveLength(updatesBefore);
    expect((await answersOf(kwame)).map((a) => a.rating)).toEqual(CONDITIONS.map((c) => (c.id === 'C03' ? 'fully' : 'partly')));
  });

  it('refuses, with the usual notice, once the round has closed', async () => {
    const form = await openForm(PEOPLE.champion);
    await closeTheRound(service, connector, PEOPLE.champion);
    await service.settled();

    const submitted = await submitForm(PEOPLE.champion, form, { level: 'senior-leader', ...ratingsFor('mostly') });
    expect(cardText(cardOf(submitted.body))).toBe(ERROR_CODES.ROUND_CLOSED.message);
    expect(await answersOf(PEOPLE.champion)).toEqual([]);
    expect(cardText(await openForm(PEOPLE.champion))).toBe(ERROR_CODES.ROUND_CLOSED.message);
  });
});
