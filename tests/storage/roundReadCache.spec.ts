import { RoundReadCache } from '../../bot/storage/roundReadCache';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/** Counts reads that reach storage (a real repository against Azurite underneath). */
class CountingRounds extends RoundsRepository {
  reads = 0;
  override get(teamId: string, roundId: string) {
    this.reads += 1;
    return super.get(teamId, roundId);
  }
}

let rounds: CountingRounds;
beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  rounds = new CountingRounds(tables.rounds);
  await rounds.open({ teamId: 'team-a', roundId: 'r1', number: 1, status: 'open', openedAt: '2026-11-25T10:00:00Z', openedBy: 'Amara', conditionMessageIds: {} });
});

it('shares one read among concurrent answers and keeps an open round only for its lifetime', async () => {
  let clock = 0;
  const cache = new RoundReadCache(rounds, 1000, { now: () => clock });
  rounds.reads = 0;
  const found = await Promise.all(Array.from({ length: 50 }, () => cache.get('team-a', 'r1')));
  expect(found.every((r) => r?.status === 'open')).toBe(true);
  expect(rounds.reads).toBe(1);

  await rounds.close('team-a', 'r1', '2026-11-25T11:00:00Z');
  expect((await cache.get('team-a', 'r1'))?.status).toBe('open'); // still within its lifetime
  clock = 1001;
  expect((await cache.get('team-a', 'r1'))?.status).toBe('closed');
  // Closed, but its counts not kept yet (retention keeps them before deleting its answers): read again.
  await rounds.recordFinalCounts('team-a', 'r1', { respondents: 0, peopleByLevel: {}, cells: {} });
  clock = 2002;
  expect((await cache.get('team-a', 'r1'))?.finalCounts).toEqual({ respondents: 0, peopleByLevel: {}, cells: {} });
  clock = 10_000_000;
  const readsBefore = rounds.reads;
  expect((await cache.get('team-a', 'r1'))?.status).toBe('closed'); // a closed round with its counts never changes
  expect(rounds.reads).toBe(readsBefore);
});

it('asks storage again after a miss, and forgets a round on request', async () => {
  const cache = new RoundReadCache(rounds, 60_000);
  rounds.reads = 0;
  expect(await cache.get('team-a', 'nope')).toBeUndefined();
  expect(await cache.get('team-a', 'nope')).toBeUndefined();
  expect(rounds.reads).toBe(2);
  await cache.get('team-a', 'r1');
  cache.forget('team-a', 'r1');
  await cache.get('team-a', 'r1');
  expect(rounds.reads).toBe(4);
});
