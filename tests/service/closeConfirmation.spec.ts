import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { closeConfirmationIn, pressOnConfirmation } from '../support/closeRound';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../support/fakeConnector';
import { asRosterMember, cardAction, channelCommand, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * `close` asks first (Close / Cancel), and on Close says at once that the round is closing: the
 * close waits out answers in flight before it counts them. The real service over HTTP.
 */
let connector: FakeConnector;
let service: RunningService;
let roundId = '';
let confirmation: SentActivity;
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const lastSentText = () => cardText(cardOf(connector.sentActivities().at(-1)?.activity));
/** The last message in the team's channel (a close is followed by the champions' one-to-one offers of "You said, we did"). */
const lastInChannel = () => cardText(cardOf(connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).at(-1)?.activity));
const updatesOf = (activityId: string) => connector.updates().filter((u) => u.activityId === activityId).map((u) => cardText(cardOf(u.body)));

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember));
  service = await startTestService();
  await send(installedInTeam(url(), PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
  roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
  await send(cardAction(url(), PEOPLE.practitioner, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'partly', level: 'practitioner' }));
  await service.settled();
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('closing a round', () => {
  it('refuses "close" from someone who is not a champion, without asking', async () => {
    const before = connector.sentActivities().length;
    await send(channelCommand(url(), PEOPLE.practitioner, 'close'));
    expect(lastSentText()).toMatch(/Only the team's practice champions can do that/);
    expect(closeConfirmationIn(connector.sentActivities().slice(before))).toBeUndefined();
  });

  it('asks first, "Close audit round 1?", and changes nothing until a champion confirms', async () => {
    connector.reset();
    await send(channelCommand(url(), PEOPLE.champion, 'close'));
    confirmation = closeConfirmationIn(connector.sentActivities())!;
    const text = cardText(cardOf(confirmation.activity));
    expect(text).toMatch(/^Close audit round 1\?\nAfter closing, no more answers are accepted/);
    expect(executeActions(cardOf(confirmation.activity)).map((a) => [a.title, a.data])).toEqual([
      ['Close', { teamId: TEAM.id, roundId }],
      ['Cancel', { teamId: TEAM.id, roundId }],
    ]);
    await service.settled();
    expect(await service.services.rounds.findOpen(TEAM.id)).toMatchObject({ roundId, status: 'open' });
    expect(connector.updates()).toHaveLength(0);
  });

  it('lets only a champion confirm', async () => {
    const reply = await pressOnConfirmation(service, connector, PEOPLE.practitioner, confirmation, VERBS.closeRound);
    expect(cardText(cardOf(reply.body))).toMatch(/Only the team's practice champions can do that/);
    await service.settled();
    expect(await service.services.rounds.findOpen(TEAM.id)).toMatchObject({ roundId });
  });

  it('on Cancel, says nothing changed', async () => {
    const reply = await pressOnConfirmation(service, connector, PEOPLE.champion, confirmation, VERBS.cancelClose);
    expect(cardText(cardOf(reply.body))).toBe('Nothing changed\nYou chose not to close: audit round 1 is still open.');
    await service.settled();
    expect(await service.services.rounds.findOpen(TEAM.id)).toMatchObject({ roundId });
  });

  it('on Close, says at once to everyone that it is closing, then shows the outcome and where the results are', async () => {
    connector.reset();
    const reply = await pressOnConfirmation(service, connector, PEOPLE.champion, confirmation, VERBS.closeRound);
    expect(cardText(cardOf(reply.body))).toMatch(/^Closing audit round 1…/);

    await service.settled();
    expect(await service.services.rounds.findOpen(TEAM.id)).toBeUndefined();
    // "Closing…" first (for everyone), then the round's thirteen cards, then the outcome on the card that asked.
    const updates = connector.updates();
    expect(updates).toHaveLength(1 + 13 + 1);
    expect([updates[0]!.activityId, updates.at(-1)!.activityId]).toEqual([confirmation.activityId, confirmation.activityId]);
    expect(updatesOf(confirmation.activityId)[0]).toMatch(/^Closing audit round 1…/);
    const outcome = updatesOf(confirmation.activityId).at(-1);
    expect(outcome).toMatch(/Audit round 1 is closed\. 1 person took part\./);
    expect(outcome).toMatch(/The results are in the Practice audit tab of this channel\. No tab yet\? Select \+ at the top of the channel/);
  });

  it('says so when Close is pressed again on a card whose round is closed, and closes nothing newer', async () => {
    await startTheRound(service, connector);
    await service.settled();
    const second = (await service.services.rounds.findOpen(TEAM.id))!;
    expect(second.number).toBe(2);
    connector.reset();
    const reply = await pressOnConfirmation(service, connector, PEOPLE.champion, confirmation, VERBS.closeRound);
    expect(cardText(cardOf(reply.body))).toBe('Audit round 1 is already closed, so nothing changed. Audit round 2 is open now: say "close" to close it.');
    await service.settled();
    expect(await service.services.rounds.findOpen(TEAM.id)).toMatchObject({ roundId: second.roundId, status: 'open' });
    expect(connector.updates()).toHaveLength(0);
  });

  it('replies with the outcome when the card that asked cannot be updated (someone deleted it)', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'close'));
    const asking = closeConfirmationIn(connector.sentActivities())!;
    const onTheCard = (call: { method: string; activityId?: string }) => call.method === 'PUT' && call.activityId === asking.activityId;
    connector.failNext(2, { status: 404, body: { error: { code: 'ActivityNotFoundInConversation' } } }, onTheCard);
    const reply = await pressOnConfirmation(service, connector, PEOPLE.champion, asking, VERBS.closeRound);
    expect(cardText(cardOf(reply.body))).toMatch(/^Closing audit round 2…/);
    await service.settled();
    expect(await service.services.rounds.findOpen(TEAM.id)).toBeUndefined();
    expect(lastInChannel()).toMatch(/Audit round 2 is closed\. No one took part\./);
  });

  it("answers Close before a slow Teams has taken the card's \"Closing…\" update, then closes and shows the outcome", async () => {
    await startTheRound(service, connector);
    await service.settled();
    connector.reset();
    await send(channelCommand(url(), PEOPLE.champion, 'close'));
    const asking = closeConfirmationIn(connector.sentActivities())!;
    const onTheCard = (call: { method: string; activityId?: string }) => call.method === 'PUT' && call.activityId === asking.activityId;
    // Teams holds the update (as it does when it throttles): the invoke must not wait for it.
    const slow = connector.slowNext(1, 20_000, onTheCard);
    const reply = await pressOnConfirmation(service, connector, PEOPLE.champion, asking, VERBS.closeRound);
    const answeredAt = Date.now();
    slow.hurry();
    await service.settled();

    expect(cardText(cardOf(reply.body))).toMatch(/^Closing audit round 3…/);
    expect(connector.calls.find(onTheCard)!.answeredAt).toBeGreaterThanOrEqual(answeredAt);
    expect(await service.services.rounds.findOpen(TEAM.id)).toBeUndefined();
    const onCard = updatesOf(asking.activityId);
    expect(onCard[0]).toMatch(/^Closing audit round 3…/);
    expect(onCard.at(-1)).toMatch(/Audit round 3 is closed\./);
  });
});
