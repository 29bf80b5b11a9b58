import type { Person } from '../../app/auditServices';
import { extendRound, roundToExtend, suggestedExtension } from '../../app/extendRound';
import type { AuditRound, PostingAddress } from '../../domain/auditRound';
import { closeDayOf, isCalendarDay, latestCloseDay, ukDayOf } from '../../domain/closeDate';
import { AuditError } from '../../domain/errors';
import { extendRoundActionData } from '../cards/actions';
import { extendRoundCard, noticeCard, type AdaptiveCard } from '../cards';
import { closeDayInWords } from '../cards/format';
import { closeDayFromWords } from '../closeDateWords';
import { deliveryFailureOf } from '../delivery/deliveryFailure';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';
import { teamActionData } from './teamActionData';

/** Said in the channel once a round is extended: everyone sees the new close date. */
function extendedNotice(round: AuditRound, by: Person): AdaptiveCard {
  const text = `${by.name} extended it: it now closes at the end of ${closeDayInWords(round.closesAt!)} (UK time). Answers are taken until then, and the round's opening card shows the new date.`;
  return noticeCard({ title: `Audit round ${round.number} extended`, text, tone: 'good' });
}

/** The round's intro card shows the new close date: after the turn, as it is one more send to Teams. */
function showNewCloseDate(round: AuditRound, deps: BotDeps): void {
  deps.inBackground(`show close date ${round.roundId}`, () => deps.services.roundCards.showCloseDate(round));
}

/**
 * `extend` in a channel (champions): alone, a card with a later close date filled in (a week on);
 * with a date ("extend to 20 December", "extend 7 days"), the round is extended at once and the
 * reply in the channel says so. Refusals are thrown as AuditErrors (answered by the router).
 */
export async function extendCommand(turn: TeamsTurn, words: string, teamId: string, person: Person, deps: BotDeps): Promise<void> {
  const round = await roundToExtend(deps.services, teamId, person);
  const now = deps.services.now();
  const today = ukDayOf(now);
  const asked = closeDayFromWords(words, { today, closesOn: round.closesAt ? closeDayOf(round.closesAt) : today });
  if (asked === 'nothing') return turn.reply(extendCard(round, now, { closesOn: suggestedExtension(round, now) }));
  if (asked === 'unreadable') {
    const problem = `"${words.length > 40 ? `${words.slice(0, 39)}…` : words}" could not be read as a day. Choose it here, or write it like "extend to 20 December" or "extend 7 days".`;
    return turn.reply(extendCard(round, now, { closesOn: suggestedExtension(round, now), problem }));
  }
  const extended = await extendRound(deps.services, { teamId, person, closesOn: asked.day, roundId: round.roundId });
  showNewCloseDate(extended, deps);
  await turn.reply(extendedNotice(extended, person));
}

function extendCard(round: AuditRound, now: Date, field: { closesOn?: string; problem?: string }): AdaptiveCard {
  return extendRoundCard({
    teamId: round.teamId,
    roundId: round.roundId,
    roundNumber: round.number,
    ...(round.closesAt ? { closesNow: closeDayOf(round.closesAt) } : {}),
    today: ukDayOf(now),
    latest: latestCloseDay(now),
    ...field,
  });
}

/**
 * "Extend" on the card `extend` answered with: the round's close date moves, the card that asked
 * says so to everyone in the channel (or a new message does, if it is gone), and the intro card
 * shows the new date. A date refused comes back on the card, beside the field.
 */
export async function handleExtendRoundAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const action = teamActionData(turn, extendRoundActionData, data);
  if (!action) {
    return errorResponse(new AuditError('BAD_REQUEST', 'Please extend a round from your team channel.'));
  }
  const { team } = action;
  const { roundId, closesOn } = action.data;
  try {
    const person = personOf(turn.activity);
    const extended = await extendRound(deps.services, { teamId: team.teamId, person, closesOn, roundId });
    const notice = extendedNotice(extended, person);
    showNewCloseDate(extended, deps);
    tellTheChannel(turn.address, turn.activity.replyToId, notice, deps);
    return cardResponse(notice);
  } catch (error) {
    // The card again, as it was, with the problem beside the date: read the round it was about.
    const round = await deps.services.rounds.get(team.teamId, roundId).catch(() => undefined);
    const now = deps.services.now();
    return refusalResponse(error, {
      logger: deps.logger,
      event: 'extend_round_failed',
      onTheCard: (problem) => (round ? extendCard(round, now, { problem, ...(isCalendarDay(closesOn) ? { closesOn } : {}) }) : noticeCard({ text: problem, tone: 'attention' })),
    });
  }
}

/** The notice replaces the card that asked, for everyone; if it cannot (deleted), it is posted. */
function tellTheChannel(address: PostingAddress, cardId: string | undefined, notice: AdaptiveCard, deps: BotDeps): void {
  deps.inBackground('extend notice', async () => {
    await deps.teams
      .inConversation(address, async (conversation) => {
        if (cardId) {
          try {
            return await conversation.updateCard(cardId, notice);
          } catch (error) {
            deps.logger.warn('extend_notice_failed', { ...deliveryFailureOf(error), error });
          }
        }
        await conversation.postCard(notice);
      })
      .catch((error: unknown) => deps.logger.warn('extend_notice_failed', { ...deliveryFailureOf(error), error }));
  });
}
