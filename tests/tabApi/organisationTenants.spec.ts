import type { RunningService } from '../../bot/service';
import type { ServiceRound } from '../../bot/domain/organisation/serviceRound';
import { orgCaller, type OrgCaller } from '../support/orgCalls';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { installedInTeam, OTHER_TEAM, PEOPLE, TEAM, TENANT_ID } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * Issue 13: a leader of tenant A never sees tenant B. The organisation is always the signed-in
 * person's own tenant: its installed teams, its service-wide rounds, its left-out marks.
 * Tenant B's people cannot sign in to A's service at all (the verifier takes the configured
 * tenant's tokens only), so B's part is stored as the service would store it for B: teams
 * installed with B's tenant id, service-wide rounds and left-out marks in B's partition.
 */
const TENANT_B = '0b9d1f5e-0000-4000-8000-00000000beef';
const B_TEAM = { id: '19:b-west-general@thread.tacv2', name: 'Adoption – West (tenant B)' };
let service: RunningService;
let team: SignedInTeam | undefined;
let call: ReturnType<typeof orgCaller>;
let roundA: ServiceRound;
let roundB: ServiceRound;

const leaderA: OrgCaller = { who: PEOPLE.leader, roles: ['leader'] };
const adminA: OrgCaller = { who: PEOPLE.admin, roles: ['admin'] };

/** An activity as Teams sends it from tenant B (both places Teams names the tenant). */
function inTenantB<T extends object>(activity: T): T {
  const { conversation, channelData } = activity as { conversation?: object; channelData?: object };
  return { ...activity, conversation: { ...conversation, tenantId: TENANT_B }, channelData: { ...channelData, tenant: { id: TENANT_B } } };
}

const openServiceRound = (tenantId: string, serviceRoundId: string, teams: readonly { id: string; name: string }[]) =>
  service.services.serviceRounds.open({
    tenantId,
    serviceRoundId,
    openedAt: new Date().toISOString(),
    openedBy: PEOPLE.admin.name,
    closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    teams: teams.map((t) => ({ teamId: t.id, teamName: t.name })),
  });

beforeAll(async () => {
  team = await startSignedInTeam();
  service = team.service;
  call = orgCaller(team.identity, service);
  team.connector.setRoster(B_TEAM.id, []);
  await postToBot(service, inTenantB(installedInTeam(team.connector.serviceUrl, PEOPLE.outsider, B_TEAM)));
  await service.settled();
  roundA = await openServiceRound(TENANT_ID, 'sr-tenant-a', [TEAM, OTHER_TEAM]);
  roundB = await openServiceRound(TENANT_B, 'sr-tenant-b', [B_TEAM]);
  // B's admin left A's team out, in B's own rows: nothing of A's.
  await service.services.serviceRounds.setLeftOut(TENANT_B, TEAM.id, true, 'Admin of tenant B', new Date().toISOString());
});
afterAll(async () => team?.stop());

describe("a leader of tenant A, in the organisation's listing", () => {
  it("sees tenant A's teams and service-wide rounds only", async () => {
    // The service holds B's team, installed from B's tenant, and B's round.
    expect((await service.services.teams.get(B_TEAM.id))?.tenantId).toBe(TENANT_B);
    expect((await service.services.serviceRounds.list(TENANT_B)).map((r) => r.serviceRoundId)).toEqual([roundB.serviceRoundId]);

    const reply = await call(leaderA, 'GET', '/api/organisation');
    expect(reply.status).toBe(200);
    expect(reply.body.teams).toEqual([
      { teamId: TEAM.id, teamName: TEAM.name, installedAt: expect.any(String), leftOut: false },
      { teamId: OTHER_TEAM.id, teamName: OTHER_TEAM.name, installedAt: expect.any(String), leftOut: false },
    ]);
    expect((reply.body.serviceRounds as { serviceRoundId: string }[]).map((r) => r.serviceRoundId)).toEqual([roundA.serviceRoundId]);
    expect(JSON.stringify(reply.body)).not.toMatch(/tenant B|sr-tenant-b|b-west/);
  });
});

describe("tenant B's service-wide rounds and teams, named by tenant A's leaders and admins", () => {
  it("answer 404 SERVICE_ROUND_NOT_FOUND for B's service-wide round, as for one that never was", async () => {
    const theirs = await call(leaderA, 'GET', `/api/organisation/service-rounds/${roundB.serviceRoundId}`);
    expect(theirs).toEqual({ status: 404, body: { error: expect.objectContaining({ code: 'SERVICE_ROUND_NOT_FOUND' }) } });
    for (const format of ['csv', 'xlsx', 'docx']) {
      const file = await call(leaderA, 'GET', `/api/organisation/service-rounds/${roundB.serviceRoundId}/export.${format}`);
      expect({ format, status: file.status, code: file.body.error?.code }).toEqual({ format, status: 404, code: 'SERVICE_ROUND_NOT_FOUND' });
    }
    // Their own round is there for them.
    expect((await call(leaderA, 'GET', `/api/organisation/service-rounds/${roundA.serviceRoundId}`)).status).toBe(200);
  });

  it("refuse A's admin leaving B's team out (TEAM_NOT_IN_ORGANISATION), and mark nothing in either tenant", async () => {
    const reply = await call(adminA, 'PUT', `/api/organisation/teams/${encodeURIComponent(B_TEAM.id)}`, { leftOut: true });
    expect(reply).toEqual({ status: 404, body: { error: expect.objectContaining({ code: 'TEAM_NOT_IN_ORGANISATION' }) } });
    expect(await service.services.serviceRounds.leftOutTeams(TENANT_ID)).toEqual(new Set());
    expect(await service.services.serviceRounds.leftOutTeams(TENANT_B)).toEqual(new Set([TEAM.id]));
  });

  it("refuse anyone signed in to tenant B, whatever roles their token carries (401)", async () => {
    const adminB: OrgCaller = { who: PEOPLE.outsider, roles: ['leader', 'admin'], tenantId: TENANT_B };
    expect(await call(adminB, 'GET', '/api/organisation')).toEqual({ status: 401, body: { error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) } });
    expect((await call(adminB, 'GET', `/api/organisation/service-rounds/${roundB.serviceRoundId}`)).status).toBe(401);
  });
});
