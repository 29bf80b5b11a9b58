import { isAuditError } from '../../domain/errors';
import { DEFAULT_TEAM_SETTINGS, validTeamSettings, type ReminderPoint, type TeamSettings } from '../../domain/teamSettings';
import type { SaveSettingsActionData } from '../cards/actions';
import { NO_CADENCE, type SettingsDraft, type SettingsField } from '../cards/settingsCard';

export type SettingsFromInputs =
  | { readonly settings: TeamSettings; readonly draft: SettingsDraft }
  | { readonly draft: SettingsDraft; readonly problem: { readonly text: string; readonly field: SettingsField } };

/** A number input's value as Teams sends it (text, or a number); undefined when empty; NaN when not a number. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return Number(value.trim());
}

/**
 * The settings card's inputs as team settings, each field checked by validTeamSettings on its
 * own (against the defaults for the others), so a refusal is shown beside the field it is about.
 * `draft` keeps what was sent, to show again with the refusal.
 */
export function settingsFromInputs(data: SaveSettingsActionData): SettingsFromInputs {
  const closeAfterDays = numberOf(data.closeAfterDays);
  const remindHalfway = data.remindHalfway === true || data.remindHalfway === 'true';
  const remindDaysBefore = numberOf(data.remindDaysBefore);
  const cadence = typeof data.cadenceMonths === 'string' && data.cadenceMonths !== NO_CADENCE && data.cadenceMonths !== '' ? numberOf(data.cadenceMonths) : undefined;
  const draft: SettingsDraft = {
    ...(closeAfterDays !== undefined && Number.isFinite(closeAfterDays) ? { closeAfterDays } : {}),
    remindHalfway,
    ...(remindDaysBefore !== undefined && Number.isFinite(remindDaysBefore) ? { remindDaysBefore } : {}),
    ...(cadence !== undefined && Number.isFinite(cadence) ? { cadenceMonths: cadence } : {}),
  };
  const reminders: ReminderPoint[] = [...(remindHalfway ? [{ kind: 'halfway' as const }] : []), ...(remindDaysBefore !== undefined ? [{ kind: 'daysBeforeClose' as const, days: remindDaysBefore }] : [])];
  const fields: readonly [SettingsField, Partial<TeamSettings>][] = [
    ['closeAfterDays', { closeAfterDays: closeAfterDays ?? Number.NaN }],
    ['reminders', { reminders }],
    ['cadenceMonths', cadence !== undefined ? { cadenceMonths: cadence } : {}],
  ];
  for (const [field, value] of fields) {
    try {
      validTeamSettings({ ...DEFAULT_TEAM_SETTINGS, ...value });
    } catch (error) {
      if (!isAuditError(error, 'INVALID_SETTINGS')) throw error;
      return { draft, problem: { text: error.message, field } };
    }
  }
  const settings: TeamSettings = { closeAfterDays: closeAfterDays!, reminders, ...(cadence !== undefined ? { cadenceMonths: cadence } : {}) };
  return { settings, draft };
}
