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
  /** The round's latest reminder wave (app/reminders/waveOutcome.ts): when, and how many were reminded. */
  readonly reminders?: { readonly at: string; readonly reminded: number; readonly inProgress: boolean };
}

/**
 * For champions: how far the open round has got, and of how many ("Response rate: 37 of 52
 * members (71%)"). Counts only, never who or what, nor (while open) at which level.
 */
export function statusCard({ round, participation, privacyThreshold, teamSize, reminders }: StatusCardOptions): AdaptiveCard {
  const state = round.status === 'open' ? 'Open' : round.closedAt ? `Closed on ${formatDate(round.closedAt)}` : 'Closed';
  return adaptiveCard([
    heading(`Audit round ${round.number}: participation`, { size: 'large' }),
    factSet([
      ['Opened', formatDate(round.openedAt)],
      ...(round.status === 'open' && round.closesAt ? [['Closes', `${closeDayInWords(round.closesAt)}, at the end of the day (UK time)`] as const] : []),
      ['Status', state],
      ...(reminders ? [['Reminders', `${formatDate(reminders.at)}, ${people(reminders.reminded)} reminded${reminders.inProgress ? ' so far' : ''}`] as const] : []),
    ]),
    ...participationSection(participation, privacyThreshold, round.status === 'open', teamSize),
    textBlock('Counts only: individual answers and who gave them are never shown.', {
      size: 'small',
      isSubtle: true,
      spacing: 'medium',
    }),
  ]);
}
