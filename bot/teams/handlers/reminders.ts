import type { Person } from '../../app/auditServices';
import { remindNow } from '../../app/reminders/remindNow';
import { stopRemindersFor, stopRemindersForOpenRounds } from '../../app/reminders/stopReminders';
import { AuditError } from '../../domain/errors';
import { stopRemindersActionData } from '../cards/actions';
import { noticeCard, remindersStoppedCard, remindingCard, remindTooSoonCard } from '../cards';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf, tenantOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';

/**
 * `remind` in a team's channel (champions): a wave of reminders now, answered at once; the
 * counts follow in the same thread when every batch is done, or, when Teams will not give the
 * team's members, that nobody was reminded (app/reminders/reminderWave.ts). Too soon after the
 * last that reached someone (three days): refused, saying when it went and when it can go again.
 */
export async function remindCommand(turn: TeamsTurn, teamId: string, person: Person, deps: BotDeps): Promise<void> {
  const outcome = await remindNow(deps.services, teamId, person, turn.address);
  if (!outcome.sent) return turn.reply(remindTooSoonCard({ roundNumber: outcome.round.number, lastAt: outcome.lastAt, nextAt: outcome.nextAt }));
  await turn.reply(remindingCard({ roundNumber: outcome.round.number }));
}

/** `stop reminders` in the one-to-one chat: no more reminders for every open round of the person's teams. */
export async function stopRemindersInChat(turn: TeamsTurn, deps: BotDeps): Promise<void> {
  const person = personOf(turn.activity);
  const rounds = await stopRemindersForOpenRounds(deps.services, person, tenantOf(turn.activity), (teamId) => deps.membership.isMember(turn, teamId, person.teamsUserId));
  await turn.reply(remindersStoppedCard({ rounds: rounds.map(({ round, teamName }) => ({ teamName, roundNumber: round.number })) }));
}

/** `stop reminders` in a channel would tell everyone: say where it works instead. */
export async function replyStopRemindersIsInChat(turn: TeamsTurn): Promise<void> {
  const text = 'Reminders come to you one-to-one, so you stop them there: press "Stop reminders for this round" on a reminder, or say "stop reminders" in your chat with Practice Audit.';
  await turn.reply(noticeCard({ title: 'Stopping reminders', text }));
}

/** "Stop reminders for this round" on a reminder: the card becomes the confirmation, for the person alone. */
export async function handleStopRemindersAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const parsed = stopRemindersActionData.safeParse(data);
  if (!parsed.success) return errorResponse(new AuditError('BAD_REQUEST', 'That could not be read. Please say "stop reminders" instead.'));
  try {
    const person = personOf(turn.activity);
    const { round, closed } = await stopRemindersFor(deps.services, person, parsed.data.teamId, parsed.data.roundId);
    const teamName = round.teamName ?? 'your team';
    if (closed) return cardResponse(noticeCard({ text: `Audit round ${round.number} of ${teamName} has closed, so there will be no more reminders for it.` }));
    return cardResponse(remindersStoppedCard({ rounds: [{ teamName, roundNumber: round.number }] }));
  } catch (error) {
    return refusalResponse(error, { logger: deps.logger, event: 'stop_reminders_failed' });
  }
}
