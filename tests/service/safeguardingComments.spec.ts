import { ERROR_CODES } from '../../bot/domain/errors';
import { respondentIdFor } from '../../bot/domain/respondent';
import type { ConditionId } from '../../bot/domain/conditions';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { buttonWithVerb, cardOf, cardText, executeActions, inputValues } from '../support/cardText';
import type { FakeConnector } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { botAddedToPersonalChat, cardAction, person, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, TEST_HMAC_KEY } from '../support/testService';

/**
 * Issue 12, "A comment that should not be in an audit", through the Teams stand-in: on the channel's
 * condition card, the chat's, and the one-go form, a comment that may identify someone or disclose
 * harm to a child comes back on the card with the warning, the organisation's safeguarding contact,
 * the kinds found and "Send anyway"; sent anyway, the answer counts and the comment is held from
 * leaders. The real service, Azurite and the fake connector. Made-up people, numbers and places.
 */
const CONTACT = { text: 'Worried about a child? Ring the MASH duty desk today, or tell your manager.', url: 'https://intranet.example.org/safeguarding' };
const staff = Array.from({ length: 10 }, (_, i) => person(`Staff Member ${i + 1}`, 70 + i));
const [ana, bea, cal, dee, eli, fay] = staff as [TestPerson, TestPerson, TestPerson, TestPerson, TestPerson, TestPerson];

let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const respondent = (who: TestPerson) => respondentIdFor(who.aadObjectId, TEST_HMAC_KEY);
type Press = { verb: string; data: Record<string, unknown> };
const press = (who: TestPerson, action: Press, inputs: Record<string, unknown> = {}, where: 'channel' | 'personal' = 'channel') =>
  send(cardAction(url(), who, action.verb, { ...action.data, ...inputs }, where));
const sharedSubmit = async (conditionId: ConditionId) => {
  const messageId = (await service.services.rounds.get(TEAM.id, roundId))!.conditionMessageIds[conditionId];
  return buttonWithVerb(cardOf(connector.sentActivities().find((s) => s.activityId === messageId)?.activity), VERBS.answer);
};
const button = (card: unknown, title: string): Press => {
  const found = executeActions(card).find((a) => a.title === title);
  if (!found) throw new Error(`No ${title} button on the card:\n${cardText(card)}`);
  return found;
};
/** What Teams sends when a button is pressed: the card's inputs as they stand, with any the person changed. */
const pressOnCard = (who: TestPerson, card: unknown, title: string, changed: Record<string, unknown> = {}, where: 'channel' | 'personal' = 'channel') =>
  press(who, button(card, title), { ...inputValues(card), ...changed }, where);
const stored = (who: TestPerson, conditionId: ConditionId) => service.services.answers.find(roundId, conditionId, respondent(who));
const count = (conditionId: ConditionId) => service.services.answers.countForCondition(roundId, conditionId);

