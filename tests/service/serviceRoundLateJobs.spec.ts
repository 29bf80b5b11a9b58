import type { RunningService } from '../../bot/service';
import { loggedEvents } from '../support/dueWork';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, installedInTeam, PEOPLE, TENANT_ID, uninstalledFromTeam } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService } from '../support/testService';

/**
 * Issue 13: a team's job of a service-wide round can run late (due work retried through an
 * outage of storage or Teams, for hours), or after the app has left the team. It then opens
 * nothing that cannot be answered and posts nothing, and the organisation view is told why.
 */
const team = (name: string) => ({ id: `19:${name.toLowerCase()}-general@thread.tacv2`, name: `Children's Services – ${name}` });
const AVON = team('Avon');
const BATH = team('Bath');
const clock = testClock('2026-11-02T10:00:00.000Z');

let connector: FakeConnector;
let service: RunningService;
const logLines: string[] = [];
const jobsDone = () => loggedEvents(logLines, 'due_work_done').filter((e) => e.kind === 'openServiceRoundInTeam').length;

beforeAll(async () => {
  connector = await startFakeConnector();
  for (const t of [AVON, BATH]) connector.setRoster(t.id, [PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember));
  service = await startTestService({ TABLES_PREFIX: uniqueTablePrefix(), DUE_WORK_POLL_MS: '100' }, { now: clock.now, logLines, logLevel: 'info' });
  for (const t of [AVON, BATH]) await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion, t));
}, 60_000);
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

/** A service-wide round asked of `teamId` as a POST leaves it, closing at `closesAt`; its team's job is then run. */
async function askedAndRun(serviceRoundId: string, teamId: string, closesAt: string): Promise<void> {
  const { serviceRounds, dueWork } = service.services;
  const [latest] = await serviceRounds.list(TENANT_ID);
  await serviceRounds.open({ tenantId: TENANT_ID, serviceRoundId, openedAt: '2026-10-20T09:00:00.000Z', openedBy: PEOPLE.admin.name, closesAt, teams: [{ teamId, teamName: 'the team' }] }, { latest });
  await serviceRounds.claimOpening(TENANT_ID, serviceRoundId, teamId);
  const before = jobsDone();
  await dueWork.schedule({ kind: 'openServiceRoundInTeam', tenantId: TENANT_ID, serviceRoundId, teamId }, clock.now());
  await eventually(async () => (jobsDone() > before ? true : undefined), 30_000, "the team's job");
  await service.settled();
}

it("opens no round and posts nothing when the team's job runs after the service-wide round's close date, and says so", async () => {
  connector.reset();
  // The round closed at the end of 1 November; its job for Avon comes on 2 November.
  await askedAndRun('late-round', AVON.id, '2026-11-02T00:00:00.000Z');
  expect(connector.sentActivities()).toEqual([]);
  expect(await service.services.rounds.listForTeam(AVON.id)).toEqual([]);
  expect((await service.services.serviceRounds.teamStates(TENANT_ID, 'late-round')).get(AVON.id)).toEqual({ state: 'not-opened', reason: 'closed-before-opening' });
}, 60_000);

it('opens no round and posts nothing when the app left the team before its job ran', async () => {
  await postToBot(service, uninstalledFromTeam(connector.serviceUrl, PEOPLE.champion, BATH));
  connector.reset();
  await askedAndRun('after-removal', BATH.id, '2026-11-20T00:00:00.000Z');
  expect(connector.sentActivities()).toEqual([]);
  expect(await service.services.rounds.listForTeam(BATH.id)).toEqual([]);
  expect((await service.services.serviceRounds.teamStates(TENANT_ID, 'after-removal')).get(BATH.id)).toEqual({ state: 'not-opened', reason: 'app-removed' });
}, 60_000);
