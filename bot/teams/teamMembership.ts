import { TeamsInfo, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { TeamsRepository } from '../storage/teamsRepository';
import { referenceFrom } from './teamsActivity';

/**
 * Is this person in that team? Asked of the Teams roster, cached briefly: membership changes
 * rarely and roster reads are rate limited. The roster takes a Teams user id (29:…) or an
 * Entra object id, so the same lookup serves the bot (in a turn) and the tab (out of one).
 */
export interface TeamMembership {
  isMember(context: TurnContext, teamId: string, userId: string): Promise<boolean>;
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
  return { isMember: (context, teamId, userId) => cached(teamId, userId, () => askRoster(context, teamId, userId)) };
}

/** For the tab, which has no turn: the bot asks the roster through the team's stored conversation. */
export function createTabMembership(deps: { adapter: CloudAdapter; botAppId: string; teams: TeamsRepository }, options: CacheOptions = {}): TabMembership {
  const cached = membershipCache(options);
  return {
    isMember: (teamId, entraObjectId) =>
      cached(teamId, entraObjectId, async () => {
        const team = await deps.teams.get(teamId);
        if (!team) return false;
        let member = false;
        await deps.adapter.continueConversationAsync(deps.botAppId, referenceFrom(team.postTo), async (context) => {
          member = await askRoster(context, teamId, entraObjectId);
        });
        return member;
      }),
  };
}

async function askRoster(context: TurnContext, teamId: string, userId: string): Promise<boolean> {
  try {
    await TeamsInfo.getTeamMember(context, teamId, userId);
    return true;
  } catch (error) {
    const status = (error as { statusCode?: unknown })?.statusCode;
    if (status === 404 || status === 403) return false;
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
