import { activityJobHandlers, appendLoggedActivity, logActivity } from '../../bot/app/activityLog/logActivity';
import type { DueJob } from '../../bot/app/dueWork';
import type { NewActivity } from '../../bot/domain/activityLog';
import { createLogger } from '../../bot/logger';
import { ActivityLogRepository } from '../../bot/storage/activityLogRepository';
import { createDueWork, openDueWorkQueues } from '../../bot/storage/dueWorkQueue';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { consumersStoppedAfterEach, freshDueWorkQueues, loggedEvents, recordingConsumer } from '../support/dueWork';
import { eventually } from '../support/serviceProcess';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * An entry of the activity log is appended after the change it records; when storage refuses the
 * append, the change stands and the entry is kept as due work, appended later, once; it is never
 * dropped without an error an operator reads.
 */
const TEAM_ID = '19:north@thread.tacv2';
const connection = () => ({ kind: 'connectionString' as const, connectionString: testConnectionString() });
const closed: NewActivity = { kind: 'round-closed', actor: { kind: 'person', name: 'Amara Okafor', entraObjectId: 'oid-amara' }, roundId: 'r1', summary: 'Amara Okafor closed audit round 1.' };
const started = consumersStoppedAfterEach();

let clock = new Date('2026-11-27T10:00:00.000Z');
const now = () => clock;

/** A log whose table does not exist: every append is refused by storage. */
const refusingLog = () => new ActivityLogRepository(openAuditTables(connection(), uniqueTablePrefix()).activityLog, now);

async function workingLog(): Promise<ActivityLogRepository> {
  const tables = openAuditTables(connection(), uniqueTablePrefix());
  await ensureAuditTables(tables);
  return new ActivityLogRepository(tables.activityLog, now);
}

describe('logging an activity', () => {
  it('keeps an entry storage refused as a due job, appended later with the time of the change, and once however often the job comes', async () => {
    const queues = await freshDueWorkQueues();
    const lines: string[] = [];
    await logActivity({ activityLog: refusingLog(), dueWork: createDueWork(queues, now), now, logger: createLogger('warn', (line) => void lines.push(line)) }, TEAM_ID, closed);
    expect(loggedEvents(lines, 'activity_log_append_failed')).toHaveLength(1);

    clock = new Date('2026-11-27T10:05:00.000Z');
    const log = await workingLog();
    const handlers = activityJobHandlers({ activityLog: log });
    const { handled } = started(recordingConsumer(queues, { handlers: { logActivity: async (job) => void (await handlers.logActivity(job), handled.push({ job, at: Date.now() })) } }));
    const [entry] = await eventually(async () => ((await log.read(TEAM_ID)).entries.length > 0 ? (await log.read(TEAM_ID)).entries : undefined), 10_000, 'the entry appended by due work');
    expect(entry).toMatchObject({ ...closed, sequence: 1, happenedAt: '2026-11-27T10:00:00.000Z', at: '2026-11-27T10:05:00.000Z', entryId: expect.any(String) });

    // Due work delivers at least once: the same job again appends nothing.
    await eventually(() => (handled.length > 0 ? true : undefined), 10_000, 'the job handled');
    await appendLoggedActivity({ activityLog: log }, handled[0]!.job as Extract<DueJob, { kind: 'logActivity' }>);
    expect((await log.read(TEAM_ID)).entries).toHaveLength(1);
    expect((await log.read(TEAM_ID)).check).toEqual({ intact: true, entries: 1 });
  });

  it('says what the entry said in an error event when neither the log nor due work can keep it', async () => {
    const lines: string[] = [];
    const noQueues = openDueWorkQueues(connection(), uniqueTablePrefix());
    await logActivity({ activityLog: refusingLog(), dueWork: createDueWork(noQueues, now), now, logger: createLogger('warn', (line) => void lines.push(line)) }, TEAM_ID, closed);
    expect(loggedEvents(lines, 'activity_not_logged')).toEqual([
      expect.objectContaining({ level: 'error', teamId: TEAM_ID, kind: 'round-closed', roundId: 'r1', summary: 'Amara Okafor closed audit round 1.', happenedAt: clock.toISOString() }),
    ]);
  });

  it('appends at once when storage takes it, keeping the time of the change', async () => {
    const log = await workingLog();
    await logActivity({ activityLog: log, dueWork: createDueWork(await freshDueWorkQueues(), now), now, logger: createLogger('silent') }, TEAM_ID, closed);
    expect((await log.read(TEAM_ID)).entries).toEqual([expect.objectContaining({ ...closed, happenedAt: clock.toISOString(), at: clock.toISOString() })]);
  });
});
