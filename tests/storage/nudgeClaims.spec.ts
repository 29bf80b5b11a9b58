import type { ActionFields } from '../../bot/app/plan/planStore';
import { PlanRepository } from '../../bot/storage/planRepository';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * Issue 11: an owner's due-date nudge is claimed beside the action, in the team's plan partition,
 * once per due date and owner: the claim is what keeps a nudge from going twice, and it changes
 * nothing a champion sees or edits.
 */
let plans: PlanRepository;
beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  plans = new PlanRepository(tables.plans, new RoundsRepository(tables.rounds));
});

const TEAM = '19:a/b\\c#d?e%f@thread.tacv2';
const BEN = '29:user-2/with?odd#chars';
const fields: ActionFields = { conditionId: 'C06', need: 'Monthly group case discussion', progress: '', owner: 'Ben Hughes', ownerMember: { teamsUserId: BEN }, dueDate: '2027-03-03', status: 'in-progress' };
const stamp = { at: '2027-01-04T10:00:00.000Z', by: 'Amara Okafor', roundId: null };
const NOW = '2027-03-03T09:00:00.000Z';

describe("an owner's nudge claimed", () => {
  it('is claimed once, whoever asks at the same moment, for each due date and owner', async () => {
    await plans.create(TEAM, 'act-1', fields, stamp);
    const claims = await Promise.all(Array.from({ length: 4 }, () => plans.claimNudge(TEAM, 'act-1', '2027-03-03', BEN, NOW)));
    expect(claims.filter((claim) => claim !== undefined)).toHaveLength(1);
    expect(await plans.claimNudge(TEAM, 'act-1', '2027-03-03', BEN, NOW)).toBeUndefined();
    expect(await plans.claimNudge(TEAM, 'act-1', '2027-03-10', BEN, NOW)).toBeDefined();
    expect(await plans.claimNudge(TEAM, 'act-1', '2027-03-03', '29:user-3', NOW)).toBeDefined();
  });

  it('stays claimed once its outcome is recorded, and can be claimed again once given back', async () => {
    await plans.create(TEAM, 'act-2', fields, stamp);
    const sent = (await plans.claimNudge(TEAM, 'act-2', '2027-03-03', BEN, NOW))!;
    await plans.recordNudge(sent, 'unreachable', NOW);
    expect(await plans.claimNudge(TEAM, 'act-2', '2027-03-03', BEN, NOW)).toBeUndefined();

    const failed = (await plans.claimNudge(TEAM, 'act-2', '2027-04-01', BEN, NOW))!;
    await plans.releaseNudge(failed);
    expect(await plans.claimNudge(TEAM, 'act-2', '2027-04-01', BEN, NOW)).toBeDefined();
  });

  it('leaves the action as champions see and change it: same version, no other action in the plan', async () => {
    const created = await plans.create(TEAM, 'act-3', fields, stamp);
    await plans.claimNudge(TEAM, 'act-3', '2027-03-03', BEN, NOW);
    expect(await plans.get(TEAM, 'act-3')).toEqual(created);
    expect((await plans.list(TEAM)).map((action) => action.actionId)).toEqual(['act-1', 'act-2', 'act-3']);
    await expect(plans.update(TEAM, 'act-3', created.version, { ...fields, status: 'done' }, stamp)).resolves.toMatchObject({ status: 'done' });
  });

  it('goes with its action when the action is removed', async () => {
    const created = await plans.create(TEAM, 'act-4', fields, stamp);
    await plans.claimNudge(TEAM, 'act-4', '2027-03-03', BEN, NOW);
    await plans.remove(TEAM, 'act-4', created.version);
    await plans.create(TEAM, 'act-4', fields, stamp);
    expect(await plans.claimNudge(TEAM, 'act-4', '2027-03-03', BEN, NOW)).toBeDefined();
  });
});
