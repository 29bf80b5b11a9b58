import { setTimeout } from 'node:timers/promises';
import { AuditError, isAuditError } from '../domain/errors';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';
import { participationOf } from '../domain/participation';
import type { AuditRound } from '../domain/auditRound';
import { countsOfAnswers, type RatedAnswer } from '../domain/summary';
import type { RoundStatus } from './roundStatus';
import type { DeliveryReport } from './deliveryReport';
import { peopleAtTwoLevels } from '../domain/answerLevel';
import type { AnswersRepository } from '../storage/answersRepository';
import { teamSizeNow } from './teamSize';
import type { TeamSize } from '../domain/responseRate';
import { freezePlanAtClose } from './plan/freezeAtClose';
import { logActivity, personActor, type LogActivityDeps } from './activityLog/logActivity';
import { roundClosedSummary } from '../domain/activitySummaries';

export interface ClosedRound extends RoundStatus {
  /** Which cards now show the closed round, and which could not be updated. */
  readonly delivery: DeliveryReport;
  /** The team's size at close as read then (kept with the round as `membersAtClose` when known). */
  readonly teamSize: TeamSize;
  /** Whether the team's plan was kept as the round's (issue 11); false when storage failed (the round's plan then shows the plan as it stands, saying so). */
  readonly planKept: boolean;
}

/** Longer than an answer's write takes even under load (the benchmark's p99 is well under this). */
const ANSWERS_IN_FLIGHT_MS = 1000;

/**
 * How long after a close the answers already accepted may still land, in ms: what closing waits
 * out. The instances' round cache lifetime (ROUND_CACHE_MS), plus the writes in flight, which an
 * answer that read the round as open just before the close has under way whether or not the
 * round was cached (ROUND_CACHE_MS=0 still waits ANSWERS_IN_FLIGHT_MS).
 */
export function answersSettleMs(roundCache: { readonly ttlMs: number }): number {
  return roundCache.ttlMs + ANSWERS_IN_FLIGHT_MS;
}

/** What closing a round uses. */
export type CloseRoundDeps = Pick<AuditServices, 'rounds' | 'roundCache' | 'answers' | 'roundCards' | 'roster' | 'plans' | 'privacyThreshold' | 'now'>;

/**
 * A champion closes the team's open round. From then on answers are refused; the cards
 * are updated to say so, with the participation figures and the response rate, whose
 * denominator (the team's members at close) is kept with the round's counts, so later changes
 * to the team do not move it. A card that cannot be updated (deleted, or Teams refusing after
 * retries) does not stop the others: `delivery` says. The close is recorded in the team's activity log.
 * Throws NOT_A_CHAMPION, NO_OPEN_ROUND, ROUND_CLOSED (another close got there first).
 */
export async function closeRound(deps: CloseRoundDeps & LogActivityDeps & Pick<AuditServices, 'champions'>, teamId: string, closedBy: Person): Promise<ClosedRound> {
  await requireChampion(deps, teamId, closedBy);
  const open = await deps.rounds.findOpen(teamId);
  if (!open) throw new AuditError('NO_OPEN_ROUND');
  const closed = await deps.rounds.close(teamId, open.roundId, deps.now().toISOString());
  await logActivity(deps, teamId, { kind: 'round-closed', actor: personActor(closedBy), roundId: closed.roundId, summary: roundClosedSummary(closedBy.name, closed.number) });
  return settleClosedRound(deps, closed);
}

/**
 * The close itself, after the round's row says closed, shared by a champion's close and the
 * automatic one (closeOnDate.ts), so both count exactly the same answers: waits out the answers
 * already accepted, counts them once, keeps the final counts and updates the cards. The team's
 * plan as it stands is kept as the round's (issue 11); a failure to keep it does not stop the close.
 */
export async function settleClosedRound(
  { roundCache, answers, rounds, roundCards, roster, plans, privacyThreshold, now }: CloseRoundDeps,
  round: AuditRound,
): Promise<ClosedRound> {
  roundCache.forget(round.teamId, round.roundId);
  // The plan at the close, read now rather than once the answers have settled. Never rejects.
  const planKept = freezePlanAtClose({ plans, rounds, now }, round);
  // The team's size at close, read (or found in the roster's cache) while the answers settle.
  const teamSize = teamSizeNow(roster, round.teamId);
  // Other instances may still hold the round as open for the cache's lifetime: wait that out
  // (and the writes already under way), so every answer they accepted is counted here.
  await setTimeout(answersSettleMs(roundCache));
  // One read of the answers gives both the closing figures and the counts the round keeps.
  const given = await answersAtOneLevel(answers, round.roundId);
  const participation = participationOf(given, privacyThreshold);
  const finalCounts = countsOfAnswers(given);
  const size = await teamSize;
  const membersAtClose = size.known ? size.members : undefined;
  // Not kept (storage failing now): the tab makes the summary from the answers instead, and
  // shows no response rate rather than one against a later roster.
  await rounds.recordFinalCounts(round.teamId, round.roundId, finalCounts, membersAtClose).catch(() => undefined);
  const closed = { ...round, finalCounts, ...(membersAtClose !== undefined ? { membersAtClose } : {}) };
  // The cards are told the closing figures: they read nothing themselves.
  const delivery = await roundCards.publishClosure(closed, participation);
  // Kept before the close is reported, so what follows it ("you said, we did") reads the kept plan.
  return { round: closed, participation, delivery, teamSize: size, planKept: await planKept };
}

/** Re-reads after a conflict: another instance's level check wrote first (it moves them the same way). */
const LEVEL_ATTEMPTS = 3;

/**
 * A closed round's answers, with anyone stored at two levels (one answer on each of two instances
 * just before the close) brought to one first: otherwise an instance's background level check
 * (RoundLevels) would move them after the close, and the stored answers (comments, exports) would
 * no longer agree with the figures counted here. Throws what storage throws.
 */
async function answersAtOneLevel(answers: AnswersRepository, roundId: string): Promise<RatedAnswer[]> {
  for (let attempt = 1; ; attempt += 1) {
    const given = await answers.allRatedAnswers(roundId);
    const atTwoLevels = peopleAtTwoLevels(given);
    if (atTwoLevels.length === 0) return given;
    try {
      for (const respondentId of atTwoLevels) await answers.bringToOneLevel(roundId, respondentId);
    } catch (error) {
      if (attempt >= LEVEL_ATTEMPTS || !isAuditError(error, 'STORAGE_CONFLICT')) throw error;
    }
  }
}
