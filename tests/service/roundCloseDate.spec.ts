import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions, inputValues } from '../support/cardText';
import { closeRoundNow } from '../support/closeRoundNow';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../support/fakeConnector';
import { openRoundCardIn, pressOpenRound } from '../support/startRound';
import { asRosterMember, cardAction, channelCommand, installedInTeam, PEOPLE, personalMessage, TEAM, type TestPerson } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService, type BotReply } from '../support/testService';

/**
 * Issue 10: a round has a close date. `start` asks for it, the round opens on the champion's
 * press, the cards and `status` show it, champions extend it, and no answer is taken from it on.
 * The real service over HTTP, real Azurite, the fake connector as Teams; the service's clock reads
 * 10:00 on Friday 27 November 2026 (UK time, GMT).
 */
const clock = testClock('2026-11-27T10:00:00.000Z');
let connector: FakeConnector;
let service: RunningService;
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const sentSince = (before: number) => connector.sentActivities().slice(before);
const lastSentText = () => cardText(cardOf(connector.sentActivities().at(-1)?.activity));
const openRound = () => service.services.rounds.findOpen(TEAM.id);

/** The card the bot sent last whose buttons include `verb`. */
const cardWith = (verb: string) => connector.sentActivities().filter((s) => executeActions(cardOf(s.activity)).some((a) => a.verb === verb)).at(-1)!;

/** Presses `verb` on a card the bot posted, with its inputs as they are unless `inputs` says otherwise. */
function press(who: TestPerson, sent: SentActivity, verb: string, inputs: Record<string, unknown> = {}): Promise<BotReply> {
  const button = executeActions(cardOf(sent.activity)).find((a) => a.verb === verb)!;
  const data = { ...button.data, ...inputValues(cardOf(sent.activity)), ...inputs };
  return send({ ...cardAction(url(), who, verb, data), replyToId: sent.activityId });
}

/** The card a press was answered with: its text, the date input's value, and the text right under the date. */
function answered(reply: BotReply) {
  const card = cardOf(reply.body);
  const body = (card?.body ?? []) as { type: string; id?: string; text?: string }[];
  const dateAt = body.findIndex((element) => element.type === 'Input.Date');
  return { text: cardText(card), closesOn: inputValues(card).closesOn, underTheDate: dateAt >= 0 ? body[dateAt + 1]?.text : undefined };
}

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager].map(asRosterMember));
  service = await startTestService({}, { now: clock.now });
  await send(installedInTeam(url(), PEOPLE.champion));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

/** The card `start` asked for the close date with. */
let asked: SentActivity;

