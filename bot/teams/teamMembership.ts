import { TeamsInfo, type TurnContext } from 'botbuilder';

/**
 * Is this person in that team? Asked of the Teams roster (one paged-roster-sized call),
 * cached briefly: membership changes rarely and roster reads are rate limited.
 */
export interface TeamMembership {
  isMember(context: TurnContext, teamId: string, teamsUserId: string): Promise<boolean>;
}

export function createTeamMembership(options: { ttlMs?: number; now?: () => number } = {}): TeamMembership {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { member: boolean; until: number }>();

  return {
    async isMember(context, teamId, teamsUserId) {
      const key = `${teamId}|${teamsUserId}`;
      const cached = cache.get(key);
      if (cached && cached.until > now()) return cached.member;
      let member: boolean;
      try {
        await TeamsInfo.getTeamMember(context, teamId, teamsUserId);
        member = true;
      } catch (error) {
        if (!isNotAMember(error)) throw error;
        member = false;
      }
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { member, until: now() + ttlMs });
      return member;
    },
  };
}

function isNotAMember(error: unknown): boolean {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return status === 404 || status === 403;
}
