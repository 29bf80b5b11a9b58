import type { ServiceRound } from '../../bot/domain/organisation/serviceRound';
import { ServiceRoundReadCache } from '../../bot/storage/serviceRoundReadCache';
import { ServiceRoundsRepository } from '../../bot/storage/serviceRoundsRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/** Real rows in Azurite; the repository counts the reads that reach storage. */
class ObservedServiceRounds extends ServiceRoundsRepository {
  reads = 0;
  override get(...args: Parameters<ServiceRoundsRepository['get']>) {
    this.reads += 1;
    return super.get(...args);
  }
  override list(...args: Parameters<ServiceRoundsRepository['list']>) {
    this.reads += 1;
    return super.list(...args);
  }
  override teamStates(...args: Parameters<ServiceRoundsRepository['teamStates']>) {
    this.reads += 1;
    return super.teamStates(...args);
  }
}

const TENANT = 'tenant-a';
let repository: ObservedServiceRounds;
let round: ServiceRound;
beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  repository = new ObservedServiceRounds(tables.organisation);
  round = await repository.open({ tenantId: TENANT, serviceRoundId: 'sr-1', openedAt: '2026-12-01T09:00:00.000Z', openedBy: 'Ewa Nowak', closesAt: '2026-12-12T00:00:00.000Z', teams: [{ teamId: 'north', teamName: 'North' }] });
  await repository.setTeamState(TENANT, 'sr-1', 'north', { state: 'opening' });
});

/** Lets the refresh started behind a read land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

it("serves the organisation view's reads of a service-wide round from memory, refreshing them behind once old, so a leader's poll does not wait on storage", async () => {
  let clock = 0;
  const cache = new ServiceRoundReadCache(repository, 5000, { now: () => clock });
  const reads = repository.reads;
  expect(await cache.get(TENANT, 'sr-1')).toEqual(round);
  expect(await cache.list(TENANT)).toEqual([round]);
  expect((await cache.teamStates(TENANT, 'sr-1')).get('north')).toEqual({ state: 'opening' });
  for (let i = 0; i < 5; i += 1) await Promise.all([cache.get(TENANT, 'sr-1'), cache.list(TENANT), cache.teamStates(TENANT, 'sr-1')]);
  expect(repository.reads).toBe(reads + 3);

  // The team's round opened: shown once the figures held are old and the refresh behind them has landed.
  await repository.setTeamState(TENANT, 'sr-1', 'north', { state: 'opened', roundId: 'r-north', roundNumber: 1 });
  clock = 5001;
  expect((await cache.teamStates(TENANT, 'sr-1')).get('north')).toEqual({ state: 'opening' });
  await settle();
  expect((await cache.teamStates(TENANT, 'sr-1')).get('north')).toEqual({ state: 'opened', roundId: 'r-north', roundNumber: 1 });
});

it('keeps no answer for a round storage does not have, so a round opened a moment later is found at once; another tenant reads only its own', async () => {
  const cache = new ServiceRoundReadCache(repository, 5000);
  expect(await cache.get(TENANT, 'sr-2')).toBeUndefined();
  expect(await cache.get('tenant-b', 'sr-1')).toBeUndefined();
  expect(await cache.list('tenant-b')).toEqual([]);
  expect((await cache.teamStates('tenant-b', 'sr-1')).size).toBe(0);
  const second = await repository.open({ tenantId: TENANT, serviceRoundId: 'sr-2', openedAt: '2026-12-15T09:00:00.000Z', openedBy: 'Ewa Nowak', closesAt: '2026-12-24T00:00:00.000Z', teams: [{ teamId: 'north', teamName: 'North' }] });
  expect(await cache.get(TENANT, 'sr-2')).toEqual(second);
});
