import type { LatestReminders } from '../../app/reminders/waveOutcome';
import { type AuditRound } from '../../domain/auditRound';
import { type OpenParticipation } from '../../domain/participation';
import { type TeamSize } from '../../domain/responseRate';
import { adaptiveCard, type AdaptiveCard } from './card';
import { factSet, heading, textBlock } from './elements';
import { closeDayInWords, formatDate, people } from './format';
import { participationSection } from './participationFacts';

export interface StatusCardOptions {
  readonly round: AuditRound;
  readonly participation: OpenParticipation;
  readonly privacyThreshold: number;
  /** The team's size now, the response rate's denominator; unknown when Teams would not give the roster. */
  readonly teamSize: TeamSize;
  /** The round's latest reminder wave (app/reminders/waveOutcome.ts): when, and what became of it. */
  readonly reminders?: LatestReminders;
  /** How many of the team's actions are overdue (issue 11); none says nothing. */
  readonly overdueActions?: number;
}

/**
 * For champions: how far the open round has got, and of how many ("Response rate: 37 of 52
 * members (71%)"). Counts only, never who or what, nor (while open) at which level.
 */
export function statusCard({ round, participation, privacyThreshold, teamSize, reminders, overdueActions = 0 }: StatusCardOptions): AdaptiveCard {
  const state = round.status === 'open' ? 'Open' : round.closedAt ? `Closed on ${formatDate(round.closedAt)}` : 'Closed';
  return adaptiveCard([
    heading(`Audit round ${round.number}: participation`, { size: 'large' }),
    factSet([
      ['Opened', formatDate(round.openedAt)],
      ...(round.status === 'open' && round.closesAt ? [['Closes', `${closeDayInWords(round.closesAt)}, at the end of the day (UK time)`] as const] : []),
      ['Status', state],
      ...(reminders ? [['Reminders', remindersInWords(reminders)] as const] : []),
    ]),
    ...participationSection(participation, privacyThreshold, round.status === 'open', teamSize),
    ...(overdueActions > 0 ? [textBlock(overdueInWords(overdueActions), { color: 'attention', weight: 'bolder', spacing: 'medium' })] : []),
    textBlock('Counts only: individual answers and who gave them are never shown.', {
      size: 'small',
      isSubtle: true,
      spacing: 'medium',
    }),
  ]);
}

/**
 * The latest wave as it stands, never more than happened: "10 March 2026, 15 people reminded";
 * while Teams will not give the team's members, that nobody has been reminded and why.
 */
function remindersInWords(reminders: LatestReminders): string {
  const asked = formatDate(reminders.at);
  const why = "Teams would not give the team's members.";
  if (reminders.state === 'notSent') return `${asked}, not sent: ${why} Nobody was reminded.`;
  if (reminders.state === 'waitingForTeams') return `${asked}, not sent yet: ${why} Practice Audit will try again.`;
  if (reminders.reminded > 0) return `${asked}, ${people(reminders.reminded)} reminded${reminders.state === 'going' ? ' so far' : ''}`;
  return reminders.state === 'going' ? `${asked}, going out now` : `${asked}, nobody reminded`;
}

/** "3 actions are overdue: see the plan in the tab." (the team's Practice audit tab, under Plan). */
function overdueInWords(count: number): string {
  const actions = count === 1 ? '1 action is' : `${count.toLocaleString('en-GB')} actions are`;
  return `${actions} overdue: see the plan in the tab.`;
}
