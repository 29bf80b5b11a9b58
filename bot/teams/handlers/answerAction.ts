import { recordAnswer } from '../../app/recordAnswer';
import { normaliseComment } from '../../domain/answer';
import { AuditError } from '../../domain/errors';
import { concernKindsIn } from '../../domain/safeguarding/findConcerns';
import type { AuditRound } from '../../domain/auditRound';
import { findCondition } from '../../domain/conditions';
import { answerActionData, type AnswerActionData } from '../cards/actions';
import { conditionCard, type AnswerDraft } from '../cards';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf, scopeOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';
import { requireMembership } from './membershipCheck';
import { sendNextChatConditionAfterTurn } from './chat';

/**
 * Someone pressed "Submit answer" on a condition card. They get their recorded answer
 * back (their own view of the card) at once; in chat the next condition follows after the
 * turn. A refused or failed answer comes back with what they typed still in the card, so
 * nothing is lost. A comment that may identify someone comes back with the safeguarding warning
 * and "Send anyway" (issue 12).
 */
export async function handleAnswerAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const parsed = answerActionData.safeParse(data);
  if (!parsed.success) return errorResponse(new AuditError('BAD_REQUEST', 'That answer could not be read. Please use the buttons on the card.'));
  const submission = parsed.data;
  const condition = findCondition(submission.conditionId);
  if (!condition) return errorResponse(new AuditError('UNKNOWN_ACTION', 'That condition is not on the audit.'));
  const via = scopeOf(turn.activity) === 'personal' ? 'chat' : 'channel';

  try {
    const person = personOf(turn.activity);
    await requireMembership(turn, submission.teamId, person, deps);
    const { answer, round, movedAnswers } = await recordAnswer(deps.services, person, { ...submission, via, sentAt: turn.activity.timestamp });
    if (via === 'chat' && !submission.isChange) sendNextChatConditionAfterTurn(turn, round, person, deps);
    const answeredCount = deps.services.roundCards.lastKnownCount(round, condition.id) ?? 1;
    return cardResponse(conditionCard({ round, condition, answeredCount, via, answer, movedAnswers }));
  } catch (error) {
    return answerRefusal(turn, submission, error, deps);
  }
}

/**
 * A refused or failed answer: the card again with what they entered and the problem beside its
 * field, so nothing is lost. Also how the router answers an answer it refused before this
 * handler ran (another tenant's, see tenantGuard.ts); data it cannot read gets BAD_REQUEST.
 */
export function answerRefusal(turn: TeamsTurn, data: unknown, error: unknown, deps: BotDeps): CardActionResponse {
  const parsed = answerActionData.safeParse(data);
  const condition = parsed.success ? findCondition(parsed.data.conditionId) : undefined;
  if (!parsed.success || !condition) return refusalResponse(error, { logger: deps.logger, event: 'answer_failed' });
  const submission = parsed.data;
  const via = scopeOf(turn.activity) === 'personal' ? 'chat' : 'channel';
  const round = stillOpen(submission);
  const answeredCount = deps.services.roundCards.lastKnownCount(round, condition.id) ?? 0;
  return refusalResponse(error, {
    logger: deps.logger,
    event: 'answer_failed',
    title: condition.text,
    onTheCard: (problem, problemCode) => {
      const draft = draftOf(submission);
      // The kinds found, from what they typed: the card never repeats the matched text outside their own input.
      const safeguarding = problemCode === 'COMMENT_MAY_IDENTIFY' ? { safeguarding: { contact: deps.safeguardingContact, concerns: concernKindsIn(normaliseComment(draft.comment ?? '')) } } : {};
      return conditionCard({ round, condition, answeredCount, via, draft, problem, ...(problemCode ? { problemCode } : {}), ...safeguarding });
    },
  });
}

function draftOf(submission: AnswerActionData): AnswerDraft {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    rating: text(submission.rating), level: text(submission.level), comment: text(submission.comment),
    knownLevel: text(submission.knownLevel), changeLevel: submission.changeLevel === true, ...(submission.isChange ? { isChange: true } : {}),
  };
}

/** Enough of the round to draw the card again when storage could not be read. */
function stillOpen(submission: AnswerActionData): AuditRound {
  return { teamId: submission.teamId, roundId: submission.roundId, number: 0, status: 'open', openedAt: '', openedBy: '', conditionMessageIds: {} };
}
