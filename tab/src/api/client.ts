import type { Host } from '../teams/host';
import type { ConditionId } from '@domain/conditions';
import type { LevelId } from '@domain/levels';
import { createRequest, type Request } from './request';
import type { Me, MyRound, RoundListItem, RoundSummary, SummaryComment } from './types';
import type { DownloadedFile, ExportFormat, PlanAction, PlanActionFields, PostedToChannel, RoundChanges, RoundParticipationReply, RoundPlan, YouSaidWeDidPreview } from './types';

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
  /** Posts in the team's channel (champions). */
  readonly channel: ChannelApi;
}

/** Telling staff in the channel what came of an audit (issue 11): each post answers once Teams has taken it. */
export interface ChannelApi {
  /** A closed round's "You said, we did" card as it would be posted now; 403 for anyone but a champion. */
  youSaidWeDid(teamId: string, roundId: string, signal?: AbortSignal): Promise<YouSaidWeDidPreview>;
  /** Posts it in the round's channel, once (a second post answers with the first). */
  postYouSaidWeDid(teamId: string, roundId: string): Promise<PostedToChannel>;
}

/** The plan: read by members, written by champions; a change carries the action's version (If-Match). */
export interface PlanApi {
  plan(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundPlan>;
  addAction(teamId: string, roundId: string, fields: PlanActionFields): Promise<PlanAction>;
  changeAction(teamId: string, roundId: string, actionId: string, version: string, fields: PlanActionFields): Promise<PlanAction>;
  removeAction(teamId: string, roundId: string, actionId: string, version: string): Promise<void>;
  /** A done action's "We did" update in the team's channel, once; ACTION_NOT_DONE (409) for one not done. */
  announceAction(teamId: string, actionId: string): Promise<PostedToChannel>;
}

const teamPath = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const roundPath = (teamId: string, roundId: string) => `${teamPath(teamId)}/rounds/${encodeURIComponent(roundId)}`;

/** The tab's API (bot/http/tabApi.ts), every call through one request function (./request.ts). */
export function createApi(host: Pick<Host, 'getToken'>): Api {
  const request = createRequest(host);
  const get = async <T>(path: string, signal?: AbortSignal): Promise<T> => (await (await request(path, { signal })).json()) as T;
  return {
    plans: createPlanApi(request),
    channel: createChannelApi(request),
    me: (signal) => get<Me>('/api/me', signal),
    rounds: async (teamId, signal) => (await get<{ rounds: RoundListItem[] }>(`${teamPath(teamId)}/rounds`, signal)).rounds,
    summary: (teamId, roundId, signal) => get<RoundSummary>(`${roundPath(teamId, roundId)}/summary`, signal),
    participation: (teamId, roundId, signal) => get<RoundParticipationReply>(`${roundPath(teamId, roundId)}/participation`, signal),
    comments: async (teamId, roundId, conditionId, level, signal) =>
      (await get<{ comments: SummaryComment[] }>(
        `${roundPath(teamId, roundId)}/conditions/${encodeURIComponent(conditionId)}/comments${level ? `?level=${encodeURIComponent(level)}` : ''}`,
        signal,
      )).comments,
    myRounds: async (signal) => (await get<{ rounds: MyRound[] }>('/api/me/rounds', signal)).rounds,
    changes: (teamId, roundId, signal) => get<RoundChanges>(`${roundPath(teamId, roundId)}/changes`, signal),
    download: async (teamId, roundId, format) => {
      const response = await request(`${roundPath(teamId, roundId)}/export.${format}`, { accept: '*/*' });
      const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
      return { blob: await response.blob(), filename: named ?? `practice-audit.${format}` };
    },
  };
}

function createPlanApi(request: Request): PlanApi {
  const plan = (teamId: string, roundId: string) => `${roundPath(teamId, roundId)}/plan`;
  const action = (teamId: string, roundId: string, actionId: string) => `${plan(teamId, roundId)}/actions/${encodeURIComponent(actionId)}`;
  /** A plan call's answer: JSON, or nothing for 204 (a deleted action). */
  const json = async <T>(response: Promise<Response>): Promise<T> => {
    const answered = await response;
    return (answered.status === 204 ? undefined : await answered.json()) as T;
  };
  return {
    plan: (teamId, roundId, signal) => json(request(plan(teamId, roundId), { signal, wording: 'plan' })),
    addAction: (teamId, roundId, fields) => json(request(`${plan(teamId, roundId)}/actions`, { method: 'POST', body: fields, wording: 'plan' })),
    changeAction: (teamId, roundId, actionId, version, fields) =>
      json(request(action(teamId, roundId, actionId), { method: 'PUT', body: fields, ifMatch: version, wording: 'plan' })),
    removeAction: (teamId, roundId, actionId, version) =>
      json(request(action(teamId, roundId, actionId), { method: 'DELETE', ifMatch: version, wording: 'plan' })),
    announceAction: async (teamId, actionId) =>
      (await request(`${teamPath(teamId)}/plan/actions/${encodeURIComponent(actionId)}/announce`, { method: 'POST', wording: 'channel' })).json() as Promise<PostedToChannel>,
  };
}

function createChannelApi(request: Request): ChannelApi {
  const path = (teamId: string, roundId: string) => `${roundPath(teamId, roundId)}/you-said-we-did`;
  return {
    youSaidWeDid: async (teamId, roundId, signal) => (await request(path(teamId, roundId), { signal, wording: 'channel' })).json() as Promise<YouSaidWeDidPreview>,
    postYouSaidWeDid: async (teamId, roundId) => (await request(path(teamId, roundId), { method: 'POST', wording: 'channel' })).json() as Promise<PostedToChannel>,
  };
}
