import type { NewActivity } from '../../bot/domain/activityLog';
import { ActivityLogRepository, entryRowKey } from '../../bot/storage/activityLogRepository';
import { encodeKey } from '../../bot/storage/keys';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

const TEAM_ID = '19:a/b\\c#d?e%f@thread.tacv2';
const priya = { kind: 'person', name: 'Priya Shah', entraObjectId: 'oid-priya' } as const;
const opened = (n: number): NewActivity => ({ kind: 'round-opened', actor: priya, roundId: `r${n}`, summary: `Priya Shah opened audit round ${n}.` });
const now = () => new Date('2026-11-27T10:00:00Z');

let prefix: string;
let tables: AuditTables;
beforeAll(async () => {
  prefix = uniqueTablePrefix();
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, prefix);
  await ensureAuditTables(tables);
});

describe("a team's activity log in Table storage", () => {
  it('keeps every entry of two instances appending at once in one chain, each once, in the order stored', async () => {
    // Two instances: each its own clients over the same tables.
    const other = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, prefix);
    const first = new ActivityLogRepository(tables.activityLog, now);
    const second = new ActivityLogRepository(other.activityLog, now);
    const teamId = '19:two-instances@thread.tacv2';
    const appended = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? first : second).append(teamId, opened(i + 1))));

    const { entries, check } = await first.read(teamId);
    expect(check).toEqual({ intact: true, entries: 12 });
    expect(entries.map((e) => e.sequence)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(entries.map((e) => e.summary).sort()).toEqual(Array.from({ length: 12 }, (_, i) => opened(i + 1).summary).sort());
    expect(new Set(appended.map((e) => e.sequence)).size).toBe(12);
    expect(await second.read(teamId)).toEqual({ entries, check });
  });

  it('reads back what was appended, the actor and times included, and keeps teams apart', async () => {
    const log = new ActivityLogRepository(tables.activityLog, now);
    const entry = await log.append(TEAM_ID, { ...opened(1), happenedAt: '2026-11-27T09:59:00.000Z', entryId: 'e-1' });
    await log.append('19:another@thread.tacv2', { kind: 'answers-deleted', actor: { kind: 'someone' }, summary: 'Someone deleted their own answers.' });
    expect(entry).toMatchObject({ teamId: TEAM_ID, sequence: 1, at: '2026-11-27T10:00:00.000Z', previousHash: '0'.repeat(64) });
    expect((await log.read(TEAM_ID)).entries).toEqual([entry]);
    expect((await log.read('19:another@thread.tacv2')).entries).toMatchObject([{ sequence: 1, actor: { kind: 'someone' } }]);
  });

  it('finds an entry changed in storage behind the app (updateEntity), and still does after later appends', async () => {
    const log = new ActivityLogRepository(tables.activityLog, now);
    const teamId = '19:tampered@thread.tacv2';
    for (let n = 1; n <= 4; n++) await log.append(teamId, opened(n));
    expect((await log.read(teamId)).check).toEqual({ intact: true, entries: 4 });

    await tables.activityLog.updateEntity({ partitionKey: encodeKey(teamId), rowKey: entryRowKey(2), summary: 'Sam Patel opened audit round 2.' }, 'Merge');
    expect((await log.read(teamId)).check).toEqual({ intact: false, entries: 4, firstBrokenSequence: 2 });
    // Appending goes on after a broken entry, and the break is still found.
    await log.append(teamId, opened(5));
    expect((await log.read(teamId)).check).toEqual({ intact: false, entries: 5, firstBrokenSequence: 2 });
  });

  it('finds the latest entry deleted in storage, though what is left still chains', async () => {
    const log = new ActivityLogRepository(tables.activityLog, now);
    const teamId = '19:cut-short@thread.tacv2';
    for (let n = 1; n <= 3; n++) await log.append(teamId, opened(n));
    await tables.activityLog.deleteEntity(encodeKey(teamId), entryRowKey(3));
    expect((await log.read(teamId)).check).toEqual({ intact: false, entries: 2, firstBrokenSequence: 3 });
  });
});