describe('a round with a close date', () => {
  it('asks the champion for the close date on "start", proposing 14 days from today, and opens nothing yet', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'start'));
    asked = openRoundCardIn(connector.sentActivities())!;
    const card = cardOf(asked.activity);
    expect(cardText(card)).toMatch(/^Open an audit round\nChoose when the round closes: at the end of that day \(midnight, UK time\) it closes by itself/);
    expect(cardText(card)).toContain('Suggested: Friday 11 December 2026, 14 days from today');
    expect(inputValues(card)).toEqual({ closesOn: '2026-12-11' });
    expect(JSON.stringify(card)).toContain('"min":"2026-11-27","max":"2027-02-25"');
    expect(executeActions(card).map((a) => a.title)).toEqual(['Open the round']);
    expect(await openRound()).toBeUndefined();
  });

  it.each([
    ['a day that has passed', '2026-11-26', 'Thursday 26 November 2026 has passed: please choose today or a later day.'],
    ['more than 90 days away', '2027-02-26', 'A round can close at most 90 days from today, by Thursday 25 February 2027.'],
    ['no day', '', 'Please choose the day the round closes.'],
  ])('refuses a close date that is %s, right under the date, and opens nothing', async (_case, closesOn, problem) => {
    const reply = answered(await pressOpenRound(service, connector, PEOPLE.champion, asked, { closesOn }));
    expect(reply.underTheDate).toBe(problem);
    expect(reply.closesOn).toBe(closesOn || undefined);
    expect(await openRound()).toBeUndefined();
  });

  it('refuses someone who is not a champion', async () => {
    const reply = await pressOpenRound(service, connector, PEOPLE.practitioner, asked);
    expect(cardText(cardOf(reply.body))).toMatch(/Only the team's practice champions can do that/);
    expect(await openRound()).toBeUndefined();
  });

  it('opens the round on "Open the round", once, however often it is pressed or Teams delivers the press, and its cards say when it closes', async () => {
    const before = connector.sentActivities().length;
    const press = { ...cardAction(url(), PEOPLE.champion, VERBS.openRound, { ...executeActions(cardOf(asked.activity))[0]!.data, closesOn: '2026-12-11' }), replyToId: asked.activityId };
    const opened = await send(press);
    expect(cardText(cardOf(opened.body))).toBe('Audit round 1 is open\nIt closes at the end of Friday 11 December 2026 (UK time). The twelve conditions are being posted in this channel now.');
    // Teams delivers the same press again, and the champion presses again.
    const again = await Promise.all([send(press), pressOpenRound(service, connector, PEOPLE.champion, asked)]);
    expect(again.map((reply) => cardText(cardOf(reply.body)).split('\n')[0])).toEqual(['Audit round 1 is already open', 'Audit round 1 is already open']);
    await service.settled();

    expect(await service.services.rounds.countForTeam(TEAM.id)).toBe(1);
    const round = (await openRound())!;
    expect(round.closesAt).toBe('2026-12-12T00:00:00.000Z');
    const posted = sentSince(before).map((s) => cardText(cardOf(s.activity)));
    expect(posted).toHaveLength(13);
    expect(posted[0]).toMatch(/^Audit round 1 is open\n[\s\S]* on 27 November 2026\.\nCloses on Friday 11 December 2026 \(at the end of the day, UK time\)\.\nHow to answer/);
  });

  it('says in `status` when the round closes', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'status'));
    expect(lastSentText()).toMatch(/^Closes\nFriday 11 December 2026, at the end of the day \(UK time\)$/m);
  });

  it('shows the close date on a person\'s own view of a condition', async () => {
    const round = (await openRound())!;
    const reply = await send(cardAction(url(), PEOPLE.practitioner, VERBS.answer, { roundId: round.roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'partly', level: 'practitioner' }));
    expect(cardText(cardOf(reply.body))).toMatch(/1 person has answered\. Closes on Friday 11 December 2026 \(at the end of the day, UK time\)\./);
  });
});

