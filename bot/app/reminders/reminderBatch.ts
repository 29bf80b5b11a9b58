import { isPastCloseDate, type AuditRound, type PostingAddress } from '../../domain/auditRound';
import type { ConditionId } from '../../domain/conditions';
import {
  addCounts, countOne, membersCounted, NO_REMINDER_COUNTS, openConditions, reminderDecision,
  type MemberToRemind, type ReminderCounts, type ReminderOutcome,
} from '../../domain/reminders';
import { respondentIdFor } from '../../domain/respondent';
import type { BatchProgress } from '../../storage/reminderProgress';
import type { AuditServices } from '../auditServices';
import type { DueJob } from '../dueWork';
import type { ReminderEdges } from './reminderPorts';
import { completeWaveIfDone } from './waveOutcome';

type BatchJob = Extract<DueJob, { kind: 'reminderBatch' }>;
export type BatchDeps = Pick<AuditServices, 'rounds' | 'teams' | 'reminders' | 'respondentHmacKey' | 'now'> & Pick<ReminderEdges, 'dueWork' | 'logger'>;

/**
 * A claim whose outcome is still not recorded this long after is a send that was interrupted
 * (the instance stopped between claiming and recording). Longer than a one-to-one send can take
 * with the connector's retries (two calls, five attempts of at most 30 s each, waits of at most 15 s).
 */
export const INTERRUPTED_AFTER_MS = 10 * 60_000;

/**
 * One batch of a reminder wave (the `reminderBatch` job): for each member of its slice of the
 * roster, decided at send time, a reminder one-to-one naming the conditions still open for them,
 * unless they answered every condition, are a guest, have no Entra id, or opted out (each
 * counted). Teams refusing the chat (403, 404) or still failing after the connector's retries
 * counts them as not reached: never retried by another delivery.
 *
 * CLAIM, THEN SEND: the batch's progress row holds the index of the next member; it is moved past
 * a member (at its etag) BEFORE their reminder is sent, with the outcomes recorded so far. So a
 * batch delivered again, or twice at the same moment, sends nobody anything twice: the later
 * claim fails and reads again. The price is at the other end: an instance stopping between the
 * claim and the send leaves that one person unreminded in this wave (counted `interrupted` once
 * INTERRUPTED_AFTER_MS has passed), where retrying could remind them twice. The round's answers
 * are read once per batch (RoundCompletion keeps them per instance), opt-outs once per batch.
 */
export async function runReminderBatch(deps: BatchDeps, job: BatchJob): Promise<void> {
  const { roundId, waveId, batch, members } = job;
  const round = await deps.rounds.get(job.teamId, roundId);
  if (!round) return deps.logger.info('reminder_batch_skipped', { roundId, waveId, batch, reason: 'round_not_found' });
  let progress = await deps.reminders.progress.startBatch(roundId, waveId, batch, members.length, deps.now().toISOString());
  if (!progress.finished) {
    // A round closed meanwhile, or past its close date (its close still to run): nobody more is
    // reminded, and the batch finishes with what it did.
    const takingAnswers = round.status === 'open' && !isPastCloseDate(round, deps.now());
    progress = takingAnswers ? await sendBatch(deps, round, job, progress) : await advance(deps, job, progress, (row) => ({ next: row.next, finished: true }));
  }
  if (!progress.finished) progress = await settleUnrecorded(deps, job, progress);
  if (progress.finished) await completeWaveIfDone(deps, round, waveId);
}

interface Decided {
  readonly decision: ReturnType<typeof reminderDecision>;
  readonly member: MemberToRemind;
  readonly answered?: ReadonlySet<ConditionId>;
}

