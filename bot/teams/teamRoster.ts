import type { RosterMember, TeamRoster } from '../app/roster';
import type { Logger } from '../logger';
import { ReadThroughCache } from '../shared/readThroughCache';
import type { TeamsRepository } from '../storage/teamsRepository';
import { httpStatusOf } from './delivery/retry';
import { botOfAddress } from './teamsActivity';
import type { TeamMember, TeamsPort } from './teamsPort';

/**
 * A failed read (Teams refusing, the team's address unknown) is remembered this long at most, so
 * that tabs polling every few seconds do not each ask Teams again; every call counts against its limits.
 */
const FAILED_READ_KEPT_MS = 60_000;

/** Teams gives bots' accounts ids of the form `28:…`; people's are `29:…`. */
const BOT_ID_PREFIX = '28:';

/** A roster read's outcome, kept as it is: its members, or why there are none. */
type RosterRead = { readonly members: readonly RosterMember[] } | { readonly failure: Error };

export interface TeamRosterDeps {
  readonly teamsPort: TeamsPort;
  /** Where each team's channel is (its stored posting address): the roster is read through it. */
  readonly teams: Pick<TeamsRepository, 'get'>;
  /** How long a team's members are kept, in ms (ROSTER_CACHE_MS); 0 reads Teams every time. */
  readonly cacheMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * The team roster (app/roster.ts) over the Teams port: every page of the team's members, read in
 * one proactive turn on the team's stored address, kept per instance for `cacheMs`. Callers
 * asking for one team at the same time share one read (ReadThroughCache). Rejects, with Teams'
 * error, when Teams refuses the read after its retries, or with an Error when the app is not
 * recorded in the team (no address to read through); either is logged once per read.
 */
export function createTeamRoster({ teamsPort, teams, cacheMs, logger, now }: TeamRosterDeps): TeamRoster {
  const cache = new ReadThroughCache<RosterRead>(Math.min(cacheMs, FAILED_READ_KEPT_MS), {
    keepFor: (read) => ('members' in read ? cacheMs : undefined),
    ...(now ? { now } : {}),
  });

  async function read(teamId: string): Promise<RosterRead> {
    try {
      const team = await teams.get(teamId);
      if (!team) throw new Error('The app is not recorded in this team, so there is no address to read its roster through');
      const accounts = await teamsPort.inConversation(team.postTo, (conversation) => conversation.readTeamMembers(teamId));
      return { members: peopleAmong(accounts, botOfAddress(team.postTo)) };
    } catch (failure) {
      logger.warn('roster_read_failed', { teamId, status: httpStatusOf(failure), error: failure });
      return { failure: failure instanceof Error ? failure : new Error(String(failure)) };
    }
  }

  return {
    async membersOf(teamId, { retryFailed = false } = {}) {
      let askedNow = false;
      const readNow = () => {
        askedNow = true;
        return read(teamId);
      };
      let outcome = await cache.get(teamId, readNow);
      if (retryFailed && !askedNow && outcome && 'failure' in outcome) {
        cache.forget(teamId);
        outcome = await cache.get(teamId, readNow);
      }
      if (!outcome) throw new Error('The roster read gave nothing');
      if ('failure' in outcome) throw outcome.failure;
      return outcome.members;
    },
    forget: (teamId) => cache.forget(teamId),
  };
}

/** The people among a roster's accounts: bots (the app itself included) left out, each person once. */
function peopleAmong(accounts: readonly TeamMember[], selfId: string | undefined): RosterMember[] {
  const people = new Map<string, RosterMember>();
  for (const account of accounts) {
    const isBot = account.id.startsWith(BOT_ID_PREFIX) || account.userRole === 'bot' || account.id === selfId;
    if (isBot || people.has(account.id)) continue;
    people.set(account.id, {
      teamsUserId: account.id,
      name: account.name,
      guest: account.userRole === 'guest',
      ...(account.aadObjectId ? { entraObjectId: account.aadObjectId } : {}),
    });
  }
  return [...people.values()];
}
