import type { Host } from '../teams/host';
import type { Me, MyRound, RoundListItem, RoundSummary, SummaryComment } from './types';
import type { DownloadedFile, ExportFormat, RoundChanges, RoundParticipationReply } from './types';
import type { ConditionId } from '../../../bot/domain/conditions';
import type { LevelId } from '../../../bot/domain/levels';

/** An API failure with a message fit to show, and the API's code where it gave one (e.g. RESULTS_AT_CLOSE). */
class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string | null = null) {
    super(message);
  }
}

/** The API's own words for a 409 (a round's results withheld until it closes): they say what to expect. */
async function failure(response: Response): Promise<ApiError> {
  if (response.status !== 409) return new ApiError(response.status, messageFor(response.status));
  try {
    const { error } = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.message === 'string') return new ApiError(409, error.message, typeof error.code === 'string' ? error.code : null);
  } catch {
    // Not JSON: the generic wording below.
  }
  return new ApiError(409, messageFor(409));
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
  /** A closed round's results; an open round's answer 409 RESULTS_AT_CLOSE (an ApiError with that code). */
  summary(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundSummary>;
  participation(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundParticipationReply>;
  comments(teamId: string, roundId: string, conditionId: ConditionId, level?: LevelId, signal?: AbortSignal): Promise<readonly SummaryComment[]>;
  myRounds(signal?: AbortSignal): Promise<readonly MyRound[]>;
  changes(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundChanges>;
  /** The round's Appendix 2 grid as a file, fetched with the bearer token (a plain link cannot carry it). */
  download(teamId: string, roundId: string, format: ExportFormat): Promise<DownloadedFile>;
  /** The round's plan, through the same sign-in. */
  readonly plans: PlanApi;
}

export function createApi(host: Pick<Host, 'getToken'>): Api {
  async function send(path: string, accept: string, signal?: AbortSignal): Promise<Response> {
    let token: string | null;
    try {
      token = await host.getToken();
    } catch {
      throw new ApiError(401, 'Teams could not sign you in to Practice Audit. Reload the tab to try again.');
    }
    const headers: Record<string, string> = { Accept: accept };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(path, { headers, signal, cache: 'no-store' });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, messageFor(0));
    }
    if (!response.ok) throw await failure(response);
    return response;
  }
  async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return (await (await send(path, 'application/json', signal)).json()) as T;
  }
  const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
  const round = (teamId: string, roundId: string) => `${team(teamId)}/rounds/${encodeURIComponent(roundId)}`;
  return {
    plans: createPlanApi(host),
    me: (signal) => get<Me>('/api/me', signal),
    rounds: async (teamId, signal) => (await get<{ rounds: RoundListItem[] }>(`${team(teamId)}/rounds`, signal)).rounds,
    summary: (teamId, roundId, signal) => get<RoundSummary>(`${round(teamId, roundId)}/summary`, signal),
    participation: (teamId, roundId, signal) => get<RoundParticipationReply>(`${round(teamId, roundId)}/participation`, signal),
    comments: async (teamId, roundId, conditionId, level, signal) =>
      (await get<{ comments: SummaryComment[] }>(
        `${round(teamId, roundId)}/conditions/${encodeURIComponent(conditionId)}/comments${level ? `?level=${encodeURIComponent(level)}` : ''}`,
        signal,
      )).comments,
    myRounds: async (signal) => (await get<{ rounds: MyRound[] }>('/api/me/rounds', signal)).rounds,
    changes: (teamId, roundId, signal) => get<RoundChanges>(`${round(teamId, roundId)}/changes`, signal),
    download: async (teamId, roundId, format) => {
      const response = await send(`${round(teamId, roundId)}/export.${format}`, '*/*');
      const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
      return { blob: await response.blob(), filename: named ?? `practice-audit.${format}` };
    },
  };
}

// ---- The plan: read by members, written by champions (If-Match: the action's version). ----

/** A refused plan change: `code` is the API's (PLAN_CHANGED, BAD_REQUEST…), `message` its words. */
export class PlanApiError extends ApiError {
  constructor(status: number, message: string, readonly code: string | null) {
    super(status, message);
  }
}

export interface PlanApi {
  plan(teamId: string, roundId: string, signal?: AbortSignal): Promise<import('./types').RoundPlan>;
  addAction(teamId: string, roundId: string, fields: import('./types').PlanActionFields): Promise<import('./types').PlanAction>;
  changeAction(teamId: string, roundId: string, actionId: string, version: string, fields: import('./types').PlanActionFields): Promise<import('./types').PlanAction>;
  removeAction(teamId: string, roundId: string, actionId: string, version: string): Promise<void>;
}

function createPlanApi(host: Pick<Host, 'getToken'>): PlanApi {
  async function call<T>(method: string, path: string, options: { body?: unknown; version?: string; signal?: AbortSignal } = {}): Promise<T> {
    let token: string | null;
    try {
      token = await host.getToken();
    } catch {
      throw new PlanApiError(401, 'Teams could not sign you in to Practice Audit. Reload the tab to try again.', null);
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.version) headers['If-Match'] = options.version;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        cache: 'no-store',
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new PlanApiError(0, 'The plan could not be reached just now. Please try again.', null);
    }
    if (!response.ok) {
      let code: string | null = null;
      let message: string | null = null;
      try {
        const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
        if (typeof body.error?.code === 'string') code = body.error.code;
        if (typeof body.error?.message === 'string') message = body.error.message;
      } catch {
        // Not JSON: fall back to the generic wording.
      }
      const fallback = response.status >= 500 || response.status === 0 ? 'The plan could not be saved just now. Please try again.' : messageFor(response.status);
      throw new PlanApiError(response.status, response.status < 500 && message ? message : fallback, code);
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const plan = (teamId: string, roundId: string) => `/api/teams/${encodeURIComponent(teamId)}/rounds/${encodeURIComponent(roundId)}/plan`;
  const action = (teamId: string, roundId: string, actionId: string) => `${plan(teamId, roundId)}/actions/${encodeURIComponent(actionId)}`;
  return {
    plan: (teamId, roundId, signal) => call('GET', plan(teamId, roundId), { signal }),
    addAction: (teamId, roundId, fields) => call('POST', `${plan(teamId, roundId)}/actions`, { body: fields }),
    changeAction: (teamId, roundId, actionId, version, fields) => call('PUT', action(teamId, roundId, actionId), { body: fields, version }),
    removeAction: (teamId, roundId, actionId, version) => call('DELETE', action(teamId, roundId, actionId), { version }),
  };
}
