import type { CloseRoundJob } from '../../bot/app/closeOnDate';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { freshDueWorkQueues, messageCount } from '../support/dueWork';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { openRoundCardIn, pressOpenRound, startTheRound } from '../support/startRound';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, cardAction, channelCommand, installedInTeam, OTHER_TEAM, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService } from '../support/testService';

/**
 * Issue 10: a round closes itself at the end of its close date, exactly as a champion's close,
 * through the due work queue (real Azurite queues, real visibility timeouts): across a restart,
 * once however often its job is delivered, and not at all once extended. The service's clock is
 * set near a UK midnight so that a close date of "today" comes within seconds.
 */
const prefix = uniqueTablePrefix();
const env = { TABLES_PREFIX: prefix, DUE_WORK_POLL_MS: '100' };
const clock = testClock('2026-12-11T15:00:00.000Z');
let connector: FakeConnector;
const running: RunningService[] = [];
const start = async () => {
  const service = await startTestService(env, { now: clock.now });
  running.push(service);
  return service;
};
const stop = async (service: RunningService) => {
  running.splice(running.indexOf(service), 1);
  await service.stop();
};
const textsIn = (teamId: string) => connector.sentActivities().filter((s) => s.conversationId.startsWith(teamId)).map((s) => cardText(cardOf(s.activity)));
const answer = (service: RunningService, who: TestPerson, roundId: string, conditionId: string, team = TEAM) =>
  postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: team.id, conditionId, via: 'channel', rating: 'mostly', level: 'practitioner' }, 'channel', team));

beforeAll(async () => {
  connector = await startFakeConnector();
  for (const team of [TEAM, OTHER_TEAM]) connector.setRoster(team.id, [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager].map(asRosterMember));
});
afterAll(async () => {
  await Promise.all(running.map((service) => service.stop()));
  await connector?.close();
});

