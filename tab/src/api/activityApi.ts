import type { Request } from './request';
import type { ActivityLogReply, DownloadedFile } from './types';

/** The team's activity log (tab/src/api/types.ts lists the routes): practice champions only; others get the API's own refusal. */
export interface ActivityApi {
  /** GET /api/teams/:teamId/activity: every entry, newest first, and whether the chain holds. */
  log(teamId: string, signal?: AbortSignal): Promise<ActivityLogReply>;
  /** GET /api/teams/:teamId/activity.csv: the same as a CSV file, fetched with the bearer token. */
  download(teamId: string): Promise<DownloadedFile>;
}

export function createActivityApi(request: Request, teamPath: (teamId: string) => string, nameOf: (contentDisposition: string) => string | undefined): ActivityApi {
  return {
    log: async (teamId, signal) => (await (await request(`${teamPath(teamId)}/activity`, { signal, wording: 'activity' })).json()) as ActivityLogReply,
    download: async (teamId) => {
      const response = await request(`${teamPath(teamId)}/activity.csv`, { accept: '*/*', wording: 'activity' });
      return { blob: await response.blob(), filename: nameOf(response.headers.get('Content-Disposition') ?? '') ?? 'practice-audit-activity-log.csv' };
    },
  };
}
