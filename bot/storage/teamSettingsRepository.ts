import type { TableClient } from '@azure/data-tables';
import { AuditError } from '../domain/errors';
import { DEFAULT_TEAM_SETTINGS, type ReminderPoint, type TeamSettings } from '../domain/teamSettings';
import { findRow } from './findRow';
import { encodeKey } from './keys';
import { isConflict, isNotFound, isPreconditionFailed, storageCall } from './storageErrors';

/**
 * A team's settings, with the version they were read at: saving names it, so a champion's change
 * made on settings another champion has changed since is refused rather than undoing theirs.
 * `version` is undefined while the team has never saved any (the defaults).
 */
export interface StoredTeamSettings {
  readonly settings: TeamSettings;
  readonly version?: string;
}

/**
 * One row per team in the teams table, in a partition of its own (`settings`), beside the teams'
 * installation rows (partition `team`, teamsRepository.ts), which never read it.
 */
const PARTITION = 'settings';

interface SettingsRow {
  partitionKey: string;
  rowKey: string;
  closeAfterDays: number;
  /** The reminder points as JSON (a short list). */
  reminders: string;
  /** Absent: no cadence. */
  cadenceMonths?: number;
}

const CONFLICT_MESSAGE = "Another practice champion changed this team's settings since this card was shown, so nothing was saved. Here they are now: make your change again and save.";

export class TeamSettingsRepository {
  constructor(private readonly table: TableClient) {}

  /** The team's settings, or the defaults (DEFAULT_TEAM_SETTINGS, no version) when it has saved none. */
  async get(teamId: string): Promise<StoredTeamSettings> {
    const row = await findRow<SettingsRow>(this.table, PARTITION, encodeKey(teamId));
    return row ? { settings: fromRow(row), version: row.etag } : { settings: DEFAULT_TEAM_SETTINGS };
  }

  /**
   * Saves the team's settings, if they are still at `version` (undefined: the team had none).
   * Resolves with the new version. The caller has validated them.
   * @throws AuditError STORAGE_CONFLICT when someone saved others since `version` was read.
   */
  async save(teamId: string, settings: TeamSettings, version: string | undefined): Promise<string> {
    const row: SettingsRow = {
      partitionKey: PARTITION,
      rowKey: encodeKey(teamId),
      closeAfterDays: settings.closeAfterDays,
      reminders: JSON.stringify(settings.reminders),
      ...(settings.cadenceMonths !== undefined ? { cadenceMonths: settings.cadenceMonths } : {}),
    };
    try {
      // A replace, not a merge: a cadence turned off must leave no cadenceMonths behind.
      const written = await storageCall(() => (version === undefined ? this.table.createEntity(row) : this.table.updateEntity(row, 'Replace', { etag: version })));
      if (!written.etag) throw new Error('Table storage answered a settings write without an etag');
      return written.etag;
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error) || isNotFound(error)) throw new AuditError('STORAGE_CONFLICT', CONFLICT_MESSAGE, { cause: error });
      throw error;
    }
  }
}

function fromRow(row: SettingsRow): TeamSettings {
  const reminders = JSON.parse(row.reminders) as ReminderPoint[];
  return { closeAfterDays: row.closeAfterDays, reminders, ...(typeof row.cadenceMonths === 'number' ? { cadenceMonths: row.cadenceMonths } : {}) };
}