/** The card a comment that may identify someone comes back with, checked as a person reads it. */
function expectWarned(card: unknown, kindWords: string) {
  const text = cardText(card);
  expect(text).toContain(ERROR_CODES.COMMENT_MAY_IDENTIFY.message);
  expect(text).toContain(CONTACT.text);
  expect(JSON.stringify(card)).toContain(`"type":"Action.OpenUrl","title":"Safeguarding procedures","url":"${CONTACT.url}"`);
  expect(text).toContain(`This comment seems to include ${kindWords}.`);
}

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({
    roster: [PEOPLE.champion, ...staff],
    env: { SAFEGUARDING_CONTACT_TEXT: CONTACT.text, SAFEGUARDING_CONTACT_URL: CONTACT.url },
  }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('a comment that may identify someone, on the channel\'s condition card', () => {
  it.each([
    ['a person’s name', 'Jayden Smith has had four social workers this year'],
    ['a case or record number', 'See case number 1234567 for what I mean'],
    ['a date of birth', 'The child (DOB 12/03/2015) waited months'],
    ['an NHS number', 'NHS 943 476 5919 was on the referral'],
    ['a postcode', 'The family live at SW1A 1AA'],
    ['an email address', 'Email sam.jones@example.org.uk for details'],
    ['a telephone number', 'Call me on 07700 900123'],
    ['words that describe harm to a child', 'The boy on my caseload has bruises on his arms'],
  ])('is refused with the warning, the contact and the kind found (%s), nothing recorded and everything typed kept', async (kindWords, comment) => {
    const reply = await press(ana, await sharedSubmit('C01'), { rating: 'partly', level: 'practitioner', comment });
    const card = cardOf(reply.body);

    expectWarned(card, kindWords);
    expect(inputValues(card)).toEqual({ rating: 'partly', level: 'practitioner', comment });
    expect(executeActions(card).map((a) => a.title)).toEqual(['Submit answer', 'Send anyway']);
    expect(button(card, 'Send anyway').data).toMatchObject({ roundId, teamId: TEAM.id, conditionId: 'C01', sendAnyway: true });
    expect(await stored(ana, 'C01')).toBeUndefined();
    expect(await count('C01')).toBe(0);
  });

  it('takes the comment once edited, as an ordinary answer', async () => {
    const refused = cardOf((await press(bea, await sharedSubmit('C02'), { rating: 'mostly', level: 'supervisor', comment: 'Ring Mrs Patel on 07700 900123' })).body);
    const reply = await pressOnCard(bea, refused, 'Submit answer', { comment: 'Supervision happens monthly but is often cancelled' });

    expect(cardText(cardOf(reply.body))).toContain('Your answer: Mostly in place');
    expect(await stored(bea, 'C02')).toMatchObject({ comment: 'Supervision happens monthly but is often cancelled', rating: 'mostly' });
    expect((await stored(bea, 'C02'))?.commentReview).toBeUndefined();
    expect((await service.services.answers.ratedAnswers(roundId)).find((a) => a.respondentId === respondent(bea))?.comment).toBe('Supervision happens monthly but is often cancelled');
  });

  it('takes an ordinary comment straight through', async () => {
    const reply = await press(cal, await sharedSubmit('C02'), { rating: 'partly', level: 'practitioner', comment: 'Will the new model last? Grace and Hope are on the wall, but May was hard.' });
    expect(cardText(cardOf(reply.body))).toContain('Your answer: Partly in place');
    expect((await stored(cal, 'C02'))?.commentReview).toBeUndefined();
  });

  it('sent anyway: the answer counts like any other, and its comment is held from leaders\' reads', async () => {
    const comment = 'Ring Mrs Patel on 07700 900123 about it';
    const refused = cardOf((await press(dee, await sharedSubmit('C03'), { rating: 'not-in-place', level: 'practitioner', comment })).body);
    const reply = await pressOnCard(dee, refused, 'Send anyway');
    await service.settled();

    expect(cardText(cardOf(reply.body))).toContain('Your comment is held back from leaders until a practice champion has checked it. Your answer counts.');
    const answer = await stored(dee, 'C03');
    expect(answer).toMatchObject({ rating: 'not-in-place', level: 'practitioner', comment, commentReview: { state: 'held', concerns: ['name', 'phone'] } });
    expect(answer?.commentReview?.reviewId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(answer?.commentReview?.reviewId).not.toContain(respondent(dee));
    expect(await count('C03')).toBe(1);
    // The shared card's count went up, as for any answer.
    const messageId = (await service.services.rounds.get(TEAM.id, roundId))!.conditionMessageIds.C03;
    expect(cardText(cardOf(connector.updates().filter((u) => u.activityId === messageId).at(-1)?.body))).toContain('1 person has answered');
    // Leaders' reads: the rating counts, the comment is not there.
    const read = (await service.services.answers.ratedAnswers(roundId)).filter((a) => a.conditionId === 'C03');
    expect(read.map(({ rating, level, comment: said }) => ({ rating, level, comment: said }))).toEqual([{ rating: 'not-in-place', level: 'practitioner', comment: '' }]);
    expect(JSON.stringify(await service.services.answers.ratedAnswers(roundId))).not.toContain('07700');
  });

  it('keeps a held comment\'s review when the answer changes but the comment does not, and checks a new comment afresh', async () => {
    const before = (await stored(dee, 'C03'))!.commentReview!;
    const ownView = { verb: VERBS.answer, data: { roundId, teamId: TEAM.id, conditionId: 'C03', via: 'channel', isChange: true, knownLevel: 'practitioner' } };
    const changed = await press(dee, ownView, { rating: 'partly', level: 'practitioner', comment: 'Ring Mrs Patel on 07700 900123 about it' });

    expect(cardText(cardOf(changed.body))).toContain('Your answer: Partly in place');
    expect((await stored(dee, 'C03'))?.commentReview).toEqual(before);
    expect(await count('C03')).toBe(1);

    const refused = cardOf((await press(dee, ownView, { rating: 'partly', level: 'practitioner', comment: 'Olivia Brown (DOB 01/02/2016) is still waiting' })).body);
    expectWarned(refused, 'a person’s name and a date of birth');
    // Sent back as a change of answer, so the card after it is their own view again.
    expect(button(refused, 'Send anyway').data).toMatchObject({ isChange: true, sendAnyway: true });
    expect(await stored(dee, 'C03')).toMatchObject({ comment: 'Ring Mrs Patel on 07700 900123 about it', commentReview: before });
  });
});

describe('in the one-to-one chat', () => {
  it('warns on the chat\'s condition card, and a comment sent anyway is held', async () => {
    await send(botAddedToPersonalChat(url(), eli));
    await service.settled();
    const first = cardOf(connector.sentActivities().filter((s) => s.conversationId === `a:personal-${eli.aadObjectId}`).at(-1)?.activity);
    expect(cardText(first)).toContain('Condition 1 of 12');

    const refused = cardOf((await press(eli, buttonWithVerb(first, VERBS.answer), { rating: 'fully', level: 'volunteer', comment: 'Her dad hit him again last week' }, 'personal')).body);
    expectWarned(refused, 'words that describe harm to a child');
    expect(await stored(eli, 'C01')).toBeUndefined();

    await pressOnCard(eli, refused, 'Send anyway', {}, 'personal');
    expect(await stored(eli, 'C01')).toMatchObject({ via: 'chat', rating: 'fully', commentReview: { state: 'held', concerns: ['harm-to-child'] } });
    expect((await service.services.answers.ratedAnswers(roundId)).filter((a) => a.respondentId === respondent(eli)).map((a) => a.comment)).toEqual(['']);
  });
});

describe('on the one-go form', () => {
  it('records the other conditions, keeps the flagged one on the form with the warning once, and Send anyway holds only that comment', async () => {
    const intro = cardOf(connector.sentActivities().find((s) => /Audit round 1 is open/.test(cardText(cardOf(s.activity))))?.activity);
    const form = cardOf((await press(fay, buttonWithVerb(intro, VERBS.openOneGo))).body);
    const flagged = 'Email sam.jones@example.org.uk, she knows the family at B33 8TH';
    const reply = await pressOnCard(fay, form, 'Submit answers', {
      level: 'supervisor',
      'rating-C04': 'mostly', 'comment-C04': 'Our manager listens',
      'rating-C05': 'partly', 'comment-C05': flagged,
      'rating-C06': 'fully', 'comment-C06': 'Team meetings every Tuesday',
    });
    const back = cardOf(reply.body);

    expect((await service.services.answers.answersOf(roundId, respondent(fay))).map((a) => [a.conditionId, a.comment])).toEqual([['C04', 'Our manager listens'], ['C06', 'Team meetings every Tuesday']]);
    expect(cardText(back).split(ERROR_CODES.COMMENT_MAY_IDENTIFY.message)).toHaveLength(2);
    expectWarned(back, 'a postcode and an email address');
    expect(inputValues(back)).toMatchObject({ level: 'supervisor', 'rating-C05': 'partly', 'comment-C05': flagged });
    expect(executeActions(back).map((a) => a.title)).toEqual(['Submit answers', 'Send anyway']);
    expect(button(back, 'Send anyway').data).toMatchObject({ sendAnyway: 'C05' });

    // Sent anyway, with another condition now rated with a comment the form never warned about: that one is still refused.
    const after = cardOf((await pressOnCard(fay, back, 'Send anyway', { 'rating-C07': 'partly', 'comment-C07': 'Call 07700 900456' })).body);
    expect(await stored(fay, 'C05')).toMatchObject({ rating: 'partly', level: 'supervisor', comment: flagged, commentReview: { state: 'held', concerns: ['postcode', 'email'] } });
    expect(await stored(fay, 'C07')).toBeUndefined();
    expectWarned(after, 'a telephone number');
    expect(button(after, 'Send anyway').data).toMatchObject({ sendAnyway: 'C07' });
    expect(await count('C05')).toBe(1);
    expect((await service.services.answers.ratedAnswers(roundId)).find((a) => a.conditionId === 'C05' && a.respondentId === respondent(fay))?.comment).toBe('');
  });
});
