import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { buttonWithVerb, cardOf, cardText, executeActions } from '../support/cardText';
import { closeTheRound } from '../support/closeRound';
import type { FakeConnector, RecordedCall, SentActivity } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { startTheRound } from '../support/startRound';
import { cardAction, channelCommand, PEOPLE, TEAM, TENANT_ID, type TestPerson } from '../support/teamsActivities';
import { postToBot, type BotReply } from '../support/testService';

/**
 * Issue 11, "Staff hear back": when a round closes, each of the team's practice champions is
 * offered its "You said, we did" card one-to-one; "Post in the channel" posts it in the round's
 * channel once, however many champions press, however often Teams delivers a press; and the offer
 * says truthfully whether Teams took it. Against the real service and Azurite, Teams played by
 * the fake connector.
 */
const ROSTER = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager, PEOPLE.leader];
let connector: FakeConnector;
let service: RunningService;

beforeAll(async () => {
  ({ connector, service } = await startRoundInTeam({ roster: ROSTER }));
  // A second champion.
  await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, 'champions add', { mention: [PEOPLE.manager] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

/** The one-to-one chats the bot opened, by the Teams user id of the person each is with. */
function chatPeople(): Map<string, string> {
  const people = new Map<string, string>();
  for (const call of connector.calls) {
    const member = (call.body as { members?: { id: string }[] } | undefined)?.members?.[0]?.id;
    if (call.method === 'POST' && call.path === '/v3/conversations' && call.status < 300 && member) people.set((call.response as { id: string }).id, member);
  }
  return people;
}

/** The "You said, we did" offers sent one-to-one since the connector's last reset, by the Teams user id of the champion. */
function offers(): Map<string, SentActivity> {
  const people = chatPeople();
  const found = new Map<string, SentActivity>();
  for (const sent of connector.sentActivities()) {
    const champion = people.get(sent.conversationId);
    if (champion && executeActions(cardOf(sent.activity)).some((a) => a.verb === VERBS.postYouSaidWeDid)) found.set(champion, sent);
  }
  return found;
}

/** "You said, we did" cards posted in the team's channel since the last reset. */
const postedInChannel = () => connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id) && cardText(cardOf(s.activity)).startsWith('You said, we did: audit round'));

/** The offer's latest update, as the champion sees it. */
const offerNow = (offer: SentActivity) => connector.updates().filter((u) => u.conversationId === offer.conversationId && u.activityId === offer.activityId).at(-1);

/** "Post in the channel" on an offer, as Teams sends the press: an invoke in the champion's chat naming the offer. `activityId`: to deliver one press twice. */
function pressPost(who: TestPerson, offer: SentActivity, activityId?: string): Promise<BotReply> {
  const { data } = buttonWithVerb(cardOf(offer.activity), VERBS.postYouSaidWeDid);
  const press = cardAction(connector.serviceUrl, who, VERBS.postYouSaidWeDid, data, 'personal');
  return postToBot(service, {
    ...press,
    ...(activityId ? { id: activityId } : {}),
    conversation: { id: offer.conversationId, conversationType: 'personal', tenantId: TENANT_ID },
    replyToId: offer.activityId,
  });
}

/** Opens a new round (none is open), closes it as the champion, and resolves with the offers the close sent. */
async function closedRoundOffers(): Promise<Map<string, SentActivity>> {
  if (!(await service.services.rounds.findOpen(TEAM.id))) {
    await startTheRound(service, connector);
    await service.settled();
  }
  connector.reset();
  await closeTheRound(service, connector, PEOPLE.champion);
  await service.settled();
  return offers();
}

const isChannelPost = (call: RecordedCall) => call.method === 'POST' && (call.conversationId ?? '').startsWith(TEAM.id) && call.path.includes('/activities');

// Each round's cards are posted and updated in the channel at Teams' pace (60 sends in 30 s per
// conversation), so the tests share rounds where they can: 1 and 2, then 4 and 5.
describe('"You said, we did" offered at close and posted in the channel', () => {
  let sent: Map<string, SentActivity>;

  it("offers each of the team's practice champions the card one-to-one when a round closes, and posts nothing until one presses", async () => {
    sent = await closedRoundOffers();
    expect([...sent.keys()].sort()).toEqual([PEOPLE.champion.id, PEOPLE.manager.id]);
    const offer = cardText(cardOf(sent.get(PEOPLE.champion.id)!.activity));
    expect(offer).toMatch(/^Tell your team what came of audit round 1\n/);
    expect(offer).toContain('You said, we did: audit round 1');
    expect(offer).toContain('No one took part in audit round 1');
    expect(postedInChannel()).toEqual([]);
  });

  it('posts exactly one card in the channel when a champion presses, and the offer then says when', async () => {
    const offer = sent.get(PEOPLE.manager.id)!;
    const pressed = await pressPost(PEOPLE.manager, offer);
    expect(cardText(cardOf(pressed.body))).toContain('Posting in the channel…');
    expect(executeActions(cardOf(pressed.body))).toEqual([]);
    await service.settled();

    const posted = postedInChannel();
    expect(posted).toHaveLength(1);
    const round = (await service.services.rounds.listForTeam(TEAM.id)).find((r) => r.number === 1)!;
    expect(posted[0]!.conversationId).toBe((round.postedIn as { conversation: { id: string } }).conversation.id);
    expect(cardText(cardOf(posted[0]!.activity))).toMatch(/^You said, we did: audit round 1\n/);
    const shown = offerNow(offer)!;
    expect(cardText(cardOf(shown.body))).toMatch(/Posted in the channel on \d{1,2} \w+ \d{4} at \d\d:\d\d by Chloe Singh\./);
    expect(executeActions(cardOf(shown.body))).toEqual([]);

    // The other champion's offer, pressed later: nothing more is posted, and it says by whom it was.
    const later = await pressPost(PEOPLE.champion, sent.get(PEOPLE.champion.id)!);
    expect(cardText(cardOf(later.body))).toMatch(/Posted in the channel on .* by Chloe Singh\./);
    await service.settled();
    expect(postedInChannel()).toHaveLength(1);
  });

  it('posts once when both champions press at the same moment and Teams delivers one press twice', async () => {
    const sent = await closedRoundOffers();
    const amara = sent.get(PEOPLE.champion.id)!;
    const chloe = sent.get(PEOPLE.manager.id)!;
    const replies = await Promise.all([pressPost(PEOPLE.champion, amara, 'press-1'), pressPost(PEOPLE.manager, chloe), pressPost(PEOPLE.champion, amara, 'press-1')]);
    await service.settled();
    expect(postedInChannel()).toHaveLength(1);
    const saying = replies.map((reply) => cardText(cardOf(reply.body)));
    expect(saying.filter((text) => text.includes('Posting in the channel…'))).toHaveLength(1);
    for (const text of saying.filter((t) => !t.includes('Posting in the channel…'))) expect(text).toMatch(/(started posting it in the channel at|Posted in the channel on) /);
  });

  it('refuses a member who is not a champion, and a champion who has stepped down, posting nothing', async () => {
    sent = await closedRoundOffers();
    const offer = sent.get(PEOPLE.manager.id)!;
    const member = await pressPost(PEOPLE.practitioner, offer);
    expect(cardText(cardOf(member.body))).toMatch(/^Only the team's practice champions can do that\./);

    await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.manager, 'champions remove'));
    expect((await service.services.champions.list(TEAM.id)).map((c) => c.name)).toEqual(['Amara Okafor']);
    const former = await pressPost(PEOPLE.manager, offer);
    expect(cardText(cardOf(former.body))).toMatch(/^Only the team's practice champions can do that\. This team's practice champion is Amara Okafor\./);
    expect(executeActions(cardOf(former.body))).toEqual([]);
    await service.settled();
    expect(postedInChannel()).toEqual([]);
  });

  it('says truthfully on the offer when Teams refused the post, keeps the button, and posts on the next press', async () => {
    const offer = sent.get(PEOPLE.champion.id)!;
    connector.failNext(1, { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } }, isChannelPost);
    await pressPost(PEOPLE.champion, offer);
    await service.settled();
    expect(postedInChannel()).toEqual([]);
    const refused = offerNow(offer)!;
    expect(cardText(cardOf(refused.body))).toContain("Not posted: Teams did not accept the card: Practice Audit may no longer be in the team's channel. Nothing was posted.");
    expect(cardText(cardOf(refused.body))).not.toMatch(/Posted in the channel on/);
    expect(executeActions(cardOf(refused.body)).map((a) => a.title)).toEqual(['Post in the channel']);

    await pressPost(PEOPLE.champion, { ...offer, activity: refused.body as Record<string, unknown> });
    await service.settled();
    expect(postedInChannel()).toHaveLength(1);
    expect(cardText(cardOf(offerNow(offer)!.body))).toMatch(/Posted in the channel on .* by Amara Okafor\./);
  });

  it("never says the card was not posted when Teams took it but its answer was lost: it says it is not confirmed, and where to look", async () => {
    const offer = (await closedRoundOffers()).get(PEOPLE.champion.id)!;
    connector.hangUpAfterNext(1, isChannelPost);
    await pressPost(PEOPLE.champion, offer);
    await service.settled();
    // Teams has the card in the channel…
    expect(postedInChannel()).toHaveLength(1);
    // …so the offer must not say it was not posted.
    const shown = cardText(cardOf(offerNow(offer)!.body));
    expect(shown).not.toMatch(/Not posted|Nothing was posted/);
    expect(shown).toContain('the post was not confirmed. Look in the channel, and try again if the card is not there.');
    expect(executeActions(cardOf(offerNow(offer)!.body)).map((a) => a.title)).toEqual(['Post in the channel']);
  });
});
