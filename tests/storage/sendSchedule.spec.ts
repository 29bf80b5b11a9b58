// The send schedule every instance claims its slots to Teams in (issue 10: Teams' 50 requests a
// second per app hold for all instances together), against the suite's Azurite.
import type { TableClient } from '@azure/data-tables';
import { isAuditError } from '../../bot/domain/errors';
import { SendSchedule, type ClaimedRun } from '../../bot/storage/sendSchedule';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { SLOT_MS } from '../../bot/teams/delivery/sharedAppLimit';
import { freePort } from '../support/serviceProcess';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';


/** The schedule's table as `instances` instances each open it: one client each, one prefix. */
async function scheduleTables(instances: number): Promise<TableClient[]> {
  const prefix = uniqueTablePrefix();
  const all = Array.from({ length: instances }, () => openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, prefix));
  await ensureAuditTables(all[0]!);
  return all.map((tables) => tables.sendSchedule);
}

const endOf = (run: ClaimedRun) => run.firstAtMs + run.count * run.spacingMs;

it('never gives a slot twice: claims racing from several instances get runs one after another, with no gap and no overlap', async () => {
  const schedules = (await scheduleTables(4)).map((table) => new SendSchedule(table));
  const notBefore = Date.now();

  // 48 claims at once, of 1 to 10 slots, 12 from each instance: all but one lose a race at first.
  const outcomes = await Promise.allSettled(Array.from({ length: 48 }, (_, i) => schedules[i % 4]!.claim((i % 10) + 1, SLOT_MS, notBefore)));

  const runs = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : [])).sort((a, b) => a.firstAtMs - b.firstAtMs);
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
  // A claim that lost 20 races running says so ("try again"); the pacer then claims again.
  expect(failures.every((error) => isAuditError(error, 'STORAGE_CONFLICT'))).toBe(true);
  expect(runs.length).toBeGreaterThan(1);
  expect(runs[0]!.firstAtMs).toBe(notBefore);
  for (let i = 1; i < runs.length; i += 1) expect(runs[i]!.firstAtMs).toBeCloseTo(endOf(runs[i - 1]!), 6);
});

it('starts a claim when it is asked for when nothing is claimed that late, and after the last run otherwise', async () => {
  const [table] = await scheduleTables(1);
  const schedule = new SendSchedule(table!);
  const now = Date.now();

  const first = await schedule.claim(3, SLOT_MS, now + 20);
  const second = await schedule.claim(2, SLOT_MS, now + 25);
  const later = await schedule.claim(1, SLOT_MS, now + 5_000);

  expect(first).toEqual({ firstAtMs: now + 20, spacingMs: SLOT_MS, count: 3 });
  expect(second.firstAtMs).toBeCloseTo(now + 20 + 3 * SLOT_MS, 6);
  expect(later.firstAtMs).toBe(now + 5_000);
});

it('does not follow a schedule written by an instance whose clock is far ahead: sends would stop until then', async () => {
  const [table] = await scheduleTables(1);
  const schedule = new SendSchedule(table!);
  const now = Date.now();
  await schedule.claim(1, SLOT_MS, now + 3_600_000); // an instance an hour ahead

  const claimed = await schedule.claim(1, SLOT_MS, now);

  expect(claimed.firstAtMs).toBe(now);
});

it('says storage is unavailable when it cannot be reached, within the time it is given', async () => {
  // The suite's Azurite account, at a port nothing listens on.
  const nowhere = testConnectionString().replace(/TableEndpoint=http:\/\/[^/;]+/, `TableEndpoint=http://127.0.0.1:${await freePort()}`);
  expect(nowhere).not.toBe(testConnectionString());
  const table = openAuditTables({ kind: 'connectionString', connectionString: nowhere }, uniqueTablePrefix()).sendSchedule;

  const error = await new SendSchedule(table).claim(1, SLOT_MS, Date.now(), { abortSignal: AbortSignal.timeout(5_000) }).catch((e: unknown) => e);

  expect(isAuditError(error, 'STORAGE_UNAVAILABLE')).toBe(true);
});
