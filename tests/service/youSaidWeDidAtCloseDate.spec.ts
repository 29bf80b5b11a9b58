import type { CloseRoundJob } from '../../bot/app/closeOnDate';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { freshDueWorkQueues, messageCount } from '../support/dueWork';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { startTheRound } from '../support/startRound';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, channelCommand, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService } from '../support/testService';

/**
 * Issue 11: a round that closes by itself on its close date (due work, issue 10) offers its
 * champions "You said, we did" as a champion's close does: once each, however often the close's
 * job is delivered.
 */
const prefix = uniqueTablePrefix();
const clock = testClock('2027-03-03T10:00:00.000Z');
let connector: FakeConnector;
let service: RunningService;

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager].map(asRosterMember));
  service = await startTestService({ TABLES_PREFIX: prefix, DUE_WORK_POLL_MS: '100' }, { now: clock.now });
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, 'champions add', { mention: [PEOPLE.manager] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it("offers each champion the card once when the round closes at the end of its close date, its job delivered twice", async () => {
  await startTheRound(service, connector, { closesOn: '2027-03-03' });
  await service.settled();
  const round = (await service.services.rounds.findOpen(TEAM.id))!;
  const job: CloseRoundJob = { kind: 'closeRound', teamId: TEAM.id, roundId: round.roundId, closesAt: round.closesAt! };

  clock.setTo('2027-03-04T00:00:01.000Z');
  connector.reset();
  const { work } = await freshDueWorkQueues({ prefix });
  const waiting = await messageCount(work);
  await Promise.all([service.services.dueWork.schedule(job, clock.now()), service.services.dueWork.schedule(job, clock.now())]);
  // Done when both are gone and the one close has scheduled its answers' deletion (issue 12), the last thing after a close.
  const expiryScheduled = async () => (await service.services.retention.rounds.closedRounds()).some((r) => r.roundId === round.roundId && r.answersExpireAt);
  await eventually(async () => ((await expiryScheduled()) && (await messageCount(work)) === waiting + 1 ? true : undefined), 15_000, 'the close jobs to be done');
  await service.settled();

  expect((await service.services.rounds.get(TEAM.id, round.roundId))!.status).toBe('closed');
  expect(connector.messagesPerPerson()).toEqual(new Map([[PEOPLE.champion.id, 1], [PEOPLE.manager.id, 1]]));
  const offers = connector.sentActivities().filter((s) => executeActions(cardOf(s.activity)).some((a) => a.verb === VERBS.postYouSaidWeDid));
  expect(offers).toHaveLength(2);
  expect(cardText(cardOf(offers[0]!.activity))).toMatch(/^Tell your team what came of audit round 1\n/);
  expect(connector.sentActivities().filter((s) => cardText(cardOf(s.activity)).startsWith('You said, we did'))).toEqual([]);
}, 60_000);
