import { ukDayOf } from '../domain/closeDate';
import { AuditError } from '../domain/errors';
import { isOverdue } from '../domain/plan';
import type { AuditRound } from '../domain/auditRound';
import { openParticipationOf, type OpenParticipation, type Participation } from '../domain/participation';
import type { TeamSize } from '../domain/responseRate';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';
import { teamSizeNow } from './teamSize';

/** A closed round and its participation, levels included (closeRound). */
export interface RoundStatus {
  readonly round: AuditRound;
  readonly participation: Participation;
}

/** The open round, how many have answered it, and of how many: the team's size now; and the plan's overdue actions. */
export interface OpenRoundStatus {
  readonly round: AuditRound;
  readonly participation: OpenParticipation;
  readonly teamSize: TeamSize;
  /** How many of the team's actions are overdue (not done, due before today in the UK: domain/plan.ts isOverdue). */
  readonly overdueActions: number;
}

/**
 * Champions watch participation while the round is open: people and answers by condition, not
 * by level, which would give away a newcomer's level between two reads (participation.ts); and
 * the response rate, against the team's roster (cached: see TeamRoster), read beside the answers.
 * They also see how many of the team's actions are overdue (issue 11), from the team's plan.
 */
export async function roundStatus(deps: Pick<AuditServices, 'champions' | 'rounds' | 'answers' | 'roster' | 'plans' | 'now'>, teamId: string, askedBy: Person): Promise<OpenRoundStatus> {
  const round = await championsOpenRound(deps, teamId, askedBy);
  const [footprints, teamSize, actions] = await Promise.all([deps.answers.footprints(round.roundId), teamSizeNow(deps.roster, teamId), deps.plans.list(teamId)]);
  const today = ukDayOf(deps.now());
  return { round, participation: openParticipationOf(footprints), teamSize, overdueActions: actions.filter((action) => isOverdue(action, today)).length };
}

/** The team's open round as stored, for a practice champion (status, repost). Refuses others; NO_OPEN_ROUND when none is open. */
export async function championsOpenRound({ champions, rounds }: Pick<AuditServices, 'champions' | 'rounds'>, teamId: string, askedBy: Person): Promise<AuditRound> {
  await requireChampion({ champions }, teamId, askedBy);
  const round = await rounds.findOpen(teamId);
  if (!round) throw new AuditError('NO_OPEN_ROUND', 'There is no open audit round in this team. A practice champion can start one with "start".');
  return round;
}
