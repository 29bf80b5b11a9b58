import type { ServiceRound } from '../../bot/domain/organisation/serviceRound';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { ServiceRoundsRepository } from '../../bot/storage/serviceRoundsRepository';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * Issue 13: the organisation's own rows (service-wide rounds, each team's part, the teams left
 * out), one partition per tenant, against the suite's Azurite.
 */
const TENANT_A = '72f988bf-0000-4000-8000-00000000000a';
const TENANT_B = '72f988bf-0000-4000-8000-00000000000b';
// Teams ids are not ours to choose: keys must survive whatever they contain.
const NORTH = '19:north/a\\b#c?d%e@thread.tacv2';
const SOUTH = '19:south-general@thread.tacv2';

let tables: AuditTables;
let repository: ServiceRoundsRepository;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  repository = new ServiceRoundsRepository(tables.organisation);
});

const round = (tenantId: string, serviceRoundId: string): Omit<ServiceRound, 'number'> => ({
  tenantId,
  serviceRoundId,
  openedAt: '2026-12-01T10:00:00.000Z',
  openedBy: 'Ewa Nowak',
  closesAt: '2026-12-18T00:00:00.000Z',
  teams: [
    { teamId: NORTH, teamName: 'North' },
    { teamId: SOUTH, teamName: 'South' },
  ],
});

