import { extendRound } from '../../bot/app/extendRound';
import type { DueWork } from '../../bot/app/dueWork';
import { addDays, closeDayOf } from '../../bot/domain/closeDate';
import type { RunningService } from '../../bot/service';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { startTheRound } from '../support/startRound';
import { asRosterMember, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService } from '../support/testService';

/**
 * Issue 10: an extension racing the automatic close. From a round's close date on, no answer is
 * taken and its close may run at any moment. A champion presses "Extend" a moment before, but
 * storage is slow and the new date would be stored after the close date has come: the round must
 * not open again for answers it has already refused. The extension is refused, as one asked a
 * moment later would be, and the round keeps its close date.
 */
const clock = testClock('2026-11-27T10:00:00.000Z');
let connector: FakeConnector;
let service: RunningService;

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember));
  service = await startTestService({}, { now: clock.now });
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it('refuses an extension whose new date would be stored only after the close date has come, and keeps the close date', async () => {
  const round = (await service.services.rounds.findOpen(TEAM.id))!;
  clock.setTo(new Date(Date.parse(round.closesAt!) - 500));
  // Keeping the extension's due work takes a second: the close date comes meanwhile.
  const slowQueue: DueWork = {
    schedule: async (job, dueAt) => {
      clock.setTo(new Date(Date.parse(round.closesAt!) + 500));
      await service.services.dueWork.schedule(job, dueAt);
    },
  };
  const champion = { entraObjectId: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name, teamsUserId: PEOPLE.champion.id };

  await expect(extendRound({ ...service.services, dueWork: slowQueue }, { teamId: TEAM.id, person: champion, closesOn: addDays(closeDayOf(round.closesAt!), 7), roundId: round.roundId })).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
  expect((await service.services.rounds.get(TEAM.id, round.roundId))?.closesAt).toBe(round.closesAt);
});