async function sendBatch(deps: BatchDeps, round: AuditRound, job: BatchJob, start: BatchProgress): Promise<BatchProgress> {
  const [answeredBy, optedOut, via] = await Promise.all([
    deps.reminders.completion.answeredIn(round.roundId),
    deps.reminders.optOuts.optedOut(round.roundId),
    viaAddress(deps, round),
  ]);
  const decided: Decided[] = job.members.map((member) => {
    const respondentId = member.entraObjectId ? respondentIdFor(member.entraObjectId, deps.respondentHmacKey) : undefined;
    const answered = respondentId ? answeredBy.get(respondentId) : undefined;
    return { decision: reminderDecision(member, answered, respondentId ? optedOut.has(respondentId) : false), member, ...(answered ? { answered } : {}) };
  });
  const total = decided.length;
  let row = start;
  let owed: ReminderCounts = NO_REMINDER_COUNTS;
  for (;;) {
    // Members up to the next one to remind are skipped (and counted) in the same write that claims them.
    let index = row.next;
    let skipped: ReminderCounts = NO_REMINDER_COUNTS;
    for (; index < total && decided[index]!.decision !== 'send'; index += 1) skipped = countOne(skipped, decided[index]!.decision as ReminderOutcome);
    const target = index < total ? decided[index] : undefined;
    const next = target ? index + 1 : total;
    if (next === row.next && membersCounted(skipped) + membersCounted(owed) === 0) return row;
    const counts = addCounts(addCounts(row.counts, skipped), owed);
    const claimed = await deps.reminders.progress.advance(row, { next, counts, finished: next === total && membersCounted(counts) >= total, at: deps.now().toISOString() });
    if (!claimed) {
      row = await reread(deps, job);
      continue;
    }
    row = claimed;
    owed = NO_REMINDER_COUNTS;
    if (!target) return row;
    owed = countOne(NO_REMINDER_COUNTS, await remindOne(deps, via, round, job, target));
  }
}

async function remindOne(deps: BatchDeps, via: PostingAddress | undefined, round: AuditRound, job: BatchJob, { member, answered }: Decided): Promise<ReminderOutcome> {
  if (!via) return 'failed';
  try {
    const sent = await deps.reminders.messenger.remind(via, member.teamsUserId, { round, openConditions: openConditions(answered) });
    return sent === 'sent' ? 'reminded' : 'unreachable';
  } catch (error) {
    deps.logger.warn('reminder_not_sent', { roundId: round.roundId, waveId: job.waveId, batch: job.batch, error });
    return 'failed';
  }
}

/**
 * Every member is claimed but some outcomes are not recorded: another delivery is still sending
 * (its claim is recent), or stopped between a claim and its record. Recent: this batch is looked
 * at again after INTERRUPTED_AFTER_MS (a due job, not a timer). Old: those members are counted as
 * interrupted and the batch finishes.
 */
async function settleUnrecorded(deps: BatchDeps, job: BatchJob, progress: BatchProgress): Promise<BatchProgress> {
  if (progress.next < progress.members) return progress;
  const quietFor = deps.now().getTime() - Date.parse(progress.updatedAt);
  if (quietFor < INTERRUPTED_AFTER_MS) {
    await deps.dueWork.schedule(job, new Date(Date.parse(progress.updatedAt) + INTERRUPTED_AFTER_MS));
    return progress;
  }
  return advance(deps, job, progress, (row) => ({ next: row.next, finished: true, counts: addCounts(row.counts, { interrupted: Math.max(0, row.members - membersCounted(row.counts)) }) }));
}

/** A change of the batch's row at its etag, read again and remade until it holds. */
async function advance(deps: BatchDeps, job: BatchJob, from: BatchProgress, change: (row: BatchProgress) => { next: number; finished: boolean; counts?: ReminderCounts }): Promise<BatchProgress> {
  let row = from;
  for (;;) {
    if (row.finished) return row;
    const { next, finished, counts = row.counts } = change(row);
    const moved = await deps.reminders.progress.advance(row, { next, finished, counts, at: deps.now().toISOString() });
    if (moved) return moved;
    row = await reread(deps, job);
  }
}

async function reread(deps: BatchDeps, job: BatchJob): Promise<BatchProgress> {
  const row = await deps.reminders.progress.batch(job.roundId, job.waveId, job.batch);
  if (!row) throw new Error(`Reminder batch ${job.waveId}/${job.batch} vanished while it was sent`);
  return row;
}

/** Any address in the team's tenant opens a person's chat: the round's channel, else the team's. */
async function viaAddress(deps: BatchDeps, round: AuditRound): Promise<PostingAddress | undefined> {
  return round.postedIn ?? (await deps.teams.get(round.teamId))?.postTo;
}