describe("an organisation's service-wide rounds", () => {
  it('are numbered 1, 2, 3 … in the order opened, read back as stored, newest first (round 10 after round 9)', async () => {
    const tenant = 'numbering-tenant';
    for (let n = 1; n <= 10; n += 1) await repository.open(round(tenant, `sr-${n}`));
    const listed = await repository.list(tenant);
    expect(listed.map((r) => r.number)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(await repository.get(tenant, 'sr-3')).toEqual({ ...round(tenant, 'sr-3'), number: 3 });
  });

  it('open one at a time: two admins opening at the same moment get round 1 and SERVICE_ROUND_OPEN, never two rounds numbered 1', async () => {
    const tenant = 'concurrent-tenant';
    const outcomes = await Promise.allSettled([repository.open(round(tenant, 'first')), repository.open(round(tenant, 'second'))]);
    const opened = outcomes.filter((o): o is PromiseFulfilledResult<ServiceRound> => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.value.number).toBe(1);
    expect(refused.map((o) => (o.reason as { code: string }).code)).toEqual(['SERVICE_ROUND_OPEN']);
    expect((await repository.list(tenant)).map((r) => r.serviceRoundId)).toEqual([opened[0]!.value.serviceRoundId]);
  });

  it('open after the latest round the admin saw: one who saw none open cannot open another once round 1 has opened meanwhile', async () => {
    const tenant = 'stale-look-tenant';
    // Both admins looked when the organisation had no round; the first opened round 1 since.
    await repository.open(round(tenant, 'first'), { latest: undefined });
    await expect(repository.open(round(tenant, 'second'), { latest: undefined })).rejects.toMatchObject({ code: 'SERVICE_ROUND_OPEN' });
    const [first] = await repository.list(tenant);
    expect((await repository.open(round(tenant, 'next'), { latest: first })).number).toBe(2);
    expect((await repository.list(tenant)).map((r) => r.serviceRoundId)).toEqual(['next', 'first']);
  });

  it("let one caller claim a team's opening: where it has no state or was not asked, once; never over a state its job wrote", async () => {
    const tenant = 'claims-tenant';
    await repository.open(round(tenant, 'claims'));
    const claims = await Promise.all([1, 2, 3].map(() => repository.claimOpening(tenant, 'claims', NORTH)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await repository.teamStates(tenant, 'claims')).get(NORTH)).toEqual({ state: 'opening' });
    expect(await repository.claimOpening(tenant, 'claims', NORTH)).toBe(false);

    await repository.setTeamState(tenant, 'claims', SOUTH, { state: 'not-opened', reason: 'not-asked' });
    expect((await Promise.all([1, 2].map(() => repository.claimOpening(tenant, 'claims', SOUTH)))).filter(Boolean)).toHaveLength(1);
    await repository.setTeamState(tenant, 'claims', SOUTH, { state: 'opened', roundId: 'r-2', roundNumber: 1 });
    expect(await repository.claimOpening(tenant, 'claims', SOUTH)).toBe(false);
    expect((await repository.teamStates(tenant, 'claims')).get(SOUTH)).toEqual({ state: 'opened', roundId: 'r-2', roundNumber: 1 });
  });

  it("are kept in their tenant's partition: another tenant neither lists nor reads them, and numbers its own from 1", async () => {
    await repository.open(round(TENANT_A, 'a-round'));
    await repository.setTeamState(TENANT_A, 'a-round', NORTH, { state: 'opening' });
    expect(await repository.list(TENANT_B)).toEqual([]);
    expect(await repository.get(TENANT_B, 'a-round')).toBeUndefined();
    expect(await repository.teamStates(TENANT_B, 'a-round')).toEqual(new Map());
    expect((await repository.open(round(TENANT_B, 'b-round'))).number).toBe(1);
    expect((await repository.list(TENANT_A)).map((r) => r.serviceRoundId)).toEqual(['a-round']);
  });

  it("keep each team's state, the last written winning, and none for a team whose job has not written", async () => {
    await repository.open(round(TENANT_A, 'states'));
    await repository.setTeamState(TENANT_A, 'states', NORTH, { state: 'opening' });
    await repository.setTeamState(TENANT_A, 'states', NORTH, { state: 'opened', roundId: 'r-1', roundNumber: 4, cards: { posted: 13, notPosted: 0 } });
    await repository.setTeamState(TENANT_A, 'states', SOUTH, { state: 'not-opened', reason: 'round-already-open', openRoundNumber: 2 });
    await repository.setTeamState(TENANT_A, 'states-other', SOUTH, { state: 'opening' });
    expect(await repository.teamStates(TENANT_A, 'states')).toEqual(
      new Map([
        [NORTH, { state: 'opened', roundId: 'r-1', roundNumber: 4, cards: { posted: 13, notPosted: 0 } }],
        [SOUTH, { state: 'not-opened', reason: 'round-already-open', openRoundNumber: 2 }],
      ]),
    );
  });
});

describe('teams left out of the organisation', () => {
  it('are marked and taken back in, per tenant, and taking back a team never left out is no error', async () => {
    await repository.setLeftOut(TENANT_A, NORTH, true, 'Ewa Nowak', '2026-12-01T10:00:00.000Z');
    await repository.setLeftOut(TENANT_A, NORTH, true, 'Ewa Nowak', '2026-12-01T10:05:00.000Z');
    expect(await repository.leftOutTeams(TENANT_A)).toEqual(new Set([NORTH]));
    expect(await repository.leftOutTeams(TENANT_B)).toEqual(new Set());
    await repository.setLeftOut(TENANT_A, SOUTH, false, 'Ewa Nowak', '2026-12-01T10:06:00.000Z');
    await repository.setLeftOut(TENANT_A, NORTH, false, 'Ewa Nowak', '2026-12-01T10:07:00.000Z');
    expect(await repository.leftOutTeams(TENANT_A)).toEqual(new Set());
  });

  it('are not confused with service-wide rounds or team states in the same partition', async () => {
    const tenant = 'mixed-tenant';
    await repository.open(round(tenant, 'mixed'));
    await repository.setTeamState(tenant, 'mixed', SOUTH, { state: 'opening' });
    await repository.setLeftOut(tenant, SOUTH, true, 'Ewa Nowak', '2026-12-01T10:00:00.000Z');
    expect((await repository.list(tenant)).map((r) => r.serviceRoundId)).toEqual(['mixed']);
    expect(await repository.leftOutTeams(tenant)).toEqual(new Set([SOUTH]));
  });
});

describe("a team's round", () => {
  it('keeps the service-wide round it belongs to; a round of the team\'s own has none', async () => {
    const rounds = new RoundsRepository(tables.rounds);
    const base = { teamId: NORTH, number: 1, status: 'open' as const, openedAt: '2026-12-01T10:00:00.000Z', openedBy: 'Ewa Nowak', conditionMessageIds: {} };
    await rounds.open({ ...base, roundId: 'service-part', serviceRoundId: 'sr-7' });
    expect(await rounds.get(NORTH, 'service-part')).toMatchObject({ serviceRoundId: 'sr-7' });
    await rounds.close(NORTH, 'service-part', '2026-12-02T10:00:00.000Z');
    expect(await rounds.get(NORTH, 'service-part')).toMatchObject({ status: 'closed', serviceRoundId: 'sr-7' });
    await rounds.open({ ...base, roundId: 'own', number: 2 });
    expect(await rounds.get(NORTH, 'own')).not.toHaveProperty('serviceRoundId');
  });
});
