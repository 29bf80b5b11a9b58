import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector, type RecordedCall } from '../support/fakeConnector';
import { asRosterMember, cardAction, channelCommand, installedInTeam, OTHER_TEAM, PEOPLE, TEAM } from '../support/teamsActivities';
import { closeConfirmationIn, closeTheRound } from '../support/closeRound';
import { postToBot, startTestService } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * Issue 8, items 5 and 6: when Teams refuses a card (a post, or the update of a deleted
 * post), the round carries on, knows which cards it has, and never claims more than it did.
 */
let connector: FakeConnector;
let service: RunningService;
const logLines: string[] = [];
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const THREAD = `${TEAM.id};messageid=1700000000000`;
const sentTexts = () => connector.sentActivities().map((s) => cardText(cardOf(s.activity)));
const lastSentText = () => sentTexts().at(-1) ?? '';
const conditionNumbersPosted = () => sentTexts().map((t) => t.match(/^Condition (\d+) of 12/)?.[1]).filter(Boolean);
const isPostOf = (text: string) => (call: RecordedCall) => call.method === 'POST' && JSON.stringify(call.body ?? '').includes(text);
const logged = (event: string) => logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === event);
const openRound = async () => (await service.services.rounds.findOpen(TEAM.id))!;

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember));
  service = await startTestService({}, { logLines });
  await send(installedInTeam(url(), PEOPLE.champion));
  await send(installedInTeam(url(), PEOPLE.champion, OTHER_TEAM));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe("a round's cards when Teams refuses some", () => {
  it('retries a card post answered with one HTTP 500: all twelve conditions are posted, once each and in order', async () => {
    connector.reset();
    connector.failNext(1, { status: 500 }, isPostOf('Condition 2 of 12'));
    await startTheRound(service, connector, { team: OTHER_TEAM });
    await service.settled();
    expect(connector.calls.filter((c) => c.status === 500)).toHaveLength(1);
    expect(conditionNumbersPosted()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(Object.keys((await service.services.rounds.findOpen(OTHER_TEAM.id))!.conditionMessageIds)).toHaveLength(12);
  });

  it('posts the other cards past one Teams keeps refusing, says in the channel which is missing and how to post it, and logs the status', async () => {
    connector.reset();
    connector.failNext(100, { status: 500, retryAfterSeconds: 0 }, isPostOf('Condition 2 of 12'));
    await startTheRound(service, connector);
    await service.settled();

    expect(conditionNumbersPosted()).toEqual(['1', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const round = await openRound();
    expect(Object.keys(round.conditionMessageIds).sort()).toEqual(['C01', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12']);
    expect(lastSentText()).toMatch(/Teams did not accept 1 of audit round 1's card[\s\S]*condition 2\. A practice champion can post it with "repost"/);
    expect(logged('card_post_failed')).toEqual([expect.objectContaining({ roundId: round.roundId, card: 'C02', status: 500, code: 'InternalServerError' })]);
  });

  it('answers a second start with how many cards are posted, not that they all are', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'start'));
    const reply = lastSentText();
    expect(reply).toMatch(/Audit round 1 is already open/);
    expect(reply).toMatch(/11 of its 12 condition cards have been posted in this channel so far; condition 2 has not/);
    expect(reply).toMatch(/"repost" posts what is missing/);
    expect(reply).not.toMatch(/its cards are in this channel/);
  });

  it('reposts only the missing card when a champion says "repost", and records it', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'repost'));
    expect(lastSentText()).toMatch(/Only the team's practice champions/);

    connector.reset();
    await send(channelCommand(url(), PEOPLE.champion, 'repost'));
    await service.settled();
    expect(sentTexts()[0]).toMatch(/Posting the 1 missing card of audit round 1 in this channel now: condition 2\./);
    expect(conditionNumbersPosted()).toEqual(['2']);
    const round = await openRound();
    expect(round.conditionMessageIds.C02).toBe(connector.sentActivities().at(-1)!.activityId);

    await send(channelCommand(url(), PEOPLE.champion, 'start'));
    expect(lastSentText()).toMatch(/All 12 of its condition cards were posted in this channel/);
    await send(channelCommand(url(), PEOPLE.champion, 'repost'));
    expect(lastSentText()).toMatch(/Nothing is missing[\s\S]*"repost all" posts every card again/);
  });

  it('posts every card anew with "repost all" when the channel lost them (Agents Playground reload), and later updates go to the new posts', async () => {
    const before = await openRound();
    connector.forget(THREAD); // the channel's history is gone; the round still holds the old ids
    connector.reset();
    await send(cardAction(url(), PEOPLE.practitioner, VERBS.answer, { roundId: before.roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'fully', level: 'practitioner' }));
    await service.settled();
    expect(connector.calls.filter((c) => c.method === 'PUT').map((c) => c.status)).toEqual([404]);

    connector.reset();
    await send(channelCommand(url(), PEOPLE.champion, 'repost all'));
    await service.settled();
    expect(sentTexts()[0]).toMatch(/Posting all of audit round 1's cards in this channel again now/);
    expect(sentTexts()[1]).toMatch(/Audit round 1 is open/);
    expect(conditionNumbersPosted()).toHaveLength(12);
    // The new C01 card carries the answer already given.
    expect(sentTexts().find((t) => t.startsWith('Condition 1 of 12'))).toMatch(/1 person has answered/);
    const after = await openRound();
    expect(after.introMessageId).not.toBe(before.introMessageId);
    expect(after.conditionMessageIds.C01).not.toBe(before.conditionMessageIds.C01);

    connector.reset();
    await send(cardAction(url(), PEOPLE.champion, VERBS.answer, { roundId: after.roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'senior-leader' }));
    await service.settled();
    const update = connector.calls.find((c) => c.method === 'PUT')!;
    expect(update).toMatchObject({ activityId: after.conditionMessageIds.C01, status: 200 });
    expect(cardText(cardOf(update.body))).toMatch(/2 people have answered/);
  });

  it('closes every other card when one was deleted, and says what was done', async () => {
    const round = await openRound();
    connector.forget(THREAD, [round.conditionMessageIds.C03!]); // someone deleted condition 3's post
    connector.reset();
    await closeTheRound(service, connector, PEOPLE.champion);
    await service.settled();

    // The confirmation card is updated too ("Closing…", then the outcome): the round's own cards are the rest.
    const confirmation = closeConfirmationIn(connector.sentActivities())!;
    const updated = connector.updates().filter((u) => u.activityId !== confirmation.activityId);
    expect(updated).toHaveLength(12); // the intro and eleven conditions
    expect(updated.every((u) => /closed/i.test(cardText(cardOf(u.body))) && executeActions(cardOf(u.body)).length === 0)).toBe(true);
    expect(updated.map((u) => u.activityId)).not.toContain(round.conditionMessageIds.C03);
    const outcome = connector.updates().filter((u) => u.activityId === confirmation.activityId).at(-1)!;
    const reply = cardText(cardOf(outcome.body));
    expect(reply).toMatch(/Audit round 1 is closed\. 2 people took part\./);
    expect(reply).toMatch(/11 of 12 condition cards now show the final participation; condition 3 could not be updated \(it may have been deleted\)/);
    expect(reply).not.toMatch(/The cards above now show/);
    expect(logged('card_update_failed')).toContainEqual(expect.objectContaining({ roundId: round.roundId, card: 'C03', status: 404, code: 'ActivityNotFoundInConversation' }));
  });

  it('posts every card where the champion asked with "repost all" when the round\'s conversation is gone, and says so there if Teams refuses', async () => {
    // A new round (the one above is closed), its cards in the thread that is about to be gone.
    await startTheRound(service, connector);
    await service.settled();
    const conversationOf = (round: { postedIn?: unknown }) => (round.postedIn as { conversation: { id: string } }).conversation.id;
    const gone = conversationOf(await openRound());
    const elsewhere = `${TEAM.id};messageid=1800000000000`; // the channel as the reloaded Playground has it
    const askedThere = (words: string) => {
      const activity = channelCommand(url(), PEOPLE.champion, words);
      return { ...activity, conversation: { ...activity.conversation!, id: elsewhere } };
    };
    connector.reset();
    connector.failNext(1_000, { status: 404, body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } } }, (call) => call.conversationId === gone);

    await send(askedThere('repost all'));
    await service.settled();
    const posts = connector.calls.filter((c) => c.method === 'POST' && c.status === 201);
    expect(posts.map((c) => c.conversationId)).toEqual(Array(posts.length).fill(elsewhere));
    expect(conditionNumbersPosted()).toHaveLength(12);
    const after = await openRound();
    expect(conversationOf(after)).toBe(elsewhere);

    // Teams refuses there too: the champion hears it where they asked, not in the conversation that is gone.
    connector.reset();
    connector.failNext(1_000, { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } }, (call) => call.conversationId === elsewhere && JSON.stringify(call.body ?? '').includes('Condition 5 of 12'));
    await send(askedThere('repost all'));
    await service.settled();
    const notice = connector.calls.filter((c) => c.method === 'POST' && c.status === 201).at(-1)!;
    expect(notice.conversationId).toBe(elsewhere);
    expect(cardText(cardOf(notice.body))).toMatch(/Teams did not accept 1 of audit round 2's card[\s\S]*condition 5/);
    connector.reset();
  });
});
