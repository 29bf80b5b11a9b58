import { serviceRoundListing } from '../../bot/app/organisation/organisationListing';
import type { RunningService } from '../../bot/service';
import { RoundReadCache } from '../../bot/storage/roundReadCache';
import { closeRoundNow } from '../support/closeRoundNow';
import { orgCaller, type OrgCaller } from '../support/orgCalls';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { installedInTeam, OTHER_TEAM, PEOPLE, TEAM, TENANT_ID } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * GET /api/organisation (issue 13): the leader's roles, the tenant's teams with the app (those
 * left out marked, not hidden) in name order, and its service-wide rounds, newest first, each
 * open while any team it asked is still opening or has its round open.
 */
const ADOPTION = { id: '19:adoption-general@thread.tacv2', name: 'adoption and permanence' };
let service: RunningService;
let team: SignedInTeam | undefined;
let call: ReturnType<typeof orgCaller>;
const leader: OrgCaller = { who: PEOPLE.leader, roles: ['leader'] };

beforeAll(async () => {
  team = await startSignedInTeam();
  service = team.service;
  call = orgCaller(team.identity, service);
  team.connector.setRoster(ADOPTION.id, []);
  await postToBot(service, installedInTeam(team.connector.serviceUrl, PEOPLE.champion, ADOPTION));
  await service.settled();
});
afterAll(async () => team?.stop());

const listing = async () => {
  const reply = await call(leader, 'GET', '/api/organisation');
  expect(reply.status).toBe(200);
  return reply.body as unknown as { roles: string[]; teams: { teamId: string; teamName: string; leftOut: boolean }[]; serviceRounds: { serviceRoundId: string; status: string }[] };
};
const statuses = async () => Object.fromEntries((await listing()).serviceRounds.map((r) => [r.serviceRoundId, r.status]));

it('lists the teams in name order as people read it, left-out teams marked, with the roles of the one asking', async () => {
  await service.services.serviceRounds.setLeftOut(TENANT_ID, OTHER_TEAM.id, true, PEOPLE.admin.name, new Date().toISOString());
  const reply = await listing();
  expect(reply.roles).toEqual(['leader']);
  // en-GB order, not character codes: "adoption…" (lower case) comes before "Children's…".
  expect(reply.teams.map((t) => [t.teamName, t.leftOut])).toEqual([[ADOPTION.name, false], [TEAM.name, false], [OTHER_TEAM.name, true]]);
  expect(reply.teams.map((t) => t.teamId)).toEqual([ADOPTION.id, TEAM.id, OTHER_TEAM.id]);
  await service.services.serviceRounds.setLeftOut(TENANT_ID, OTHER_TEAM.id, false, PEOPLE.admin.name, new Date().toISOString());
  expect((await listing()).teams.map((t) => t.leftOut)).toEqual([false, false, false]);
});

it('lists service-wide rounds newest first, open until every team asked has its round closed or did not open one', async () => {
  const closesAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const open = (serviceRoundId: string, teams: readonly { id: string; name: string }[]) =>
    service.services.serviceRounds.open({ tenantId: TENANT_ID, serviceRoundId, openedAt: new Date().toISOString(), openedBy: PEOPLE.admin.name, closesAt, teams: teams.map((t) => ({ teamId: t.id, teamName: t.name })) });
  const first = await open('sr-listing-1', [TEAM]);
  await service.services.serviceRounds.setTeamState(TENANT_ID, first.serviceRoundId, TEAM.id, { state: 'opened', roundId: team!.roundId, roundNumber: 1 });
  const second = await open('sr-listing-2', [TEAM, OTHER_TEAM]);
  await service.services.serviceRounds.setTeamState(TENANT_ID, second.serviceRoundId, TEAM.id, { state: 'not-opened', reason: 'round-already-open', openRoundNumber: 1 });

  // OTHER_TEAM's job has not written yet: the second round is still opening there.
  expect((await listing()).serviceRounds).toEqual([
    { serviceRoundId: second.serviceRoundId, number: 2, openedAt: second.openedAt, openedBy: PEOPLE.admin.name, closesAt, status: 'open', teamsAsked: 2 },
    { serviceRoundId: first.serviceRoundId, number: 1, openedAt: first.openedAt, openedBy: PEOPLE.admin.name, closesAt, status: 'open', teamsAsked: 1 },
  ]);
  await service.services.serviceRounds.setTeamState(TENANT_ID, second.serviceRoundId, OTHER_TEAM.id, { state: 'opening' });
  expect(await statuses()).toEqual({ [second.serviceRoundId]: 'open', [first.serviceRoundId]: 'open' });
  // Neither team opened a round in it: nothing of it is open.
  await service.services.serviceRounds.setTeamState(TENANT_ID, second.serviceRoundId, OTHER_TEAM.id, { state: 'not-opened', reason: 'app-removed' });
  expect(await statuses()).toEqual({ [second.serviceRoundId]: 'closed', [first.serviceRoundId]: 'open' });

  // The first round's one team closes its round.
  await closeRoundNow(service, { authorization: `Bearer ${await team!.identity.sign({ oid: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name })}` });
  expect(await statuses()).toEqual({ [second.serviceRoundId]: 'closed', [first.serviceRoundId]: 'closed' });
  // Closed by the champion two weeks before its close date: it says when, not the date it was to close.
  // The round in which no team opened one never closed anything: no such time.
  const { closedAt } = (await service.services.rounds.get(TEAM.id, team!.roundId))!;
  const [secondListed, firstListed] = (await listing()).serviceRounds;
  expect(firstListed).toMatchObject({ status: 'closed', closedAt });
  expect(secondListed).not.toHaveProperty('closedAt');
});

it("lists a service-wide round from the team states a caller has read already, reading none itself", async () => {
  const round = await service.services.serviceRounds.open({
    tenantId: TENANT_ID, serviceRoundId: 'sr-listing-given', openedAt: new Date().toISOString(), openedBy: PEOPLE.admin.name,
    closesAt: new Date(Date.now() + 86_400_000).toISOString(), teams: [{ teamId: ADOPTION.id, teamName: ADOPTION.name }],
  });
  const deps = { serviceRounds: service.services.serviceRounds, tabRounds: new RoundReadCache(service.services.rounds, 0), now: () => new Date() };
  // Stored: nothing yet (still opening). Given: the team did not open a round.
  expect((await serviceRoundListing(deps, round)).status).toBe('open');
  expect((await serviceRoundListing(deps, round, new Map([[ADOPTION.id, { state: 'not-opened', reason: 'app-removed' } as const]]))).status).toBe('closed');
  // A team whose state was never written (its opening row failed, so no job was scheduled) does not hold the round open for ever.
  const later = { ...deps, now: () => new Date(Date.now() + 3 * 60_000) };
  expect((await serviceRoundListing(later, round)).status).toBe('closed');
});
