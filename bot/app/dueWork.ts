import type { NewActivity } from '../domain/activityLog';

/**
 * Work that must happen later, once and on time, across restarts and several instances (issue
 * 10): a round closing on its close date, a wave of reminders, a recurring round opening, an
 * action's owner nudged on its due date (issue 11), a closed round's answers deleted after
 * RETENTION_DAYS (issue 12). Use cases schedule it through `DueWork`; the
 * engine (bot/storage/dueWorkQueue.ts, over Azure Queue Storage, Azurite's queue service locally)
 * hands each job to its kind's handler at or after its due time, on one instance, AT LEAST once:
 * every handler must be idempotent (a job delivered twice does its work once), and must check
 * the job still applies when it runs (a round extended since, closed by hand, a setting changed).
 *
 * Each feature adds its job's shape to the `DueJob` union below and its handler to the map the
 * service builds (`DueJobHandlers`). Jobs travel as JSON: plain data only, well under the
 * queue's 64 KB message limit.
 */
export type DueJob =
  /** The round closes itself on its close date, as a champion's close would. `closesAt`: the close date it was scheduled for (ISO 8601); a round extended since ignores it. */
  | { readonly kind: 'closeRound'; readonly teamId: string; readonly roundId: string; readonly closesAt: string }
  /**
   * A wave of reminders for a round: `waveId` names it ('auto-1', 'auto-2', or 'manual-' and the
   * time a champion asked). `closesAt`: the close date an automatic wave was planned against; a
   * round extended since ignores it (its new waves were scheduled by the extension).
   */
  | { readonly kind: 'reminderWave'; readonly teamId: string; readonly roundId: string; readonly waveId: string; readonly closesAt?: string }
  /**
   * One slice of a wave's roster (the reminders feature defines `members`: a slice of the team's
   * roster as read, answered or not, so no list of people who have not answered is ever stored).
   */
  | { readonly kind: 'reminderBatch'; readonly teamId: string; readonly roundId: string; readonly waveId: string; readonly batch: number; readonly members: readonly { readonly teamsUserId: string; readonly entraObjectId?: string; readonly guest?: boolean }[] }
  /** A team's next round under its cadence. `afterRoundId`: the round it follows; if another round opened since, nothing happens. */
  | { readonly kind: 'openRecurringRound'; readonly teamId: string; readonly afterRoundId: string }
  /**
   * An action of the team's plan falls due (issue 11): its owner, a roster member, is nudged
   * one-to-one, once per due date (`dueDate`, YYYY-MM-DD: the due date it was planned for). An
   * action whose due date moved since, that is done, removed, or whose owner is no longer a
   * roster member, is left alone (app/plan/nudgeOwner.ts).
   */
  | { readonly kind: 'actionDue'; readonly teamId: string; readonly actionId: string; readonly dueDate: string }
  /**
   * An entry of a team's activity log whose append failed (issue 12), appended later, once (its
   * `entryId`): see app/activityLog/logActivity.ts. Never dropped: a change the app made is recorded.
   */
  | { readonly kind: 'logActivity'; readonly teamId: string; readonly activity: NewActivity }
  /**
   * A closed round's answers are deleted RETENTION_DAYS after its close, its counts kept (issue
   * 12; app/retention/expireAnswers.ts). `closedAt`: the close it was scheduled from (ISO 8601).
   */
  | { readonly kind: 'expireAnswers'; readonly teamId: string; readonly roundId: string; readonly closedAt: string }
  /**
   * A service-wide round opens in one of its teams (issue 13; app/organisation/openServiceRound.ts):
   * the team's round is stored (once, however often the job is delivered) and its cards posted,
   * paced within Teams' limits for the team's channel and the tenant.
   */
  | { readonly kind: 'openServiceRoundInTeam'; readonly tenantId: string; readonly serviceRoundId: string; readonly teamId: string };

export type DueJobKind = DueJob['kind'];

export interface DueWork {
  /**
   * Keeps `job` until `dueAt` (at once when that has passed), then hands it to its handler.
   * Resolves once the job is stored durably; rejects (STORAGE_UNAVAILABLE) when it could not be,
   * so the caller can tell the person that nothing was scheduled.
   */
  schedule(job: DueJob, dueAt: Date): Promise<void>;
}

/**
 * One handler per kind of job. A handler that resolves has done the job (it is then removed);
 * one that rejects is tried again later (backing off; given up and logged after several tries).
 */
export type DueJobHandlers = { readonly [K in DueJobKind]: (job: Extract<DueJob, { kind: K }>) => Promise<void> };
