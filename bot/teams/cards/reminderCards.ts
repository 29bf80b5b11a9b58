import type { AuditRound } from '../../domain/auditRound';
import type { Condition } from '../../domain/conditions';
import { shownReminderCounts, type ReminderCounts } from '../../domain/reminders';
import { VERBS } from './actions';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { emphasised, heading, plainText, textBlock } from './elements';
import { closeDayInWords, formatDateTime, people } from './format';

export interface ReminderCardOptions {
  readonly round: AuditRound;
  /** The conditions the person has not answered yet, in the audit's order. */
  readonly openConditions: readonly Condition[];
}

/**
 * A reminder, one-to-one: the team and round, the close date, the conditions still open for the
 * person by title, "Answer now" (the next of them here in the chat) and "Stop reminders for this
 * round". Only they see it; it names nobody else.
 */
export function reminderCard({ round, openConditions }: ReminderCardOptions): AdaptiveCard {
  const data = { teamId: round.teamId, roundId: round.roundId };
  const teamName = round.teamName ?? 'your team';
  // closesAt is midnight as the next day begins: the close date is the day that ends then.
  const closes = round.closesAt ? `It closes at the end of ${closeDayInWords(round.closesAt)} (UK time).` : 'It is open now.';
  const count = openConditions.length;
  return adaptiveCard(
    [
      heading('A reminder: your practice audit'),
      // The team's name comes from Teams: plain text, never markdown.
      plainText([emphasised(teamName), ` has audit round ${round.number} open, and your view counts. ${closes}`], { spacing: 'small' }),
      textBlock(count === 1 ? 'One condition is still open for you:' : `${count} conditions are still open for you:`, { weight: 'bolder', spacing: 'medium' }),
      ...openConditions.map((condition): CardElement => plainText([`${condition.number}. ${condition.text}`], { spacing: 'small' })),
      textBlock('Your answers are anonymous: practice champions see how many people have answered, never who.', { size: 'small', isSubtle: true, spacing: 'medium' }),
    ],
    [
      executeAction({ title: 'Answer now', verb: VERBS.answerInChat, data, style: 'positive' }),
      executeAction({ title: 'Stop reminders for this round', verb: VERBS.stopReminders, data }),
    ],
  );
}

/** What "stop reminders" did, for the person alone: the rounds (team names) they will hear no more about. */
export function remindersStoppedCard({ rounds }: { readonly rounds: readonly { readonly teamName: string; readonly roundNumber: number }[] }): AdaptiveCard {
  if (rounds.length === 0) {
    return adaptiveCard([textBlock('None of your teams has an audit round open just now, so there are no reminders to stop.')]);
  }
  return adaptiveCard([
    heading('Reminders stopped'),
    ...rounds.map(({ teamName, roundNumber }) => plainText(['You will get no more reminders for ', emphasised(teamName), `'s audit round ${roundNumber}.`], { spacing: 'small' })),
    textBlock('You can still answer at any time: say "audit" here, or use the cards in your team\'s channel.', { isSubtle: true, spacing: 'medium' }),
  ]);
}

/**
 * A wave's outcome in the thread where a champion said `remind`, counts only:
 * "15 people reminded; 4 not reminded, as they had answered every condition or Teams could not reach them; …".
 */
export function reminderOutcomeCard({ round, totals }: { readonly round: AuditRound; readonly totals: ReminderCounts }): AdaptiveCard {
  return adaptiveCard([
    heading(`Reminders for audit round ${round.number}`),
    textBlock(reminderOutcomeText(totals), { spacing: 'small' }),
    textBlock('Counts only: Practice Audit never shows who has or has not answered.', { size: 'small', isSubtle: true, spacing: 'medium' }),
  ]);
}

/** A champion's run that reminded nobody does not count against their three days (app/reminders/waveOutcome.ts). */
const ASK_AGAIN = 'Say "remind" to try again.';

/**
 * A champion's `remind` that could not go: Teams would not give the team's members (the roster),
 * so nobody was reminded, and (the three days not counting such a run) they can ask again now.
 */
export function remindersNotSentCard({ round }: { readonly round: AuditRound }): AdaptiveCard {
  return adaptiveCard([
    heading(`Reminders for audit round ${round.number}`),
    textBlock(`The reminders could not go: Teams would not give the team's members just now. Nobody was reminded. ${ASK_AGAIN}`, { spacing: 'small' }),
  ]);
}

/**
 * "15 people reminded; 4 not reminded, as they had answered every condition or Teams could not
 * reach them; 1 guest not reminded; 2 had asked for no reminders." (shownReminderCounts says why
 * the second figure is one.)
 */
function reminderOutcomeText(totals: ReminderCounts): string {
  const shown = shownReminderCounts(totals);
  const count = (n: number) => n.toLocaleString('en-GB');
  const notReminded = `${count(shown.answeredOrUnreached)} ${shown.reminded === 0 ? 'were not' : 'not'} reminded, as they had answered every condition or Teams could not reach them`;
  const parts = shown.reminded === 0 ? ['Nobody was reminded'] : [`${people(shown.reminded)} reminded`];
  if (shown.answeredOrUnreached > 0) parts.push(notReminded);
  if (shown.guests > 0) parts.push(`${count(shown.guests)} ${shown.guests === 1 ? 'guest' : 'guests'} not reminded`);
  if (shown.optedOut > 0) parts.push(`${count(shown.optedOut)} had asked for no reminders`);
  // Whatever the reason (saying which would say too much), they may ask again at once.
  return `${parts.join('; ')}.${shown.reminded === 0 ? ` ${ASK_AGAIN}` : ''}`;
}

/**
 * `remind` too soon after the last: when reminders were asked for, and when they can be again.
 * "Asked for", not "went": the wave may still be going, or waiting for Teams' roster.
 */
export function remindTooSoonCard({ roundNumber, lastAt, nextAt }: { readonly roundNumber: number; readonly lastAt: string; readonly nextAt: string }): AdaptiveCard {
  return adaptiveCard([
    heading('Reminders asked for recently'),
    textBlock(
      `Reminders for audit round ${roundNumber} were asked for on ${formatDateTime(lastAt)}. So that people are not pestered, a champion can ask for them once every three days: you can ask again from ${formatDateTime(nextAt)}.`,
      { spacing: 'small' },
    ),
  ]);
}

/** `remind` accepted: the counts (or why none could go) follow in the same thread when the wave is done. */
export function remindingCard({ roundNumber }: { readonly roundNumber: number }): AdaptiveCard {
  return adaptiveCard([
    heading(`Reminders for audit round ${roundNumber}`),
    textBlock('Reminding everyone who has not answered every condition… Each gets a one-to-one message naming the conditions still open for them. How many were reminded follows here when it is done, or why nobody could be.', { spacing: 'small' }),
  ]);
}
