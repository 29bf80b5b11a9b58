import type { Person } from '../../app/auditServices';
import { closeRound, type ClosedRound } from '../../app/closeRound';
import { roundToClose } from '../../app/roundToClose';
import { AuditError, isAuditError } from '../../domain/errors';
import type { AuditRound } from '../../domain/auditRound';
import { closeRoundActionData } from '../cards/actions';
import { closeConfirmationCard, noticeCard, type AdaptiveCard } from '../cards';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';
import { teamActionData } from './teamActionData';
import { closedRoundNotice, closingRoundNotice } from './roundNotices';
import { afterRoundClosed } from './afterClose';

/** `close` in a channel: a champion is asked to confirm (Close / Cancel) before anything changes. */
export async function askToCloseRound(turn: TeamsTurn, teamId: string, person: Person, deps: BotDeps): Promise<void> {
  const round = await roundToClose(deps.services, teamId, person);
  await turn.reply(closeConfirmationCard({ teamId, roundId: round.roundId, roundNumber: round.number }));
}

/**
 * Close on the confirmation card. Closing waits for answers in flight (ROUND_CACHE_MS + 1 s), then
 * updates the round's thirteen cards at Teams' pace, which with a slow connector outlasts Teams'
 * wait for an invoke (~15 s); so does even one update Teams throttles (429, Retry-After). So the
 * invoke answers at once (the presser sees "Closing audit round N…"), and after the turn the card
 * says so to everyone, the close runs, and the card then shows the outcome (closedRoundNotice).
 */
export async function handleCloseRoundAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const action = teamActionData(turn, closeRoundActionData, data);
  if (!action) {
    return errorResponse(new AuditError('BAD_REQUEST', 'Please close a round from your team channel.'));
  }
  const { team } = action;
  let round: AuditRound;
  let person: Person;
  try {
    person = personOf(turn.activity);
    round = await roundToClose(deps.services, team.teamId, person, action.data.roundId);
  } catch (error) {
    return refusal(error, deps);
  }
  const closing = closingRoundNotice(round);
  const confirmationId = turn.activity.replyToId;
  // The turn ends before the close does: everything it sends goes to the same conversation afterwards.
  const { address } = turn;
  deps.inBackground(`close round ${round.roundId}`, async () => {
    // Shown to everyone, so no other champion presses Close meanwhile; paced like any send. The
    // person who pressed sees it from the invoke response whatever happens to this update. The
    // close does not wait for it (it waits out answers in flight meanwhile), the outcome does.
    const closingShown = confirmationId
      ? deps.teams.inConversation(address, (conversation) => conversation.updateCard(confirmationId, closing)).catch((error: unknown) => deps.logger.warn('close_notice_failed', { error }))
      : undefined;
    const { card: outcome, closed } = await outcomeOfClosing(team.teamId, person, round, deps);
    await closingShown;
    await deps.teams.inConversation(address, async (conversation) => {
      // On the card that asked; if that card cannot be updated (deleted, say), as a new message.
      if (confirmationId) {
        try {
          await conversation.updateCard(confirmationId, outcome);
          return;
        } catch (error) {
          deps.logger.warn('close_notice_failed', { error });
        }
      }
      await conversation.postCard(outcome);
    });
    if (closed) await afterRoundClosed(closed, deps);
  });
  return cardResponse(closing);
}

/** Cancel on the confirmation card: nothing changes, and the card says so to the person who pressed it. */
export async function handleCancelCloseAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const action = teamActionData(turn, closeRoundActionData, data);
  if (!action) {
    return errorResponse(new AuditError('BAD_REQUEST', 'Please use the buttons on the card in your team channel.'));
  }
  const { team } = action;
  try {
    const round = await deps.services.rounds.get(team.teamId, action.data.roundId);
    if (!round) throw new AuditError('ROUND_NOT_FOUND');
    const where = round.status === 'open' ? `audit round ${round.number} is still open` : `audit round ${round.number} was already closed`;
    return cardResponse(noticeCard({ title: 'Nothing changed', text: `You chose not to close: ${where}.` }));
  } catch (error) {
    return refusal(error, deps);
  }
}

/** The card once the close has run, or why it did not; the closed round when this close closed it. */
async function outcomeOfClosing(teamId: string, person: Person, round: AuditRound, deps: BotDeps): Promise<{ card: AdaptiveCard; closed?: ClosedRound }> {
  try {
    const closed = await closeRound(deps.services, teamId, person);
    return { card: closedRoundNotice(closed), closed };
  } catch (error) {
    return { card: closeFailedCard(error, round, deps) };
  }
}

/** What the confirmation card says when the close did not run: already closed by another, refused, or failed. */
function closeFailedCard(error: unknown, round: AuditRound, deps: BotDeps): AdaptiveCard {
  // Another champion's Close got there first: their close reports the outcome.
  if (isAuditError(error, 'NO_OPEN_ROUND') || isAuditError(error, 'ROUND_CLOSED')) return noticeCard({ text: `Audit round ${round.number} is already closed.` });
  if (isAuditError(error)) return noticeCard({ text: error.message, tone: 'attention' });
  deps.logger.error('close_round_failed', { roundId: round.roundId, error });
  return noticeCard({
    title: `Audit round ${round.number} may not be closed`,
    text: 'Practice Audit could not finish closing it just now. Answers given so far are kept. Please say "close" again in a moment.',
    tone: 'attention',
  });
}

function refusal(error: unknown, deps: BotDeps): CardActionResponse {
  return refusalResponse(error, { logger: deps.logger, event: 'close_round_failed' });
}
