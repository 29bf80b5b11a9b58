import { NUDGE_NOT_PLANNED } from '../../bot/app/plan/actionNudges';
import { addAction, changeAction } from '../../bot/app/plan/planChanges';
import type { TabUser } from '../../bot/auth/ssoTokenVerifier';
import { createLogger } from '../../bot/logger';
import type { RunningService } from '../../bot/service';
import { createDueWork, openDueWorkQueues } from '../../bot/storage/dueWorkQueue';
import { createTabMembership } from '../../bot/teams/teamMembership';
import { freePort } from '../support/serviceProcess';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { testConnectionString } from '../support/suiteAzurite';
import { PEOPLE, TEAM, TENANT_ID } from '../support/teamsActivities';

/**
 * Issue 11: a change to the plan that calls for its owner's due-date nudge is never saved without
 * it. When due work's queue cannot be reached (here: the queue service's address answers nothing,
 * while Table storage works), the change is refused, saying why, and nothing is saved; a change
 * that calls for no nudge is saved as usual.
 */
let team: SignedInTeam | undefined;
let service: RunningService;
let deps: Parameters<typeof addAction>[0];
const champion: TabUser = { entraObjectId: PEOPLE.champion.aadObjectId, tenantId: TENANT_ID, name: PEOPLE.champion.name, local: false, orgRoles: [] };
const ACTION = { conditionId: 'C06', need: 'Monthly group case discussion', progress: '', owner: '', status: 'in-progress', ownerMemberId: PEOPLE.practitioner.id, dueDate: '2027-03-31' };

beforeAll(async () => {
  team = await startSignedInTeam();
  service = team.service;
  const queueDown = testConnectionString().replace(/QueueEndpoint=http:\/\/127\.0\.0\.1:\d+/, `QueueEndpoint=http://127.0.0.1:${await freePort()}`);
  deps = {
    ...service.services,
    roster: createTabMembership({ teamsPort: service.teamsPort, teams: service.services.teams }),
    teamRoster: service.services.roster,
    logger: createLogger('silent'),
    dueWork: createDueWork(openDueWorkQueues({ kind: 'connectionString', connectionString: queueDown }, 'nudgesnowhere'), service.services.now),
  };
});
afterAll(async () => team?.stop());

describe("a plan change whose owner's nudge cannot be planned", () => {
  it('is refused, saying nothing was saved and why, when an action with a member as owner and a due date is added', async () => {
    await expect(addAction(deps, champion, TEAM.id, ACTION)).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', status: 503, message: NUDGE_NOT_PLANNED });
    expect(await service.services.plans.list(TEAM.id)).toEqual([]);
  });

  it("is refused, and the action kept as it was, when its due date or owner changes; other changes are saved", async () => {
    const saved = await addAction({ ...deps, dueWork: service.services.dueWork }, champion, TEAM.id, ACTION);
    await expect(changeAction(deps, champion, TEAM.id, saved.actionId, saved.version, { ...ACTION, dueDate: '2027-04-30' })).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', message: NUDGE_NOT_PLANNED });
    await expect(changeAction(deps, champion, TEAM.id, saved.actionId, saved.version, { ...ACTION, ownerMemberId: PEOPLE.champion.id })).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(await service.services.plans.get(TEAM.id, saved.actionId)).toMatchObject({ dueDate: '2027-03-31', owner: PEOPLE.practitioner.name, version: saved.version });

    const progressed = await changeAction(deps, champion, TEAM.id, saved.actionId, saved.version, { ...ACTION, progress: 'Pilot running in the north team' });
    expect(progressed).toMatchObject({ progress: 'Pilot running in the north team', dueDate: '2027-03-31' });
  });
});
