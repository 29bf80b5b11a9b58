import type { Request } from './request';
import type { TeamTrendsReply } from './types';

/** The team's reads across rounds (the plan beside them comes through PlanApi's living plan). */
export interface TeamTrendsApi {
  /** GET /api/teams/:teamId/trends: each condition's all-staff score in every closed round, oldest first. */
  trends(teamId: string, signal?: AbortSignal): Promise<TeamTrendsReply>;
}

export function createTeamTrendsApi(request: Request): TeamTrendsApi {
  const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
  const json = async <T>(response: Promise<Response>): Promise<T> => (await (await response).json()) as T;
  return {
    trends: (teamId, signal) => json(request(`${team(teamId)}/trends`, { signal })),
  };
}
