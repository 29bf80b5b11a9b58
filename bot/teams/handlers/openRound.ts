import type { Person } from '../../app/auditServices';
import { proposeRound, startRound } from '../../app/startRound';
import { isCalendarDay, latestCloseDay, ukDayOf } from '../../domain/closeDate';
import { AuditError } from '../../domain/errors';
import { openRoundActionData, startRoundActionData } from '../cards/actions';
import { noticeCard, openRoundCard, type AdaptiveCard } from '../cards';
import { closeDayInWords } from '../cards/format';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf, teamNameOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';
import { teamActionData } from './teamActionData';
import { openRoundNotice, publishInBackground } from './roundNotices';

/**
 * `start`, or "Start an audit round" on the welcome card: a champion is asked for the close date
 * (the card `openRound` draws), or told of the round already open. Nothing opens yet.
 */
async function closeDateQuestion(teamId: string, person: Person, deps: BotDeps): Promise<AdaptiveCard> {
  const outcome = await proposeRound(deps.services, teamId, person);
  if ('openRound' in outcome) return openRoundNotice(outcome.openRound);
  const now = deps.services.now();
  return openRoundCard({ teamId, ...outcome.proposal, today: ukDayOf(now), latest: latestCloseDay(now) });
}

/** `start` in a channel. Refusals are thrown as AuditErrors (answered by the router). */
export async function askForCloseDate(turn: TeamsTurn, teamId: string, person: Person, deps: BotDeps): Promise<void> {
  await turn.reply(await closeDateQuestion(teamId, person, deps));
}

/** "Start an audit round" on the welcome card: the close date question replaces it, for the champion who pressed. */
export async function handleStartRoundAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const action = teamActionData(turn, startRoundActionData, data);
  if (!action) {
    return errorResponse(new AuditError('BAD_REQUEST', 'Please start a round from your team channel.'));
  }
  const { team } = action;
  try {
    return cardResponse(await closeDateQuestion(team.teamId, personOf(turn.activity), deps));
  } catch (error) {
    return refusalResponse(error, { logger: deps.logger, event: 'start_round_failed' });
  }
}

/**
 * "Open the round" on the close date card: the round opens (once, however often the card is
 * pressed or Teams delivers the press: the card carries the round's id), its cards are posted in
 * the channel after the turn, and the person who pressed sees that it is open and when it closes.
 * A date refused comes back on the card, beside the field, with what was chosen.
 */
export async function handleOpenRoundAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const action = teamActionData(turn, openRoundActionData, data);
  if (!action) {
    return errorResponse(new AuditError('BAD_REQUEST', 'Please open a round from your team channel.'));
  }
  const { team } = action;
  const { roundId, closesOn } = action.data;
  try {
    // The round keeps the team's name for its reminders and chat cards; a card action names none.
    const teamName = teamNameOf(turn.activity) ?? (await deps.services.teams.get(team.teamId))?.teamName;
    const outcome = await startRound(deps.services, { teamId: team.teamId, ...(teamName ? { teamName } : {}), startedBy: personOf(turn.activity), postTo: turn.address, roundId, closesOn });
    if (outcome.started) {
      publishInBackground(outcome.round, deps);
      const text = `It closes at the end of ${closeDayInWords(outcome.round.closesAt!)} (UK time). The twelve conditions are being posted in this channel now.`;
      return cardResponse(noticeCard({ title: `Audit round ${outcome.round.number} is open`, text, tone: 'good' }));
    }
    if ('openRound' in outcome) return cardResponse(openRoundNotice(outcome.openRound));
    const text = `Audit round ${outcome.closedRound.number}, opened from this card, has closed since. A practice champion can open another with "start".`;
    return cardResponse(noticeCard({ title: 'Nothing opened', text }));
  } catch (error) {
    const now = deps.services.now();
    return refusalResponse(error, {
      logger: deps.logger,
      event: 'open_round_failed',
      onTheCard: (problem) =>
        openRoundCard({ teamId: team.teamId, roundId, today: ukDayOf(now), latest: latestCloseDay(now), problem, ...(isCalendarDay(closesOn) ? { closesOn } : {}) }),
    });
  }
}
