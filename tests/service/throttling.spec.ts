import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText } from '../support/cardText';
import { startFakeConnector, type FakeConnector, type RecordedCall } from '../support/fakeConnector';
import { cardAction, channelCommand, installedInTeam, OTHER_TEAM, PEOPLE, person, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { closeTheRound } from '../support/closeRound';
import { openRoundCardIn, pressOpenRound, startTheRound } from '../support/startRound';

/** Teams throttles bots per conversation; the bot must pace, retry and coalesce so nothing is lost or duplicated. */
let connector: FakeConnector;
let service: RunningService;
const url = () => connector.serviceUrl;
const isCardPost = (call: RecordedCall) => call.method === 'POST' && call.path.includes('/activities');

beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService({ CARD_UPDATE_DELAY_MS: '300' });
  await postToBot(service, installedInTeam(url(), PEOPLE.champion));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

/** Most of `times` inside any span of `spanMs`. */
const busiest = (times: number[], spanMs: number) => Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + spanMs).length));

describe('when Teams throttles', () => {
  let roundId = '';

  it("counts every send into a channel, whichever path made it: the welcome reply and a start's cards together stay within Teams' limits", async () => {
    connector.reset();
    await postToBot(service, installedInTeam(url(), PEOPLE.champion, OTHER_TEAM));
    await startTheRound(service, connector, { team: OTHER_TEAM });
    await service.settled();
    const times = connector.sentActivities().filter((s) => s.conversationId.startsWith(OTHER_TEAM.id)).map((s) => s.at);
    expect(times).toHaveLength(15); // the welcome, the close date question, the intro and twelve conditions
    expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
  });

  it('retries a 429 after its Retry-After, posting every card exactly once and in order', async () => {
    await postToBot(service, channelCommand(url(), PEOPLE.champion, 'start'));
    const asked = openRoundCardIn(connector.sentActivities())!;
    connector.reset();
    let posts = 0;
    // The fourth post of the round (condition 3) is throttled twice.
    connector.failNext(2, { status: 429, retryAfterSeconds: 1, body: { error: { code: 'ThrottledRequest' } } }, (call) => isCardPost(call) && ++posts >= 4);
    await pressOpenRound(service, connector, PEOPLE.champion, asked);
    await service.settled();
    const throttled = connector.calls.filter((c) => c.status === 429);
    expect(throttled).toHaveLength(2);
    const accepted = connector.sentActivities();
    expect(accepted.map((a) => cardText(cardOf(a.activity)).match(/Condition (\d+) of 12|Audit round \d is open/)?.[0])).toEqual([
      'Audit round 1 is open', ...Array.from({ length: 12 }, (_, i) => `Condition ${i + 1} of 12`),
    ]);
    const retried = accepted[3]!;
    expect(retried.at - throttled[1]!.at).toBeGreaterThanOrEqual(950);
    roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
  });

  it('coalesces a burst of answers into few updates of the shared card, with the exact count', async () => {
    connector.reset();
    const staff = Array.from({ length: 40 }, (_, i) => person(`Staff ${i}`, 100 + i));
    const replies = await Promise.all(staff.map((p) => postToBot(service, cardAction(url(), p, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'practitioner' }))));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    await service.settled();
    const updates = connector.updates();
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(3);
    expect(cardText(cardOf(updates.at(-1)!.body))).toMatch(/40 people have answered/);
  });

  it('retries updates refused with 502, 504 and 412 until the card shows the latest count', async () => {
    connector.reset();
    connector.failNext(1, { status: 502 }, (call) => call.method === 'PUT');
    connector.failNext(1, { status: 504 }, (call) => call.method === 'PUT');
    connector.failNext(1, { status: 412 }, (call) => call.method === 'PUT');
    await postToBot(service, cardAction(url(), PEOPLE.practitioner, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'fully', level: 'practitioner' }));
    await service.settled();
    expect(connector.calls.filter((c) => c.method === 'PUT').map((c) => c.status)).toEqual([502, 504, 412, 200]);
    expect(cardText(cardOf(connector.updates().at(-1)!.body))).toMatch(/41 people have answered/);
  });

  it('paces the closing updates of all thirteen cards within the per-conversation limits', async () => {
    connector.reset();
    await closeTheRound(service, connector, PEOPLE.champion);
    await service.settled();
    // The round's thirteen cards; the card that asked to close is updated too, in its own thread.
    const round = (await service.services.rounds.get(TEAM.id, roundId))!;
    const roundCards = new Set([round.introMessageId, ...Object.values(round.conditionMessageIds)]);
    const times = connector.updates().filter((u) => roundCards.has(u.activityId)).map((u) => u.at);
    expect(times).toHaveLength(13);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 2000).length).toBeLessThanOrEqual(8);
  });
});
