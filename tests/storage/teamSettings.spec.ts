import { DEFAULT_TEAM_SETTINGS } from '../../bot/domain/teamSettings';
import { TeamSettingsRepository } from '../../bot/storage/teamSettingsRepository';
import { TeamsRepository } from '../../bot/storage/teamsRepository';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

// Teams ids are not ours to choose: keys must survive whatever they contain.
const TEAM_ID = '19:a/b\\c#d?e%f@thread.tacv2';

let tables: AuditTables;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
});

describe("a team's settings", () => {
  it('are the defaults until the team saves its own, which are then read back as saved', async () => {
    const settings = new TeamSettingsRepository(tables.teams);
    expect(await settings.get(TEAM_ID)).toEqual({ settings: DEFAULT_TEAM_SETTINGS });
    const version = await settings.save(TEAM_ID, { closeAfterDays: 21, reminders: [{ kind: 'daysBeforeClose', days: 3 }], cadenceMonths: 3 }, undefined);
    expect(await settings.get(TEAM_ID)).toEqual({ settings: { closeAfterDays: 21, reminders: [{ kind: 'daysBeforeClose', days: 3 }], cadenceMonths: 3 }, version });
  });

  it('lose their cadence when it is turned off, and another team keeps its own', async () => {
    const settings = new TeamSettingsRepository(tables.teams);
    const first = await settings.save('19:cadence@thread.tacv2', { closeAfterDays: 14, reminders: [], cadenceMonths: 6 }, undefined);
    await settings.save('19:cadence@thread.tacv2', { closeAfterDays: 14, reminders: [] }, first);
    expect((await settings.get('19:cadence@thread.tacv2')).settings).toEqual({ closeAfterDays: 14, reminders: [] });
    expect((await settings.get('19:another@thread.tacv2')).settings).toEqual(DEFAULT_TEAM_SETTINGS);
  });

  it('are saved only at the version they were read at: the second of two champions saving from the same card is refused', async () => {
    const settings = new TeamSettingsRepository(tables.teams);
    const teamId = '19:two-champions@thread.tacv2';
    const read = await settings.get(teamId);
    const outcomes = await Promise.allSettled([
      settings.save(teamId, { ...read.settings, closeAfterDays: 10 }, read.version),
      settings.save(teamId, { ...read.settings, closeAfterDays: 30 }, read.version),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'STORAGE_CONFLICT', message: expect.stringMatching(/Another practice champion changed this team's settings/) } });
    const now = await settings.get(teamId);
    await expect(settings.save(teamId, { ...now.settings, closeAfterDays: 7 }, read.version)).rejects.toMatchObject({ code: 'STORAGE_CONFLICT' });
    await settings.save(teamId, { ...now.settings, closeAfterDays: 7 }, now.version);
    expect((await settings.get(teamId)).settings.closeAfterDays).toBe(7);
  });

  it('sit beside the team installations without being listed as teams', async () => {
    const teams = new TeamsRepository(tables.teams);
    await teams.add({ teamId: TEAM_ID, teamName: 'North', tenantId: 'tenant', postTo: { conversation: { id: 'c' } }, installedAt: '2026-11-27T10:00:00Z' });
    expect((await teams.listIn(undefined)).map((t) => t.teamId)).toEqual([TEAM_ID]);
    expect(await teams.get(TEAM_ID)).toMatchObject({ teamName: 'North' });
  });
});
