import type { OpenServiceRoundRequest, OrganisationTeamChange } from '@domain/organisation/organisationView';
import type { OrganisationTeam } from '@domain/organisation/serviceRound';
import type { Request } from './request';
import type { DownloadedFile, ExportFormat, OrganisationPlans, OrganisationReply, ServiceRoundListing, ServiceRoundView } from './types';

/**
 * The organisation view's API (issue 13; shapes in @domain/organisation/organisationView.ts), for
 * organisation leaders and admins: anyone else gets 403 NOT_AN_ORG_LEADER on every route, told in
 * the API's words (`organisation` wording), as is every other refusal (SERVICE_ROUND_OPEN…).
 */
export interface OrganisationApi {
  /** GET /api/organisation: the person's roles, the teams (left-out ones marked), the service-wide rounds newest first. */
  organisation(signal?: AbortSignal): Promise<OrganisationReply>;
  /** GET …/service-rounds/:id: progress and response rates; results once every team's round has closed. */
  serviceRound(serviceRoundId: string, signal?: AbortSignal): Promise<ServiceRoundView>;
  /** GET /api/organisation/plans: the teams' plans side by side. */
  plans(signal?: AbortSignal): Promise<OrganisationPlans>;
  /** POST …/service-rounds (admins): opens a round in every team not left out, closing at the end of `closesOn` (YYYY-MM-DD, UK). */
  openServiceRound(closesOn: string): Promise<ServiceRoundListing>;
  /** PUT …/teams/:teamId (admins): leaves a team out of service-wide rounds and the view, or takes it back. */
  setLeftOut(teamId: string, leftOut: boolean): Promise<OrganisationTeam>;
  /** A released service-wide round as a file (CSV, Excel, Word), fetched with the bearer token. */
  download(serviceRoundId: string, format: ExportFormat): Promise<DownloadedFile>;
}

const ORGANISATION = '/api/organisation';
const serviceRoundPath = (serviceRoundId: string) => `${ORGANISATION}/service-rounds/${encodeURIComponent(serviceRoundId)}`;

export function createOrganisationApi(request: Request, downloadName: (header: string) => string | undefined): OrganisationApi {
  const json = async <T>(response: Promise<Response>): Promise<T> => (await (await response).json()) as T;
  const wording = 'organisation';
  return {
    organisation: (signal) => json(request(ORGANISATION, { signal, wording })),
    serviceRound: (serviceRoundId, signal) => json(request(serviceRoundPath(serviceRoundId), { signal, wording })),
    plans: (signal) => json(request(`${ORGANISATION}/plans`, { signal, wording })),
    openServiceRound: (closesOn) => json(request(`${ORGANISATION}/service-rounds`, { method: 'POST', body: { closesOn } satisfies OpenServiceRoundRequest, wording })),
    setLeftOut: (teamId, leftOut) => json(request(`${ORGANISATION}/teams/${encodeURIComponent(teamId)}`, { method: 'PUT', body: { leftOut } satisfies OrganisationTeamChange, wording })),
    download: async (serviceRoundId, format) => {
      const response = await request(`${serviceRoundPath(serviceRoundId)}/export.${format}`, { accept: '*/*', wording });
      return { blob: await response.blob(), filename: downloadName(response.headers.get('Content-Disposition') ?? '') ?? `practice-audit-organisation.${format}` };
    },
  };
}
