import { AuditError } from '../domain/errors';
import { validateAnswerChoice, type Answer, type AnswerChannel } from '../domain/answer';
import { assertOpen, type AuditRound } from '../domain/auditRound';
import { isConditionId } from '../domain/conditions';
import { isLevelId } from '../domain/levels';
import { respondentIdFor } from '../domain/respondent';
import type { AuditServices, Person } from './auditServices';

export interface AnswerSubmission {
  readonly teamId: string;
  readonly roundId: string;
  readonly conditionId: string;
  readonly via: AnswerChannel;
  readonly rating?: unknown;
  readonly level?: unknown;
  readonly comment?: unknown;
}

/**
 * A person rates one condition. One answer per person per condition per round: the row
 * key makes a second answer replace the first, and a retried invoke rewrite the same row.
 * The caller has established that the person belongs to the team.
 */
export async function recordAnswer(services: AuditServices, person: Person, submission: AnswerSubmission): Promise<{ answer: Answer; round: AuditRound }> {
  const { conditionId } = submission;
  if (!isConditionId(conditionId)) throw new AuditError('UNKNOWN_ACTION', 'That condition is not on the audit.');
  const respondentId = respondentIdFor(person.entraObjectId, services.respondentHmacKey);

  // Most answers carry a level (the person's own card comes back with it filled in): then
  // there is nothing to look up, only to remember. Storage calls are this path's whole cost.
  const givesLevel = isLevelId(submission.level);
  const [round, rememberedLevel] = await Promise.all([
    services.roundCache.get(submission.teamId, submission.roundId),
    givesLevel ? undefined : services.levels.levelOf(submission.teamId, respondentId),
  ]);
  if (!round) throw new AuditError('ROUND_NOT_FOUND');
  assertOpen(round);

  const choice = validateAnswerChoice(submission, rememberedLevel);
  const answer: Answer = { roundId: round.roundId, conditionId, respondentId, ...choice, answeredAt: services.now().toISOString(), via: submission.via };
  await services.answers.record(answer);
  if (givesLevel) services.levels.remember(round.teamId, respondentId, choice.level, answer.answeredAt);
  services.publisher.answerCountChanged(round, conditionId);
  return { answer, round };
}
