import { openServiceRound } from '../../bot/app/organisation/openServiceRound';
import type { TabUser } from '../../bot/auth/ssoTokenVerifier';
import { proposedCloseDay } from '../../bot/domain/closeDate';
import type { RunningService } from '../../bot/service';
import { createDueWork, openDueWorkQueues } from '../../bot/storage/dueWorkQueue';
import { eventually, freePort } from '../support/serviceProcess';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { testConnectionString } from '../support/suiteAzurite';
import { OTHER_TEAM, PEOPLE, TEAM, TENANT_ID } from '../support/teamsActivities';

/**
 * Issue 13: a service-wide round never claims a team was asked when it was not. When due work's
 * queue cannot be reached (its address answers nothing, while Table storage works), no team's
 * job can be kept: every team is recorded "not asked" (never "opening"), and the admin is told
 * which. Opening again once the queue answers asks those teams, in the same round.
 */
let team: SignedInTeam | undefined;
let service: RunningService;
let queueDown: Parameters<typeof openServiceRound>[0];
const admin: TabUser = { entraObjectId: PEOPLE.admin.aadObjectId, tenantId: TENANT_ID, name: PEOPLE.admin.name, local: false, orgRoles: ['admin'] };
const states = async () => {
  const [round] = await service.services.serviceRounds.list(TENANT_ID);
  return Object.fromEntries(await service.services.serviceRounds.teamStates(TENANT_ID, round!.serviceRoundId));
};

beforeAll(async () => {
  team = await startSignedInTeam(); // TEAM has a round open; OTHER_TEAM has none
  service = team.service;
  const deadQueue = testConnectionString().replace(/QueueEndpoint=http:\/\/127\.0\.0\.1:\d+/, `QueueEndpoint=http://127.0.0.1:${await freePort()}`);
  queueDown = { ...service.services, dueWork: createDueWork(openDueWorkQueues({ kind: 'connectionString', connectionString: deadQueue }, 'servicenowhere'), service.services.now) };
});
afterAll(async () => team?.stop());

describe('a service-wide round whose teams cannot be asked', () => {
  const closesOn = proposedCloseDay(new Date(), 14);

  it('records each team "not asked" and says which, having done nothing in them', async () => {
    await expect(openServiceRound(queueDown, admin, { closesOn })).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      status: 503,
      message: `Service-wide round 1 could not be opened in any team: ${TEAM.name} and ${OTHER_TEAM.name} could not be asked: storage did not answer, and nothing was done in those teams. Open the round again to ask them; it keeps its close date.`,
    });
    expect(await states()).toEqual({
      [TEAM.id]: { state: 'not-opened', reason: 'not-asked' },
      [OTHER_TEAM.id]: { state: 'not-opened', reason: 'not-asked' },
    });
    expect(await service.services.rounds.findOpen(OTHER_TEAM.id)).toBeUndefined();
  });

  it('asks them when opened again, in the same round with its close date; then refuses another', async () => {
    const [before] = await service.services.serviceRounds.list(TENANT_ID);
    const listing = await openServiceRound(service.services, admin, { closesOn: proposedCloseDay(new Date(), 20) });
    expect(listing).toMatchObject({ serviceRoundId: before!.serviceRoundId, number: 1, closesAt: before!.closesAt, teamsAsked: 2 });
    const settled = await eventually(async () => {
      const now = await states();
      return Object.values(now).every((s) => s.state !== 'opening' && !(s.state === 'opened' && !s.cards)) ? now : undefined;
    }, 30_000, "the teams' jobs to be done");
    expect(settled[OTHER_TEAM.id]).toMatchObject({ state: 'opened', roundNumber: 1, cards: { posted: 13, notPosted: 0 } });
    expect(settled[TEAM.id]).toEqual({ state: 'not-opened', reason: 'round-already-open', openRoundNumber: 1 });
    expect(await service.services.rounds.findOpen(OTHER_TEAM.id)).toMatchObject({ serviceRoundId: before!.serviceRoundId, closesAt: before!.closesAt });

    await expect(openServiceRound(service.services, admin, { closesOn })).rejects.toMatchObject({ code: 'SERVICE_ROUND_OPEN' });
  }, 60_000);
});
