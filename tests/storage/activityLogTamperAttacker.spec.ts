import type { NewActivity } from '../../bot/domain/activityLog';
import { ActivityLogRepository, entryRowKey } from '../../bot/storage/activityLogRepository';
import { encodeKey } from '../../bot/storage/keys';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * Issue 12's activity log, attacked in storage behind the app: what a change made there must
 * leave behind for the chain's check (domain/activityChain.ts checkChain) to find.
 */
const priya = { kind: 'person', name: 'Priya Shah', entraObjectId: 'oid-priya' } as const;
const opened = (n: number): NewActivity => ({ kind: 'round-opened', actor: priya, roundId: `r${n}`, summary: `Priya Shah opened audit round ${n}.` });
const now = () => new Date('2026-11-27T10:00:00Z');

let tables: AuditTables;
let log: ActivityLogRepository;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  log = new ActivityLogRepository(tables.activityLog, now);
});

it("finds an entry whose `sequence` column was changed in storage, though its row key was not", async () => {
  const teamId = '19:sequence-column@thread.tacv2';
  for (let n = 1; n <= 3; n++) await log.append(teamId, opened(n));
  // Someone reading the table sees entry 2 as entry 7: the table no longer says what the app appended.
  await tables.activityLog.updateEntity({ partitionKey: encodeKey(teamId), rowKey: entryRowKey(2), sequence: 7 }, 'Merge');
  expect((await log.read(teamId)).check).toEqual({ intact: false, entries: 3, firstBrokenSequence: 2 });
});

it("finds another team's entry copied into this team's log", async () => {
  const teamId = '19:copied-into@thread.tacv2';
  const otherTeam = '19:copied-from@thread.tacv2';
  for (let n = 1; n <= 2; n++) await log.append(teamId, opened(n));
  for (let n = 1; n <= 3; n++) await log.append(otherTeam, opened(n + 10));
  // The other team's entry 2 put in place of this team's entry 2, every column as stored.
  const copied = await tables.activityLog.getEntity(encodeKey(otherTeam), entryRowKey(2));
  const columns = Object.fromEntries(Object.entries(copied).filter(([name]) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(name)));
  await tables.activityLog.upsertEntity({ partitionKey: encodeKey(teamId), rowKey: entryRowKey(2), ...columns }, 'Replace');
  expect((await log.read(teamId)).check).toEqual({ intact: false, entries: 2, firstBrokenSequence: 2 });
});
