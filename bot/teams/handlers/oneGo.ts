import { oneGoForm, recordAnswersInOneGo, type OneGoOutcome, type RatedOnForm } from '../../app/answerInOneGo';
import { answersInRound } from '../../app/myAnswers';
import type { AuditRound } from '../../domain/auditRound';
import { CONDITIONS, type Condition, type ConditionId } from '../../domain/conditions';
import { AuditError, isAuditError, SOMETHING_WENT_WRONG } from '../../domain/errors';
import { isLevelId } from '../../domain/levels';
import { normaliseComment } from '../../domain/answer';
import { concernKindsIn } from '../../domain/safeguarding/findConcerns';
import { answerAllActionData, oneGoInputIds, roundActionData, type AnswerAllActionData } from '../cards/actions';
import { fieldOfProblem } from '../cards/answerInputs';
import { myAnswersCard } from '../cards';
import { oneGoDoneCard, oneGoFormCard, type OneGoDraft, type OneGoProblem } from '../cards/oneGoCard';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf, scopeOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';
import { requireMembership } from './membershipCheck';

const UNREADABLE = 'That could not be read. Please use the buttons on the card.';

/**
 * "Answer all in one go" on the round's intro card, or on a condition's card in chat: every condition
 * the person has not answered, on one form, as the invoke response, so only they see it. When they
 * have answered everything, it says so and offers their answers.
 */
export async function handleOpenOneGo(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const parsed = roundActionData.safeParse(data);
  if (!parsed.success) return errorResponse(new AuditError('BAD_REQUEST', UNREADABLE));
  try {
    const person = personOf(turn.activity);
    await requireMembership(turn, parsed.data.teamId, person, deps);
    const { round, unanswered, levelToFill } = await oneGoForm(deps.services, person, parsed.data);
    if (unanswered.length === 0) return cardResponse(oneGoDoneCard({ round }));
    return cardResponse(oneGoFormCard({ round, conditions: unanswered, ...(levelToFill ? { level: levelToFill, knownLevel: levelToFill } : {}) }));
  } catch (error) {
    return refusalResponse(error, { logger: deps.logger, event: 'one_go_failed' });
  }
}

/**
 * "Submit answers" on the one-go form: each condition rated is recorded as its card's answer would be
 * (recordAnswersInOneGo). The form comes back with what was recorded and only what is left, each
 * refusal under its field and everything typed kept; or, all answered, says so.
 */
export async function handleAnswerAll(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const parsed = answerAllActionData.safeParse(data);
  const form = parsed.success ? formOf(parsed.data) : undefined;
  if (!parsed.success || !form) return errorResponse(new AuditError('BAD_REQUEST', UNREADABLE));
  const submitted = parsed.data;
  try {
    const person = personOf(turn.activity);
    await requireMembership(turn, submitted.teamId, person, deps);
    const outcome = await recordAnswersInOneGo(deps.services, person, {
      teamId: submitted.teamId, roundId: submitted.roundId, via: scopeOf(turn.activity) === 'personal' ? 'chat' : 'channel',
      level: submitted.level, knownLevel: submitted.knownLevel, changeLevel: submitted.changeLevel, sentAt: turn.activity.timestamp,
      listed: form.listed, rated: form.rated,
    });
    if (outcome.stoppedBy !== undefined && !isAuditError(outcome.stoppedBy)) deps.logger.error('one_go_failed', { roundId: submitted.roundId, error: outcome.stoppedBy });
    return cardResponse(afterSubmit(outcome, form, submitted, deps));
  } catch (error) {
    return answerAllRefusal(turn, data, error, deps);
  }
}

/**
 * A submit refused as a whole, nothing recorded (the level, another organisation's team, storage down):
 * the form again with everything typed and the problem by the level field or at the top. A closed
 * round, or someone not in the team, gets the usual notice. Also how the router answers a submit it
 * refused before the handler ran (tenantGuard.ts).
 */
export function answerAllRefusal(_turn: TeamsTurn, data: unknown, error: unknown, deps: BotDeps): CardActionResponse {
  const parsed = answerAllActionData.safeParse(data);
  const form = parsed.success ? formOf(parsed.data) : undefined;
  if (!parsed.success || !form) return refusalResponse(error, { logger: deps.logger, event: 'one_go_failed' });
  const submitted = parsed.data;
  return refusalResponse(error, {
    logger: deps.logger,
    event: 'one_go_failed',
    onTheCard: (problem, code) =>
      oneGoFormCard({
        round: stillOpen(submitted),
        conditions: form.listed,
        ...levelFields(submitted, code === 'LEVEL_DIFFERS_IN_ROUND'),
        drafts: form.drafts,
        ...(fieldOfProblem(code) === 'level' ? { levelProblem: problem } : { problem }),
      }),
  });
}

