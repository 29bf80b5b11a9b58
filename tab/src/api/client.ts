import type { Host } from '../teams/host';
import type { ConditionId } from '@domain/conditions';
import type { LevelId } from '@domain/levels';
import { createActivityApi, type ActivityApi } from './activityApi';
import { createChannelApi, type ChannelApi } from './channelApi';
import { createEvidenceApi, type EvidenceApi } from './evidenceApi';
import { createOrganisationApi, type OrganisationApi } from './organisationApi';
import { createPlanApi, type PlanApi } from './planApi';
import { createRequest } from './request';
import { createTeamTrendsApi, type TeamTrendsApi } from './trendsApi';
import { createReviewApi, type ReviewApi } from './reviewApi';
import type { ConditionComments, Me, MyRound, RoundSummary, TeamRounds } from './types';
import type { DownloadedFile, ExportFormat, RoundChanges, RoundParticipationReply } from './types';

export type { ActivityApi, ChannelApi, EvidenceApi, OrganisationApi, PlanApi, ReviewApi };

export interface Api {
  me(signal?: AbortSignal): Promise<Me>;
  /** The team's rounds, newest first, and whether the signed-in person is one of its practice champions. */
  rounds(teamId: string, signal?: AbortSignal): Promise<TeamRounds>;
  /** A closed round's results; an open round's answer 409 RESULTS_AT_CLOSE (an ApiError with that code). */
  summary(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundSummary>;
  participation(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundParticipationReply>;
  /** A condition's comments, or none (`shown: false`) until COMMENT_THRESHOLD people have answered it. */
  comments(teamId: string, roundId: string, conditionId: ConditionId, level?: LevelId, signal?: AbortSignal): Promise<ConditionComments>;
  myRounds(signal?: AbortSignal): Promise<readonly MyRound[]>;
  changes(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundChanges>;
  /** The round's Appendix 2 grid as a file, fetched with the bearer token (a plain link cannot carry it). */
  download(teamId: string, roundId: string, format: ExportFormat): Promise<DownloadedFile>;
  /** The team's plan (./planApi.ts), through the same sign-in. */
  readonly plans: PlanApi;
  /** The round's evidence notes, through the same sign-in. */
  readonly evidence: EvidenceApi;
  /** The team's trends across its closed rounds. */
  readonly teamTrends: TeamTrendsApi;
  /** Posts in the team's channel (champions): "You said, we did" (./channelApi.ts). */
  readonly channel: ChannelApi;
  /** The team's activity log (champions): who changed what (./activityApi.ts). */
  readonly activity: ActivityApi;
  /** Held comments, for champions to review (./reviewApi.ts). */
  readonly review: ReviewApi;
  /** The organisation view, for organisation leaders and admins (./organisationApi.ts). */
  readonly organisation: OrganisationApi;
}

const teamPath = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const roundPath = (teamId: string, roundId: string) => `${teamPath(teamId)}/rounds/${encodeURIComponent(roundId)}`;

/** The tab's API (bot/http/tabApi.ts), every call through one request function (./request.ts). */
export function createApi(host: Pick<Host, 'getToken'>): Api {
  const request = createRequest(host);
  const get = async <T>(path: string, signal?: AbortSignal): Promise<T> => (await (await request(path, { signal })).json()) as T;
  return {
    plans: createPlanApi(request, teamPath),
    evidence: createEvidenceApi(request, roundPath),
    teamTrends: createTeamTrendsApi(request),
    channel: createChannelApi(request, roundPath),
    activity: createActivityApi(request, teamPath, downloadName),
    me: (signal) => get<Me>('/api/me', signal),
    rounds: (teamId, signal) => get<TeamRounds>(`${teamPath(teamId)}/rounds`, signal),
    summary: (teamId, roundId, signal) => get<RoundSummary>(`${roundPath(teamId, roundId)}/summary`, signal),
    participation: (teamId, roundId, signal) => get<RoundParticipationReply>(`${roundPath(teamId, roundId)}/participation`, signal),
    review: createReviewApi(request, roundPath),
    organisation: createOrganisationApi(request, downloadName),
    comments: (teamId, roundId, conditionId, level, signal) =>
      get<ConditionComments>(`${roundPath(teamId, roundId)}/conditions/${encodeURIComponent(conditionId)}/comments${level ? `?level=${encodeURIComponent(level)}` : ''}`, signal),
    myRounds: async (signal) => (await get<{ rounds: MyRound[] }>('/api/me/rounds', signal)).rounds,
    changes: (teamId, roundId, signal) => get<RoundChanges>(`${roundPath(teamId, roundId)}/changes`, signal),
    download: async (teamId, roundId, format) => {
      const response = await request(`${roundPath(teamId, roundId)}/export.${format}`, { accept: '*/*' });
      return { blob: await response.blob(), filename: downloadName(response.headers.get('Content-Disposition') ?? '') ?? `practice-audit.${format}` };
    },
  };
}

/**
 * The file name a download's Content-Disposition gives: RFC 6266's `filename*` (UTF-8, percent-encoded:
 * a team's name in any script) when there is one, else the plain `filename` (its ASCII fallback).
 */
function downloadName(header: string): string | undefined {
  const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoding: the plain name below.
    }
  }
  return /filename="([^"]+)"/.exec(header)?.[1];
}