describe('extending a round', () => {
  it('is for champions only', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'extend'));
    expect(lastSentText()).toMatch(/Only the team's practice champions can do that/);
  });

  it('offers a week later on "extend", refuses a day not later than the close date, and moves the close date on "Extend"', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'extend'));
    const asking = cardWith(VERBS.extendRound);
    expect(cardText(cardOf(asking.activity))).toMatch(/^Extend audit round 1\nIt closes at the end of Friday 11 December 2026 \(UK time\)\. Choose a later day/);
    expect(inputValues(cardOf(asking.activity))).toEqual({ closesOn: '2026-12-18' });

    expect(answered(await press(PEOPLE.champion, asking, VERBS.extendRound, { closesOn: '2026-12-10' })).underTheDate).toBe(
      'The round already closes at the end of Friday 11 December 2026: please choose a later day to extend it.',
    );
    expect(answered(await press(PEOPLE.champion, asking, VERBS.extendRound, { closesOn: '2026-11-20' })).underTheDate).toMatch(/has passed/);
    expect((await openRound())!.closesAt).toBe('2026-12-12T00:00:00.000Z');

    const round = (await openRound())!;
    connector.reset();
    const extended = await press(PEOPLE.champion, asking, VERBS.extendRound);
    const notice = 'Audit round 1 extended\nAmara Okafor extended it: it now closes at the end of Friday 18 December 2026 (UK time). Answers are taken until then, and the round\'s opening card shows the new date.';
    expect(cardText(cardOf(extended.body))).toBe(notice);
    await service.settled();
    expect((await openRound())!.closesAt).toBe('2026-12-19T00:00:00.000Z');
    // Everyone sees it: the card that asked now says so, and the round's opening card shows the new date.
    const updates = connector.updates();
    expect(cardText(cardOf(updates.find((u) => u.activityId === asking.activityId)?.body))).toBe(notice);
    expect(cardText(cardOf(updates.find((u) => u.activityId === round.introMessageId)?.body))).toMatch(/^Audit round 1 is open\n[\s\S]*Closes on Friday 18 December 2026/);
  });

  it.each([
    ['to 24 December', 'Thursday 24 December 2026', '2026-12-25T00:00:00.000Z'],
    ['7 days', 'Thursday 31 December 2026', '2027-01-01T00:00:00.000Z'],
  ])('extends at once with "extend %s", saying so in the channel', async (words, day, closesAt) => {
    await send(channelCommand(url(), PEOPLE.champion, `extend ${words}`));
    expect(lastSentText()).toContain(`it now closes at the end of ${day} (UK time)`);
    expect((await openRound())!.closesAt).toBe(closesAt);
  });

  it('asks again, saying why, when the words are not a day or the day has passed', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'extend next week sometime'));
    expect(lastSentText()).toMatch(/^Extend audit round 1\n[\s\S]*"next week sometime" could not be read as a day/);
    await send(channelCommand(url(), PEOPLE.champion, 'extend to 20 November 2026'));
    expect(lastSentText()).toMatch(/Friday 20 November 2026 has passed: please choose today or a later day\./);
    expect((await openRound())!.closesAt).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('the close date itself', () => {
  it('refuses an answer at or after it even before the round has closed, and stores nothing', async () => {
    const round = (await openRound())!;
    // The close date comes (as if the clock had reached it) while the round's close has not run.
    await service.services.rounds.changeCloseDate(TEAM.id, round.roundId, clock.now().toISOString());
    service.services.roundCache.forget(TEAM.id, round.roundId);
    const reply = await send(cardAction(url(), PEOPLE.manager, VERBS.answer, { roundId: round.roundId, teamId: TEAM.id, conditionId: 'C02', via: 'channel', rating: 'fully', level: 'supervisor' }));
    expect(cardText(cardOf(reply.body))).toMatch(/This audit round has reached its close date, so no more answers are taken\./);
    expect(await service.services.answers.countForCondition(round.roundId, 'C02')).toBe(0);
    // Nor is it offered in the one-to-one chat.
    await send(personalMessage(url(), PEOPLE.manager, 'audit'));
    expect(lastSentText()).toMatch(/There are no open audit rounds in your teams just now/);
    // And it can no longer be extended.
    await send(channelCommand(url(), PEOPLE.champion, 'extend 7 days'));
    expect(lastSentText()).toMatch(/Audit round 1 has reached its close date and is closing, so it cannot be extended\./);
  });

  it('once the round has closed, refuses to extend it, and its "Open the round" card opens nothing again', async () => {
    const extendCard = cardWith(VERBS.extendRound);
    await closeRoundNow(service);
    await send(channelCommand(url(), PEOPLE.champion, 'extend'));
    expect(lastSentText()).toBe('There is no open audit round to extend. A practice champion can start one with "start".');
    expect(cardText(cardOf((await press(PEOPLE.champion, extendCard, VERBS.extendRound)).body))).toMatch(/Audit round 1 is closed, so it cannot be extended\./);
    const reopened = await pressOpenRound(service, connector, PEOPLE.champion, asked);
    expect(cardText(cardOf(reopened.body))).toMatch(/Audit round 1, opened from this card, has closed since\. A practice champion can open another with "start"\./);
    expect(await openRound()).toBeUndefined();
    expect(await service.services.rounds.countForTeam(TEAM.id)).toBe(1);
  });
});
