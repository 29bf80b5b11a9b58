import type { DueJob } from '../../bot/app/dueWork';
import { scheduleReminderWaves } from '../../bot/app/reminders/scheduleReminderWaves';
import type { AuditRound } from '../../bot/domain/auditRound';
import { DEFAULT_TEAM_SETTINGS } from '../../bot/domain/teamSettings';

/** Issue 10: at most two automatic reminders a round, by default half-way and two days before the close. */
const round = (overrides: Partial<AuditRound> = {}): AuditRound => ({
  teamId: '19:team@thread.tacv2',
  roundId: 'r1',
  number: 1,
  status: 'open',
  openedAt: '2026-11-01T09:00:00.000Z',
  openedBy: 'x',
  closesAt: '2026-11-15T00:00:00.000Z',
  conditionMessageIds: {},
  ...overrides,
});

async function scheduled(forRound: AuditRound, settings = DEFAULT_TEAM_SETTINGS): Promise<{ job: DueJob; dueAt: string }[]> {
  const jobs: { job: DueJob; dueAt: string }[] = [];
  await scheduleReminderWaves({ dueWork: { schedule: async (job, dueAt) => void jobs.push({ job, dueAt: dueAt.toISOString() }) } }, forRound, settings);
  return jobs;
}

describe("a round's automatic reminders", () => {
  it('are scheduled half-way and two days before the close, each planned against the close date', async () => {
    expect(await scheduled(round())).toEqual([
      { job: { kind: 'reminderWave', teamId: '19:team@thread.tacv2', roundId: 'r1', waveId: 'auto-1', closesAt: '2026-11-15T00:00:00.000Z' }, dueAt: '2026-11-08T04:30:00.000Z' },
      { job: { kind: 'reminderWave', teamId: '19:team@thread.tacv2', roundId: 'r1', waveId: 'auto-2', closesAt: '2026-11-15T00:00:00.000Z' }, dueAt: '2026-11-13T00:00:00.000Z' },
    ]);
  });

  it('keep their ids when the close date moves, so one that went already never goes again', async () => {
    const extended = await scheduled(round({ closesAt: '2026-11-29T00:00:00.000Z' }));
    expect(extended.map(({ job }) => (job as { waveId: string }).waveId)).toEqual(['auto-1', 'auto-2']);
  });

  it('are none for a round without a close date, or a team that turned them off', async () => {
    expect(await scheduled(round({ closesAt: undefined }))).toEqual([]);
    expect(await scheduled(round(), { ...DEFAULT_TEAM_SETTINGS, reminders: [] })).toEqual([]);
  });
});
