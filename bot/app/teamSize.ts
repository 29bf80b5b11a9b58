import { knownTeamSize, type TeamSize } from '../domain/responseRate';
import type { TeamRoster } from './roster';

/**
 * The team's size now: its roster's people (the response rate's denominator). When Teams will not
 * give the roster (403, 5xx after retries) or the team's address is unknown, `unreadable`, so that
 * the counts are shown without a denominator rather than with a wrong one. Never rejects: the
 * roster logs its own failures.
 */
export async function teamSizeNow(roster: TeamRoster, teamId: string): Promise<TeamSize> {
  try {
    return knownTeamSize((await roster.membersOf(teamId)).length);
  } catch {
    return { known: false, why: 'unreadable' };
  }
}
