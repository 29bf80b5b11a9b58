import { AuditError } from '../domain/errors';
import type { AuditRound } from '../domain/auditRound';
import { participationOf, type Participation } from '../domain/participation';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';

export interface RoundStatus {
  readonly round: AuditRound;
  readonly participation: Participation;
}

/** Champions watch participation: counts only, small levels suppressed. */
export async function roundStatus(services: AuditServices, teamId: string, askedBy: Person): Promise<RoundStatus> {
  const round = await championsOpenRound(services, teamId, askedBy);
  return { round, participation: await participationIn(services, round) };
}

/** The team's open round as stored, for a practice champion (status, repost). Refuses others; NO_OPEN_ROUND when none is open. */
export async function championsOpenRound(services: AuditServices, teamId: string, askedBy: Person): Promise<AuditRound> {
  await requireChampion(services, teamId, askedBy);
  const round = await services.rounds.findOpen(teamId);
  if (!round) throw new AuditError('NO_OPEN_ROUND', 'There is no open audit round in this team. A practice champion can start one with "start".');
  return round;
}

export async function participationIn(services: AuditServices, round: AuditRound): Promise<Participation> {
  return participationOf(await services.answers.footprints(round.roundId), services.privacyThreshold);
}
