import type { Host } from '../teams/host';
import type { ConditionId } from '@domain/conditions';
import type { LevelId } from '@domain/levels';
import { createRequest, type Request } from './request';
import type { Me, MyRound, RoundListItem, RoundSummary, SummaryComment } from './types';
import type { DownloadedFile, ExportFormat, PlanAction, PlanActionFields, PostedToChannel, ProgressNoteFields, RoundChanges, RoundParticipationReply, RoundPlan, TeamMembersReply, TeamPlanReply, YouSaidWeDidPreview } from './types';
import type { EvidenceNote, EvidenceNoteFields, RoundEvidence } from './types';

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
  /** The team's plan, through the same sign-in. */
  readonly plans: PlanApi;
  /** The round's evidence notes, through the same sign-in. */
  readonly evidence: EvidenceApi;
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

/**
 * The plan, which belongs to the team (issue 11): read by members, changed by champions on the
 * team; a change carries the action's version (If-Match). A round's plan is read only through it.
 */
export interface PlanApi {
  /** The team's living plan: every action, done ones too. */
  teamPlan(teamId: string, signal?: AbortSignal): Promise<TeamPlanReply>;
  /** A round's plan: as it stands while the round is open, as kept at its close once closed (`frozenAt`). */
  roundPlan(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundPlan>;
  addAction(teamId: string, fields: PlanActionFields): Promise<PlanAction>;
  changeAction(teamId: string, actionId: string, version: string, fields: PlanActionFields): Promise<PlanAction>;
  removeAction(teamId: string, actionId: string, version: string): Promise<void>;
  /** Adds a dated progress note; resolves with the action, note included (and its new version). */
  addNote(teamId: string, actionId: string, note: ProgressNoteFields): Promise<PlanAction>;
  /** The team's members, for a champion's owner picker. */
  members(teamId: string, signal?: AbortSignal): Promise<TeamMembersReply>;
  /** A done action's "We did" update in the team's channel, once; ACTION_NOT_DONE (409) for one not done. */
  announceAction(teamId: string, actionId: string): Promise<PostedToChannel>;
}

/** A round's evidence notes: read by members, written by champions; a change carries the note's version (If-Match). */
export interface EvidenceApi {
  notes(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundEvidence>;
  addNote(teamId: string, roundId: string, fields: EvidenceNoteFields): Promise<EvidenceNote>;
  changeNote(teamId: string, roundId: string, noteId: string, version: string, fields: EvidenceNoteFields): Promise<EvidenceNote>;
  removeNote(teamId: string, roundId: string, noteId: string, version: string): Promise<void>;
}

const teamPath = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const roundPath = (teamId: string, roundId: string) => `${teamPath(teamId)}/rounds/${encodeURIComponent(roundId)}`;

/** The tab's API (bot/http/tabApi.ts), every call through one request function (./request.ts). */
export function createApi(host: Pick<Host, 'getToken'>): Api {
  const request = createRequest(host);
  const get = async <T>(path: string, signal?: AbortSignal): Promise<T> => (await (await request(path, { signal })).json()) as T;
  return {
    plans: createPlanApi(request),
    evidence: createEvidenceApi(request),
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

/** A call's answer: JSON, or nothing for 204 (a deleted action or note). */
async function json<T>(response: Promise<Response>): Promise<T> {
  const answered = await response;
  return (answered.status === 204 ? undefined : await answered.json()) as T;
}

function createPlanApi(request: Request): PlanApi {
  const actions = (teamId: string) => `${teamPath(teamId)}/plan/actions`;
  const action = (teamId: string, actionId: string) => `${actions(teamId)}/${encodeURIComponent(actionId)}`;
  /** A plan call's answer: JSON, or nothing for 204 (a deleted action). */
  const json = async <T>(response: Promise<Response>): Promise<T> => {
    const answered = await response;
    return (answered.status === 204 ? undefined : await answered.json()) as T;
  };
  return {
    teamPlan: (teamId, signal) => json(request(`${teamPath(teamId)}/plan`, { signal, wording: 'plan' })),
    roundPlan: (teamId, roundId, signal) => json(request(`${roundPath(teamId, roundId)}/plan`, { signal, wording: 'plan' })),
    addAction: (teamId, fields) => json(request(actions(teamId), { method: 'POST', body: fields, wording: 'plan' })),
    changeAction: (teamId, actionId, version, fields) => json(request(action(teamId, actionId), { method: 'PUT', body: fields, ifMatch: version, wording: 'plan' })),
    removeAction: (teamId, actionId, version) => json(request(action(teamId, actionId), { method: 'DELETE', ifMatch: version, wording: 'plan' })),
    addNote: (teamId, actionId, note) => json(request(`${action(teamId, actionId)}/notes`, { method: 'POST', body: note, wording: 'plan' })),
    members: (teamId, signal) => json(request(`${teamPath(teamId)}/members`, { signal, wording: 'plan' })),
    announceAction: (teamId, actionId) => json(request(`${action(teamId, actionId)}/announce`, { method: 'POST', wording: 'channel' })),
  };
}

function createChannelApi(request: Request): ChannelApi {
  const path = (teamId: string, roundId: string) => `${roundPath(teamId, roundId)}/you-said-we-did`;
  return {
    youSaidWeDid: (teamId, roundId, signal) => json(request(path(teamId, roundId), { signal, wording: 'channel' })),
    postYouSaidWeDid: (teamId, roundId) => json(request(path(teamId, roundId), { method: 'POST', wording: 'channel' })),
  };
}

function createEvidenceApi(request: Request): EvidenceApi {
  const evidence = (teamId: string, roundId: string) => `${roundPath(teamId, roundId)}/evidence`;
  const note = (teamId: string, roundId: string, noteId: string) => `${evidence(teamId, roundId)}/${encodeURIComponent(noteId)}`;
  return {
    notes: (teamId, roundId, signal) => json(request(evidence(teamId, roundId), { signal })),
    addNote: (teamId, roundId, fields) => json(request(evidence(teamId, roundId), { method: 'POST', body: fields, wording: 'evidence' })),
    changeNote: (teamId, roundId, noteId, version, fields) =>
      json(request(note(teamId, roundId, noteId), { method: 'PUT', body: fields, ifMatch: version, wording: 'evidence' })),
    removeNote: (teamId, roundId, noteId, version) =>
      json(request(note(teamId, roundId, noteId), { method: 'DELETE', ifMatch: version, wording: 'evidence' })),
  };
}
