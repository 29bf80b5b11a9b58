import type { ActivityEntry, ChainCheck, NewActivity } from '../../domain/activityLog';

/**
 * A team's activity log as the use cases see it (issue 12; bot/domain/activityLog.ts). The storage
 * module behind it owns the keys, the numbering and the chain; it never updates or deletes a row.
 */
export interface ActivityLog {
  /**
   * Appends `activity` as the team's next entry, chained to the last one, and returns it. Two
   * appends at once (two instances) both land, one after the other. STORAGE_UNAVAILABLE when
   * storage cannot be reached: the caller decides whether what it did still stands (see `logActivity`).
   */
  append(teamId: string, activity: NewActivity): Promise<ActivityEntry>;
  /** Every entry of the team, oldest first, and whether the chain holds. */
  read(teamId: string): Promise<{ readonly entries: readonly ActivityEntry[]; readonly check: ChainCheck }>;
}
