import type { Person } from '../../app/auditServices';
import { rememberedLevelOf, roundsToAnswer, unansweredConditions } from '../../app/answerInChat';
import { AuditError } from '../../domain/errors';
import { assertTakingAnswers, type AuditRound } from '../../domain/auditRound';
import { answerInChatActionData } from '../cards/actions';
import { chatAllDoneCard, chatRoundChoiceCard, conditionCard, noticeCard, type AdaptiveCard } from '../cards';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf, tenantOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import { deliveryFailureOf } from '../delivery/deliveryFailure';
import type { BotDeps } from './botDeps';
import { requireMembership } from './membershipCheck';
import { replyWithProblem } from './replies';

const NOTHING_OPEN =
  "There are no open audit rounds in your teams just now. When a practice champion starts one, you can answer here (say \"audit\") or on the cards in your team's channel.";

/**
 * One-to-one with the bot: the person sees the open rounds of their teams and gets the
 * conditions they have not answered, one card at a time. Answers count in the same round.
 */
export async function offerRoundsInChat(turn: TeamsTurn, deps: BotDeps): Promise<void> {
  try {
    const person = personOf(turn.activity);
    const rounds = await roundsToAnswer(deps.services, person, tenantOf(turn.activity), (teamId) => deps.membership.isMember(turn, teamId, person.teamsUserId));
    if (rounds.length === 0) return await turn.reply(noticeCard({ title: 'Practice Audit', text: NOTHING_OPEN }));
    if (rounds.length === 1) return await turn.reply(await nextCardFor(rounds[0]!.round, person, deps));
    await turn.reply(
      chatRoundChoiceCard({
        rounds: rounds.map((r) => ({ teamId: r.round.teamId, teamName: r.teamName, roundId: r.round.roundId, roundNumber: r.round.number, remaining: r.remaining })),
      }),
    );
  } catch (error) {
    await replyWithProblem(turn, error, deps.logger);
  }
}

/** "Answer for {team}" on the choice card: that round's next condition replaces the choice. */
export async function handleAnswerInChatAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const parsed = answerInChatActionData.safeParse(data);
  if (!parsed.success) return errorResponse(new AuditError('BAD_REQUEST', 'That choice could not be read. Please say "audit" to see your rounds again.'));
  try {
    const person = personOf(turn.activity);
    await requireMembership(turn, parsed.data.teamId, person, deps);
    const round = await deps.services.rounds.get(parsed.data.teamId, parsed.data.roundId);
    if (!round) throw new AuditError('ROUND_NOT_FOUND');
    assertTakingAnswers(round, deps.services.now());
    return cardResponse(await nextCardFor(round, person, deps));
  } catch (error) {
    return refusalResponse(error, { logger: deps.logger, event: 'answer_in_chat_failed' });
  }
}

/**
 * After an answer in chat, the next unanswered condition follows as a new message: sent
 * after the turn (the invoke answers at once from what was stored, well within Teams' ~15 s),
 * paced like every send, and once per activity: Teams redelivers an invoke it thinks was
 * lost, with the same id. A failure is logged, not shown: the answer was stored, and saying
 * "audit" offers the next condition again.
 */
export function sendNextChatConditionAfterTurn(turn: TeamsTurn, round: AuditRound, person: Person, deps: BotDeps): void {
  const { address } = turn;
  const conversationId = turn.activity.conversation?.id ?? '';
  const activityId = turn.activity.id;
  deps.inBackground('next_chat_condition', async () => {
    try {
      if (activityId && !(await deps.handledActivities.claim(conversationId, activityId))) return;
      const card = await nextCardFor(round, person, deps);
      await deps.teams.inConversation(address, (conversation) => conversation.postCard(card));
    } catch (error) {
      deps.logger.warn('next_chat_condition_failed', { roundId: round.roundId, ...deliveryFailureOf(error), error });
    }
  });
}

async function nextCardFor(round: AuditRound, person: Person, deps: BotDeps): Promise<AdaptiveCard> {
  const [unanswered, rememberedLevel] = await Promise.all([
    unansweredConditions(deps.services, person, round),
    rememberedLevelOf(deps.services, person, round.teamId),
  ]);
  const teamName = round.teamName ?? 'your team';
  const next = unanswered[0];
  if (!next) return chatAllDoneCard({ teamName, roundNumber: round.number });
  const answeredCount = deps.services.roundCards.lastKnownCount(round, next.id) ?? 0;
  return conditionCard({ round, condition: next, answeredCount, via: 'chat', leftToAnswer: unanswered.length, ...(rememberedLevel ? { rememberedLevel } : {}) });
}
