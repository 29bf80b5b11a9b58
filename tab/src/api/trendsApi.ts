import type { Request } from './request';
import type { TeamPlanReply, TeamTrendsReply } from './types';

/** The team's reads across rounds: its trends, and the living plan shown beside them. */
export interface TeamTrendsApi {
  /** GET /api/teams/:teamId/trends: each condition's all-staff score in every closed round, oldest first. */
  trends(teamId: string, signal?: AbortSignal): Promise<TeamTrendsReply>;
  /** GET /api/teams/:teamId/plan: the team's living plan (every action, done ones too). */
  plan(teamId: string, signal?: AbortSignal): Promise<TeamPlanReply>;
}

export function createTeamTrendsApi(request: Request): TeamTrendsApi {
  const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
  const json = async <T>(response: Promise<Response>): Promise<T> => (await (await response).json()) as T;
  return {
    trends: (teamId, signal) => json(request(`${team(teamId)}/trends`, { signal })),
    plan: (teamId, signal) => json(request(`${team(teamId)}/plan`, { signal })),
  };
}