/** "My answers" once every condition is answered: the person's answers in the round, each with its Change button. */
export async function handleRoundAnswers(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const parsed = roundActionData.safeParse(data);
  if (!parsed.success) return errorResponse(new AuditError('BAD_REQUEST', UNREADABLE));
  try {
    const person = personOf(turn.activity);
    await requireMembership(turn, parsed.data.teamId, person, deps);
    const { round, teamName, answers } = await answersInRound(deps.services, person, parsed.data);
    return cardResponse(myAnswersCard({ rounds: answers.length > 0 ? [{ teamId: round.teamId, teamName, roundId: round.roundId, roundNumber: round.number, answers }] : [] }));
  } catch (error) {
    return refusalResponse(error, { logger: deps.logger, event: 'round_answers_failed' });
  }
}

interface SubmittedForm {
  /** The conditions the form listed, in the audit's order. */
  readonly listed: readonly Condition[];
  /** Those given a rating. */
  readonly rated: readonly RatedOnForm[];
  /** Everything typed, by condition, to show again. */
  readonly drafts: ReadonlyMap<ConditionId, OneGoDraft>;
}

/** The form's inputs, by the conditions it listed; undefined when it listed none the audit has. */
function formOf(data: AnswerAllActionData): SubmittedForm | undefined {
  const named = new Set(data.conditionIds.split(' '));
  const listed = CONDITIONS.filter((c) => named.has(c.id));
  if (listed.length === 0) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const drafts = new Map<ConditionId, OneGoDraft>();
  const rated: RatedOnForm[] = [];
  const sentAnyway = new Set((data.sendAnyway ?? '').split(' '));
  for (const { id } of listed) {
    const inputs = oneGoInputIds(id);
    const rating = data[inputs.rating];
    const comment = data[inputs.comment];
    drafts.set(id, { ...(text(rating) ? { rating: text(rating) } : {}), ...(text(comment) ? { comment: text(comment) } : {}) });
    // Teams sends a choice left alone as "" (or not at all): that condition is simply not answered.
    if (rating !== undefined && rating !== null && rating !== '') rated.push({ conditionId: id, rating, ...(comment !== undefined ? { comment } : {}), ...(sentAnyway.has(id) ? { sendAnyway: true } : {}) });
  }
  return { listed, rated, drafts };
}

function afterSubmit(outcome: OneGoOutcome, form: SubmittedForm, submitted: AnswerAllActionData, deps: BotDeps) {
  const { round, recorded, movedAnswers } = outcome;
  if (outcome.unanswered.length === 0) return oneGoDoneCard({ round, recorded, movedAnswers });
  const problems = new Map<ConditionId, OneGoProblem>(
    outcome.refused.map(({ conditionId, error }) => {
      const field = fieldOfProblem(error.code);
      // A comment that may identify someone: the kinds found (never the text matched) go under it, the warning once at the top.
      const concerns = error.code === 'COMMENT_MAY_IDENTIFY' ? { concerns: concernKindsIn(normaliseComment(form.drafts.get(conditionId)?.comment ?? '')) } : {};
      return [conditionId, { text: error.message, ...(field === 'rating' || field === 'comment' ? { field } : {}), ...concerns }];
    }),
  );
  const stopped = outcome.stoppedBy === undefined ? undefined : isAuditError(outcome.stoppedBy) ? outcome.stoppedBy.message : SOMETHING_WENT_WRONG;
  // Once an answer is recorded, its level is the person's in the round: the form shows it, and counts it as theirs.
  const level = recorded[0]?.level;
  return oneGoFormCard({
    round,
    conditions: outcome.unanswered,
    ...(level ? { level, knownLevel: level } : levelFields(submitted, false)),
    drafts: form.drafts,
    problems,
    ...(stopped ? { problem: stopped } : {}),
    recorded,
    movedAnswers,
    nothingRated: form.rated.length === 0,
    safeguardingContact: deps.safeguardingContact,
  });
}

/** The level field as sent, and what the form counted as theirs; `refusedOther`: submitting again is the change. */
function levelFields(submitted: AnswerAllActionData, refusedOther: boolean) {
  return {
    ...(typeof submitted.level === 'string' ? { level: submitted.level } : {}),
    ...(isLevelId(submitted.knownLevel) ? { knownLevel: submitted.knownLevel } : {}),
    ...(refusedOther || submitted.changeLevel === true ? { changeLevel: true } : {}),
  };
}

/** Enough of the round to draw the form again when storage could not be read (its number unknown). */
function stillOpen(submitted: AnswerAllActionData): AuditRound {
  return { teamId: submitted.teamId, roundId: submitted.roundId, number: 0, status: 'open', openedAt: '', openedBy: '', conditionMessageIds: {} };
}
