import type { TeamsRepository } from '../storage/teamsRepository';
import { httpStatusOf } from './delivery/retry';
import type { TeamsConversation, TeamsPort } from './teamsPort';

/**
 * Is this person in that team? Asked of the Teams roster, cached briefly: membership changes
 * rarely and roster reads are rate limited. The roster takes a Teams user id (29:…) or an
 * Entra object id, so the same lookup serves the bot (in a turn) and the tab (out of one).
 */
export interface TeamMembership {
  /** `roster`: where to read it from, the turn's conversation (TeamsTurn). */
  isMember(roster: Pick<TeamsConversation, 'readMember'>, teamId: string, userId: string): Promise<boolean>;
}

export interface TabMembership {
  isMember(teamId: string, entraObjectId: string): Promise<boolean>;
}

interface CacheOptions {
  ttlMs?: number;
  now?: () => number;
}

export function createTeamMembership(options: CacheOptions = {}): TeamMembership {
  const cached = membershipCache(options);
  return { isMember: (roster, teamId, userId) => cached(teamId, userId, () => askRoster(roster, teamId, userId)) };
}

/** For the tab, which has no turn: the bot asks the roster through the team's stored conversation. */
export function createTabMembership(deps: { teamsPort: TeamsPort; teams: TeamsRepository }, options: CacheOptions = {}): TabMembership {
  const cached = membershipCache(options);
  return {
    isMember: (teamId, entraObjectId) =>
      cached(teamId, entraObjectId, async () => {
        const team = await deps.teams.get(teamId);
        if (!team) return false;
        return deps.teamsPort.inConversation(team.postTo, (conversation) => askRoster(conversation, teamId, entraObjectId));
      }),
  };
}

/** Not a member: Teams says so (404), or will not show the team's roster to the bot (403, the app removed). */
async function askRoster(roster: Pick<TeamsConversation, 'readMember'>, teamId: string, userId: string): Promise<boolean> {
  try {
    return (await roster.readMember(teamId, userId)) !== undefined;
  } catch (error) {
    if (httpStatusOf(error) === 403) return false;
    throw error;
  }
}

function membershipCache(options: CacheOptions) {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { member: boolean; until: number }>();
  return async (teamId: string, userId: string, ask: () => Promise<boolean>): Promise<boolean> => {
    const key = `${teamId}|${userId}`;
    const hit = entries.get(key);
    if (hit && hit.until > now()) return hit.member;
    const member = await ask();
    if (entries.size > 10_000) entries.clear();
    entries.set(key, { member, until: now() + ttlMs });
    return member;
  };
}
