import { randomUUID } from 'node:crypto';
import type { ActivityActor, NewActivity } from '../../domain/activityLog';
import type { Logger } from '../../logger';
import type { AuditServices } from '../auditServices';
import type { DueJob, DueJobHandlers } from '../dueWork';

/** What logging an activity uses: the log, due work for a retry, the clock, and the logger for the last resort. */
export type LogActivityDeps = Pick<AuditServices, 'activityLog' | 'dueWork' | 'now'> & { readonly logger: Logger };

/** A champion (or anyone named) as the actor of an entry: their name, and their Entra object id (kept, never shown). */
export function personActor(person: { readonly name: string; readonly entraObjectId: string }): ActivityActor {
  return { kind: 'person', name: person.name, entraObjectId: person.entraObjectId };
}

type LogActivityJob = Extract<DueJob, { kind: 'logActivity' }>;

/**
 * Records in the team's activity log (issue 12) a change that has ALREADY succeeded: call it after
 * the change, never before. Never rejects: the change stands whatever happens to its entry.
 * The entry keeps the time of the change (`happenedAt`, now unless given) and gets a random
 * `entryId`. If the append fails (storage), the entry is scheduled as a `logActivity` due job,
 * to be appended later (it then lands after entries appended meanwhile, with its own `at`); if
 * that fails too, an `activity_not_logged` error event carries what the entry said, so it is
 * never dropped silently.
 *
 * For every part of the app that records something: rounds, champions, the plan, settings, and
 * the comments' review, deletions of a person's own answers (actor `someone`, naming nothing) and
 * retention (actor `app`), e.g. `await logActivity(deps, teamId, { kind: 'comment-released', actor, roundId, summary })`.
 */
export async function logActivity(deps: LogActivityDeps, teamId: string, activity: NewActivity): Promise<void> {
  const entry: NewActivity = { ...activity, happenedAt: activity.happenedAt ?? deps.now().toISOString(), entryId: activity.entryId ?? randomUUID() };
  try {
    await deps.activityLog.append(teamId, entry);
    return;
  } catch (error) {
    deps.logger.warn('activity_log_append_failed', { teamId, kind: entry.kind, entryId: entry.entryId, error });
  }
  try {
    await deps.dueWork.schedule({ kind: 'logActivity', teamId, activity: entry }, deps.now());
  } catch (error) {
    const { kind, roundId, happenedAt, entryId, summary } = entry;
    deps.logger.error('activity_not_logged', { teamId, kind, roundId, happenedAt, entryId, summary, error });
  }
}

/**
 * The `logActivity` due job: the entry whose first append failed is appended now, once: an entry
 * with its `entryId` already in the log (a job delivered twice, or an append that landed though
 * it was reported failed) is not appended again. Rejects (to be tried again by due work) while
 * storage fails.
 */
export async function appendLoggedActivity(deps: Pick<AuditServices, 'activityLog'>, job: LogActivityJob): Promise<void> {
  const { entries } = await deps.activityLog.read(job.teamId);
  if (job.activity.entryId !== undefined && entries.some((entry) => entry.entryId === job.activity.entryId)) return;
  await deps.activityLog.append(job.teamId, job.activity);
}

/** The activity log's due-job handler, for the map the service hands the due-work engine (see app/dueWork.ts). */
export function activityJobHandlers(deps: Pick<AuditServices, 'activityLog'>): Pick<DueJobHandlers, 'logActivity'> {
  return { logActivity: (job) => appendLoggedActivity(deps, job) };
}
