import type { Host } from '../teams/host';
import type { Me, MyRound, RoundListItem, RoundSummary, SummaryComment } from './types';
import type { ConditionId } from '../../../bot/domain/conditions';
import type { LevelId } from '../../../bot/domain/levels';

/** An API failure with a message fit to show. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function messageFor(status: number): string {
  if (status === 401) return 'You are not signed in. Reload the tab to try again.';
  if (status === 403) return 'You do not have access to this team’s audit.';
  if (status === 404) return 'This audit round could not be found.';
  return 'The audit could not be loaded just now. It will try again shortly.';
}

export interface Api {
  me(signal?: AbortSignal): Promise<Me>;
  rounds(teamId: string, signal?: AbortSignal): Promise<readonly RoundListItem[]>;
  summary(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundSummary>;
  comments(teamId: string, roundId: string, conditionId: ConditionId, level?: LevelId, signal?: AbortSignal): Promise<readonly SummaryComment[]>;
  myRounds(signal?: AbortSignal): Promise<readonly MyRound[]>;
}

export function createApi(host: Pick<Host, 'getToken'>): Api {
  async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
    let token: string | null;
    try {
      token = await host.getToken();
    } catch {
      throw new ApiError(401, 'Teams could not sign you in to Practice Audit. Reload the tab to try again.');
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(path, { headers, signal, cache: 'no-store' });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, messageFor(0));
    }
    if (!response.ok) throw new ApiError(response.status, messageFor(response.status));
    return (await response.json()) as T;
  }
  const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
  const round = (teamId: string, roundId: string) => `${team(teamId)}/rounds/${encodeURIComponent(roundId)}`;
  return {
    me: (signal) => get<Me>('/api/me', signal),
    rounds: async (teamId, signal) => (await get<{ rounds: RoundListItem[] }>(`${team(teamId)}/rounds`, signal)).rounds,
    summary: (teamId, roundId, signal) => get<RoundSummary>(`${round(teamId, roundId)}/summary`, signal),
    comments: async (teamId, roundId, conditionId, level, signal) =>
      (await get<{ comments: SummaryComment[] }>(
        `${round(teamId, roundId)}/conditions/${encodeURIComponent(conditionId)}/comments${level ? `?level=${encodeURIComponent(level)}` : ''}`,
        signal,
      )).comments,
    myRounds: async (signal) => (await get<{ rounds: MyRound[] }>('/api/me/rounds', signal)).rounds,
  };
}
