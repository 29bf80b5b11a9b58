import { validTeamSettings, type TeamSettings } from '../domain/teamSettings';
import type { StoredTeamSettings } from '../storage/teamSettingsRepository';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';
import { nextRoundAt, type RoundScheduleDeps } from './roundSchedule';
import { logActivity, personActor, type LogActivityDeps } from './activityLog/logActivity';
import { settingsChangedSummary } from '../domain/activitySummaries';

export interface TeamSettingsView extends StoredTeamSettings {
  /** When the next round opens by itself: the team has a cadence, and its latest round's next is still ahead. */
  readonly nextRoundAt?: Date;
}

type SettingsDeps = Pick<AuditServices, 'champions' | 'rounds' | 'teamSettings' | 'now'>;

/** The team's settings, for a champion (`settings`). Throws NOT_A_CHAMPION. */
export async function settingsOfTeam(deps: SettingsDeps, teamId: string, person: Person): Promise<TeamSettingsView> {
  await requireChampion(deps, teamId, person);
  const stored = await deps.teamSettings.get(teamId);
  return withNextRound(deps, teamId, stored);
}

/**
 * A champion saves the team's settings (issue 10): validated (validTeamSettings), and stored only
 * if they are still at `version`, the one the champion's card showed. Every round opened
 * afterwards follows them. A round already open keeps its close date and the automatic reminders
 * planned when it opened; an extension plans them again with the settings as they are then
 * (scheduleRoundWork). Re-planning them on every save was not chosen: the waves are numbered
 * ('auto-1', 'auto-2'), so moving them after one has gone would skip or repeat a reminder. A cadence newly set or changed also plans the next round after the
 * team's latest one, when that is still ahead (one already past is not opened at once: the next
 * round a champion starts plans its own); a cadence turned off stops future openings (each job
 * checks the settings when it runs). A save that changed something is recorded in the team's activity log.
 * Throws NOT_A_CHAMPION; INVALID_SETTINGS; STORAGE_CONFLICT (changed since `version`); STORAGE_UNAVAILABLE.
 */
export async function saveTeamSettings(
  deps: SettingsDeps & RoundScheduleDeps & LogActivityDeps,
  request: { teamId: string; person: Person; settings: TeamSettings; version: string | undefined },
): Promise<TeamSettingsView> {
  await requireChampion(deps, request.teamId, request.person);
  const settings = validTeamSettings(request.settings);
  const before = await deps.teamSettings.get(request.teamId);
  const view = await withNextRound(deps, request.teamId, { settings });
  // Planned before the save: if the save then fails, the job finds the cadence unchanged and does nothing new.
  if (view.nextRoundAt && view.latestRoundId && settings.cadenceMonths !== before.settings.cadenceMonths) {
    await deps.dueWork.schedule({ kind: 'openRecurringRound', teamId: request.teamId, afterRoundId: view.latestRoundId }, view.nextRoundAt);
  }
  const version = await deps.teamSettings.save(request.teamId, settings, request.version);
  const summary = settingsChangedSummary(request.person.name, before.settings, settings);
  if (!summary.endsWith('unchanged.')) await logActivity(deps, request.teamId, { kind: 'settings-changed', actor: personActor(request.person), summary });
  return { settings, version, ...(view.nextRoundAt ? { nextRoundAt: view.nextRoundAt } : {}) };
}

async function withNextRound(deps: Pick<AuditServices, 'rounds' | 'now'>, teamId: string, stored: StoredTeamSettings): Promise<TeamSettingsView & { latestRoundId?: string }> {
  if (stored.settings.cadenceMonths === undefined) return stored;
  const [latest] = await deps.rounds.listForTeam(teamId);
  const next = latest && nextRoundAt(latest, stored.settings);
  return next && next.getTime() > deps.now().getTime() ? { ...stored, nextRoundAt: next, latestRoundId: latest.roundId } : stored;
}
