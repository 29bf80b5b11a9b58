import { ReadThroughCache } from '../shared/readThroughCache';
import type { TeamInstallation, TeamsRepository } from './teamsRepository';

/** Long enough that polling tabs rarely wait on storage; short next to the roster's 5 minutes. */
const TEAM_CACHE_MS = 30_000;

/**
 * Who may read a team's audit is checked on every tab request (every few seconds per open
 * tab), and needs the team's installation record each time. The record changes only when the
 * app is installed or removed, so it is kept per instance and refreshed behind the requests
 * (a removal seen on another instance reaches this one within about TEAM_CACHE_MS).
 */
export class TeamReadCache {
  private readonly cache: ReadThroughCache<TeamInstallation>;

  constructor(
    private readonly teams: TeamsRepository,
    ttlMs = TEAM_CACHE_MS,
  ) {
    this.cache = new ReadThroughCache(ttlMs, { serveStale: true });
  }

  get(teamId: string): Promise<TeamInstallation | undefined> {
    return this.cache.get(teamId, () => this.teams.get(teamId));
  }

  forget(teamId: string): void {
    this.cache.forget(teamId);
  }
}
