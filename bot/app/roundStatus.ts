import { AuditError } from '../domain/errors';
import type { AuditRound } from '../domain/auditRound';
import { openParticipationOf, type OpenParticipation, type Participation } from '../domain/participation';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';

/** A closed round and its participation, levels included (closeRound). */
export interface RoundStatus {
  readonly round: AuditRound;
  readonly participation: Participation;
}

/** The open round and how many have answered it. */
export interface OpenRoundStatus {
  readonly round: AuditRound;
  readonly participation: OpenParticipation;
}

/**
 * Champions watch participation while the round is open: people and answers by condition, not
 * by level, which would give away a newcomer's level between two reads (participation.ts).
 */
export async function roundStatus({ champions, rounds, answers }: Pick<AuditServices, 'champions' | 'rounds' | 'answers'>, teamId: string, askedBy: Person): Promise<OpenRoundStatus> {
  const round = await championsOpenRound({ champions, rounds }, teamId, askedBy);
  return { round, participation: openParticipationOf(await answers.footprints(round.roundId)) };
}

/** The team's open round as stored, for a practice champion (status, repost). Refuses others; NO_OPEN_ROUND when none is open. */
export async function championsOpenRound({ champions, rounds }: Pick<AuditServices, 'champions' | 'rounds'>, teamId: string, askedBy: Person): Promise<AuditRound> {
  await requireChampion({ champions }, teamId, askedBy);
  const round = await rounds.findOpen(teamId);
  if (!round) throw new AuditError('NO_OPEN_ROUND', 'There is no open audit round in this team. A practice champion can start one with "start".');
  return round;
}