it('closes itself at the end of its close date with a restart in between: every answer acknowledged before is counted, none after, and the channel is told', async () => {
  const first = await start();
  await postToBot(first, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await postToBot(first, channelCommand(connector.serviceUrl, PEOPLE.champion, 'start'));
  // Friday 11 December 2026 ends at midnight (GMT). The clock stands a second before it while the
  // round opens, is answered and the service restarts (so all that is before the close date,
  // however slow the machine), then runs on: the close date ends a second later.
  const closesAt = new Date('2026-12-12T00:00:00.000Z');
  clock.holdAt(new Date(closesAt.getTime() - 1_000));
  const opened = await pressOpenRound(first, connector, PEOPLE.champion, openRoundCardIn(connector.sentActivities())!, { closesOn: '2026-12-11' });
  expect(cardText(cardOf(opened.body))).toMatch(/It closes at the end of Friday 11 December 2026 \(UK time\)/);
  await first.settled();
  const round = (await first.services.rounds.findOpen(TEAM.id))!;
  expect(round.closesAt).toBe(closesAt.toISOString());

  // Two people answer, acknowledged, before the close date; then the service stops.
  for (const [who, conditionId] of [[PEOPLE.practitioner, 'C01'], [PEOPLE.manager, 'C01'], [PEOPLE.manager, 'C02']] as const) {
    const reply = await answer(first, who, round.roundId, conditionId);
    expect(executeActions(cardOf(reply.body)).map((a) => a.title)).toEqual(['Change my answer']);
  }
  await stop(first);

  // Another instance starts on the same tables and queue before the close date…
  const second = await start();
  expect(clock.now().getTime()).toBeLessThan(closesAt.getTime());
  expect(await second.services.rounds.findOpen(TEAM.id)).toMatchObject({ roundId: round.roundId });
  clock.runOn();
  // …and the round closes itself there, telling the channel where its cards are.
  const closing = await eventually(() => connector.sentActivities().find((s) => /closed at the end of its close date/.test(cardText(cardOf(s.activity)))), 30_000, 'the closing notice');
  expect(cardText(cardOf(closing.activity))).toMatch(/^Round closed\nAudit round 1 closed at the end of its close date, Friday 11 December 2026\. 2 people took part\. Response rate: 2 of 3 members \(67%\)\. The cards above now show the final participation\./);
  expect(closing.conversationId).toBe((round.postedIn as { conversation: { id: string } }).conversation.id);
  await second.settled();

  const closed = (await second.services.rounds.get(TEAM.id, round.roundId))!;
  expect(closed.status).toBe('closed');
  expect(Date.parse(closed.closedAt!)).toBeGreaterThanOrEqual(closesAt.getTime());
  // Every card shows the closed round, the intro its close date.
  const intro = connector.updates().filter((u) => u.activityId === round.introMessageId).at(-1);
  expect(cardText(cardOf(intro?.body))).toMatch(/This audit round closed at the end of Friday 11 December 2026\.[\s\S]*2 people answered at least one condition\.\nResponse rate: 2 of 3 members \(67%\)/);
  expect(cardText(cardOf(connector.updates().filter((u) => u.activityId === round.conditionMessageIds.C01).at(-1)?.body))).toMatch(/2 people answered this condition/);

  // An answer after the close date is refused, and stored nowhere.
  const late = await answer(second, PEOPLE.champion, round.roundId, 'C03');
  expect(cardText(cardOf(late.body))).toMatch(/closed/);
  expect(await second.services.answers.countForCondition(round.roundId, 'C03')).toBe(0);
  expect(textsIn(TEAM.id).filter((t) => t.startsWith('Round closed'))).toHaveLength(1);
  // The team's activity log says the app closed it, once (issue 12).
  const closings = (await second.services.activityLog.read(TEAM.id)).entries.filter((e) => e.kind === 'round-closed' && e.roundId === round.roundId);
  expect(closings.map((e) => e.actor)).toEqual([{ kind: 'app' }]);
  await stop(second);
}, 60_000);

describe('a round whose close job comes more than once, or after an extension', () => {
  let service: RunningService;
  const queue = async () => (await freshDueWorkQueues({ prefix })).work;
  /**
   * Schedules `jobs` due now (as the queue delivers them) and waits until the service has taken
   * every one; when one closes the round, until it has also scheduled the deletion of the round's
   * answers (issue 12), the last thing after a close, whose job then waits in the queue.
   */
  const deliver = async (jobs: CloseRoundJob[], closes = false) => {
    const work = await queue();
    const waiting = await messageCount(work);
    const expiryScheduled = async () => (await service.services.retention.rounds.closedRounds()).some((r) => r.roundId === jobs[0]!.roundId && r.answersExpireAt);
    await Promise.all(jobs.map((job) => service.services.dueWork.schedule(job, clock.now())));
    await eventually(async () => ((!closes || (await expiryScheduled())) && (await messageCount(work)) === waiting + (closes ? 1 : 0) ? true : undefined), 15_000, 'the jobs to be done');
    await service.settled();
  };

  beforeAll(async () => {
    clock.setTo('2026-12-14T10:00:00.000Z');
    service = await start();
    await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion, OTHER_TEAM));
  });

  it('leaves an extended round open when the job planned for its old close date comes', async () => {
    await startTheRound(service, connector, { team: OTHER_TEAM, closesOn: '2026-12-14' });
    await service.settled();
    const round = (await service.services.rounds.findOpen(OTHER_TEAM.id))!;
    await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, 'extend 1 day', { team: OTHER_TEAM }));
    expect((await service.services.rounds.findOpen(OTHER_TEAM.id))!.closesAt).toBe('2026-12-16T00:00:00.000Z');

    clock.setTo('2026-12-15T00:00:01.000Z');
    await deliver([{ kind: 'closeRound', teamId: OTHER_TEAM.id, roundId: round.roundId, closesAt: round.closesAt! }]);
    expect(await service.services.rounds.findOpen(OTHER_TEAM.id)).toMatchObject({ roundId: round.roundId, status: 'open' });
    expect(textsIn(OTHER_TEAM.id).filter((t) => t.startsWith('Round closed'))).toHaveLength(0);
    const reply = await answer(service, PEOPLE.practitioner, round.roundId, 'C01', OTHER_TEAM);
    expect(executeActions(cardOf(reply.body)).map((a) => a.title)).toEqual(['Change my answer']);
  });

  it('closes once and posts once when its job is delivered twice at the same moment, and again later', async () => {
    const round = (await service.services.rounds.findOpen(OTHER_TEAM.id))!;
    const job: CloseRoundJob = { kind: 'closeRound', teamId: OTHER_TEAM.id, roundId: round.roundId, closesAt: round.closesAt! };
    clock.setTo('2026-12-16T00:00:01.000Z');
    await service.settled();
    connector.reset();
    await deliver([job, job], true);
    await deliver([job]);
    expect(await service.services.rounds.findOpen(OTHER_TEAM.id)).toBeUndefined();
    const closings = textsIn(OTHER_TEAM.id).filter((t) => t.startsWith('Round closed'));
    expect(closings).toEqual([expect.stringMatching(/^Round closed\nAudit round 1 closed at the end of its close date, Tuesday 15 December 2026\. 1 person took part\./)]);
    // The intro and twelve condition cards were updated once each.
    expect(connector.updates()).toHaveLength(13);
  });
});
