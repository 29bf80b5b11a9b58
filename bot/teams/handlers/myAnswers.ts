import { answersInTheirRounds, ownAnswer } from '../../app/myAnswers';
import { findCondition } from '../../domain/conditions';
import { AuditError } from '../../domain/errors';
import { myAnswerActionData } from '../cards/actions';
import { conditionCard, myAnswersCard, noticeCard } from '../cards';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf, scopeOf, tenantOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';
import { requireMembership } from './membershipCheck';

/**
 * "My answer" on a shared condition card, or "Change answer N" in the list of a person's
 * answers: their own view of the condition, from storage, with their answer filled in (or
 * their level, if they have not answered it), for them alone.
 */
export async function handleMyAnswerAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const parsed = myAnswerActionData.safeParse(data);
  if (!parsed.success) return errorResponse(new AuditError('BAD_REQUEST', 'That could not be read. Please use the buttons on the card.'));
  const condition = findCondition(parsed.data.conditionId);
  if (!condition) return errorResponse(new AuditError('UNKNOWN_ACTION', 'That condition is not on the audit.'));
  const via = scopeOf(turn.activity) === 'personal' ? 'chat' : 'channel';
  try {
    const person = personOf(turn.activity);
    await requireMembership(turn, parsed.data.teamId, person, deps);
    const { round, answer, levelToFill } = await ownAnswer(deps.services, person, parsed.data);
    const answeredCount = deps.services.roundCards.lastKnownCount(round, condition.id) ?? (await deps.services.answers.countForCondition(round.roundId, condition.id));
    const view = answer ? { answer } : { notAnsweredYet: true, ...(levelToFill ? { rememberedLevel: levelToFill } : {}) };
    return cardResponse(conditionCard({ round, condition, answeredCount, via, ...view }));
  } catch (error) {
    return refusalResponse(error, { logger: deps.logger, event: 'my_answer_failed', title: condition.text });
  }
}

/** "my answers" in one-to-one chat: what the person answered in the open and closed rounds of their teams, newest first. */
export async function listMyAnswersInChat(turn: TeamsTurn, deps: BotDeps): Promise<void> {
  const person = personOf(turn.activity);
  const rounds = await answersInTheirRounds(deps.services, person, tenantOf(turn.activity), (teamId) => deps.membership.isMember(turn, teamId, person.teamsUserId));
  const retentionDays = deps.services.retention.days;
  const listed = rounds.map(({ round, teamName, answers }) => ({
    teamId: round.teamId,
    teamName,
    roundId: round.roundId,
    roundNumber: round.number,
    answers,
    ...(round.status === 'closed' ? { closed: { closedAt: round.closedAt ?? round.openedAt, retentionDays } } : {}),
  }));
  await turn.reply(myAnswersCard({ rounds: listed }));
}

/** Anywhere but the one-to-one chat, everyone would see the list: say where to find it instead. */
export async function replyMyAnswersArePrivate(turn: TeamsTurn): Promise<void> {
  const text = 'Your answers are shown only to you: press My answer on a condition\'s card, or say "my answers" in your one-to-one chat with Practice Audit.';
  await turn.reply(noticeCard({ text }));
}
