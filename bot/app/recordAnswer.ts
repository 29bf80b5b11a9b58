import { AuditError, isAuditError } from '../domain/errors';
import { levelInRound } from '../domain/answerLevel';
import { validateAnswerChoice, type Answer, type AnswerChannel } from '../domain/answer';
import { assertTakingAnswers, type AuditRound } from '../domain/auditRound';
import { isConditionId, type ConditionId } from '../domain/conditions';
import { isLevelId, type LevelId } from '../domain/levels';
import { respondentIdFor } from '../domain/respondent';
import { reviewOfComment } from '../domain/safeguarding/commentHold';
import type { StoredAnswer } from '../storage/answersRepository';
import type { AuditServices, Person } from './auditServices';

export interface AnswerSubmission {
  readonly teamId: string;
  readonly roundId: string;
  readonly conditionId: string;
  readonly via: AnswerChannel;
  readonly rating?: unknown;
  readonly level?: unknown;
  readonly comment?: unknown;
  /** The level the person's own view counted as theirs (see answerLevel.ts); absent on the shared card. */
  readonly knownLevel?: unknown;
  /** Sent again from the card that refused a different level: change it. */
  readonly changeLevel?: unknown;
  /** Sent from the person's own view ("Change my answer"): it replaces an answer they gave. */
  readonly isChange?: unknown;
  /** When Teams sent the activity (its `timestamp`): a redelivered older activity never replaces a later answer. */
  readonly sentAt?: unknown;
  /** `true` from "Send anyway" on the card that warned the comment may identify someone: it is held for review. */
  readonly sendAnyway?: unknown;
}

export interface RecordedAnswer {
  readonly answer: Answer;
  readonly round: AuditRound;
  /** How many of the person's other answers in the round moved to this answer's level (0 when none). */
  readonly movedAnswers: number;
}

/**
 * A person rates one condition. One answer per person per condition per round: the row
 * key makes a second answer replace the first, and a retried invoke rewrite the same row.
 * One level per person per round (see answerLevel.ts): a change of level moves their other
 * answers with it, in the same write. The caller has established that the person belongs to
 * the team. A comment that may identify someone or disclose harm to a child is refused,
 * COMMENT_MAY_IDENTIFY, unless sent anyway; then the answer counts as any other and its comment is
 * held from leaders for a champion's review (domain/safeguarding/commentHold.ts).
 */
export type RecordAnswerDeps = Pick<AuditServices, 'roundCache' | 'roundLevels' | 'answers' | 'levels' | 'roundCards' | 'respondentHmacKey' | 'now'>;

export async function recordAnswer(deps: RecordAnswerDeps, person: Person, submission: AnswerSubmission): Promise<RecordedAnswer> {
  const { conditionId } = submission;
  if (!isConditionId(conditionId)) throw new AuditError('UNKNOWN_ACTION', 'That condition is not on the audit.');
  const respondentId = respondentIdFor(person.entraObjectId, deps.respondentHmacKey);
  // Most answers come from the shared card with a level, and this instance knows the person's
  // level in the round (or that they have none yet): then the write is the only storage call.
  const round = await deps.roundCache.get(submission.teamId, submission.roundId);
  if (!round) throw new AuditError('ROUND_NOT_FOUND');
  assertTakingAnswers(round, deps.now());
  const known = await deps.roundLevels.known(round.roundId, respondentId);

  for (let attempt = 1; ; attempt += 1) {
    try {
      return await recordOnce(deps, round, { ...submission, conditionId }, respondentId, known);
    } catch (error) {
      // Their answers changed between our read and our write (another card of theirs): read again, once.
      if (attempt >= 2 || !isAuditError(error, 'STORAGE_CONFLICT')) throw error;
    }
  }
}

async function recordOnce(
  { answers, levels, roundLevels, roundCards, now }: RecordAnswerDeps,
  round: AuditRound,
  submission: AnswerSubmission & { readonly conditionId: ConditionId },
  respondentId: string,
  known: LevelId | undefined,
): Promise<RecordedAnswer> {
  const givesLevel = isLevelId(submission.level);
  const fromSharedCard = givesLevel && submission.knownLevel === undefined && submission.changeLevel === undefined;
  // Anything but a shared-card answer agreeing with what this instance knows reads the
  // person's answers in the round: what decides it must not be a stale copy.
  let stored: StoredAnswer[] | undefined;
  let inRound = known;
  if (!fromSharedCard || (known !== undefined && known !== submission.level)) {
    stored = await answers.answersOf(round.roundId, respondentId);
    inRound = levelInRound(stored);
  }
  const remembered = givesLevel || inRound ? undefined : await levels.levelOf(round.teamId, respondentId);

  const { movesFrom, ...choice } = validateAnswerChoice(submission, { inRound, remembered });
  const { conditionId } = submission;
  // Only a comment with concerns reads the stored answer (once, unless the level's read has it): its review may stand.
  const commentReview = await reviewOfComment(choice.comment, submission.sendAnyway === true, async () => (stored ? stored.find((a) => a.conditionId === conditionId) : await answers.find(round.roundId, conditionId, respondentId)));
  const sentAt = isoTimeOf(submission.sentAt);
  const answer: Answer = { roundId: round.roundId, conditionId, respondentId, ...choice, answeredAt: now().toISOString(), via: submission.via, ...(sentAt ? { sentAt } : {}), ...(commentReview ? { commentReview } : {}) };
  let movedAnswers = 0;
  if (movesFrom && stored) movedAnswers = await answers.writeLevel(round.roundId, answer.level, stored, answer);
  else {
    const kept = await answers.record(answer);
    // An older activity delivered again after a later answer: no effect, the later answer stands.
    if (kept !== answer) return { answer: kept, round, movedAnswers: 0 };
  }
  roundLevels.noted(round.roundId, respondentId, answer.level);
  if (givesLevel) levels.remember(round.teamId, respondentId, choice.level, answer.answeredAt);
  // A change leaves the count as it was: updating the shared card would only take the person's own
  // view away from them (Teams replaces it with the shared card on every update) for nothing.
  const aChange = submission.isChange === true || stored?.some((a) => a.conditionId === answer.conditionId) === true;
  if (!aChange) roundCards.answerCountChanged(round, answer.conditionId);
  return { answer, round, movedAnswers };
}

/** An activity's timestamp as ISO 8601, or undefined when it has none that reads as a time. */
function isoTimeOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
