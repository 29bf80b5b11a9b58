import type { Host } from '../teams/host';
import { LOCAL_ORG_ROLE_HEADER, localOrgRole } from './localOrgRole';

/**
 * A refused or failed API call: `status` (0 when the API could not be reached), the API's
 * `code` where it gave one (RESULTS_AT_CLOSE, PLAN_CHANGED, BAD_REQUEST…) and a `message` fit
 * to show the person.
 */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string | null = null) {
    super(message);
  }
}

/**
 * Whose words a failure is told in. `audit`: the views, which poll and try again by themselves;
 * the API's own words only for a 409 (they say when a round's results appear). `plan` and
 * `evidence`: a change the person retries; the API's words for anything it refused (a field, a
 * concurrent edit), and for a failure, words that name what could not be saved. `channel`: a post
 * in the team's channel; the API's words whatever it answered, since only it knows whether Teams
 * took the post (502: Teams refused it; 503: Teams could not be reached). `review`: a champion's
 * decision on a held comment; the API's words for what it refused (decided already, no longer held).
 * `organisation`: the organisation view (issue 13); the API's words for what it refused (no
 * organisation role, a service-wide round already open, a close date out of range).
 */
export type Wording = 'audit' | 'plan' | 'evidence' | 'channel' | 'activity' | 'review' | 'organisation';

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The Accept header: JSON unless a file is asked for. */
  readonly accept?: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** The version the change was made from (If-Match): the API refuses it (409) if the thing has changed since. */
  readonly ifMatch?: string;
  readonly signal?: AbortSignal;
  readonly wording?: Wording;
}

/** Sends one API request and answers its response, or throws an ApiError (an aborted request throws the abort). */
export type Request = (path: string, options?: RequestOptions) => Promise<Response>;

const NOT_SIGNED_IN = 'Teams could not sign you in to Practice Audit. Reload the tab to try again.';

function ownWords(status: number, wording: Wording): string {
  if (status === 0 && wording === 'plan') return 'The plan could not be reached just now. Please try again.';
  // Said carefully: the request may have reached the service, and the post Teams.
  if (wording === 'channel' && (status === 0 || status >= 500)) return 'Practice Audit could not be reached just now, so the post was not confirmed. Look in the channel, and try again if the card is not there.';
  if (status >= 500 && wording === 'plan') return 'The plan could not be saved just now. Please try again.';
  if (status === 0 && wording === 'evidence') return 'The evidence notes could not be reached just now. Please try again.';
  if (status >= 500 && wording === 'evidence') return 'The evidence note could not be saved just now. Please try again.';
  if ((status === 0 || status >= 500) && wording === 'activity') return 'The activity log could not be read just now. Please try again.';
  if ((status === 0 || status >= 500) && wording === 'review') return 'The decision could not be saved just now. Please try again.';
  if ((status === 0 || status >= 500) && wording === 'organisation') return 'The organisation view could not be reached just now. It will try again shortly.';
  if (status === 403 && wording === 'organisation') return 'Only your organisation’s leaders and admins can see the organisation view.';
  if (status === 401) return 'You are not signed in. Reload the tab to try again.';
  if (status === 403) return 'You do not have access to this team’s audit.';
  if (status === 404) return 'This audit round could not be found.';
  return 'The audit could not be loaded just now. It will try again shortly.';
}

/** The error an answer that is not 2xx stands for: its `{ error: { code, message } }` body, where it has one. */
async function failure(response: Response, wording: Wording): Promise<ApiError> {
  let code: string | null = null;
  let message: string | null = null;
  try {
    const { error } = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === 'string') code = error.code;
    if (typeof error?.message === 'string') message = error.message;
  } catch {
    // Not JSON: our own words.
  }
  const theirs = wording === 'channel' || (wording === 'audit' ? response.status === 409 : response.status < 500);
  return new ApiError(response.status, theirs && message ? message : ownWords(response.status, wording), code);
}

/**
 * The one way the tab calls its API: with the person's Teams SSO token as a bearer token (none
 * in local mode, whose requests say instead which organisation role the developer acts as:
 * ./localOrgRole.ts), never from the browser's cache (`no-store`: every read is the round as it
 * is now), and every failure as an ApiError.
 */
export function createRequest(host: Pick<Host, 'getToken'>): Request {
  return async (path, options = {}) => {
    const wording = options.wording ?? 'audit';
    let token: string | null;
    try {
      token = await host.getToken();
    } catch {
      throw new ApiError(401, NOT_SIGNED_IN);
    }
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    else headers[LOCAL_ORG_ROLE_HEADER] = localOrgRole();
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    let response: Response;
    try {
      response = await fetch(path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        cache: 'no-store',
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError(0, ownWords(0, wording));
    }
    if (!response.ok) throw await failure(response, wording);
    return response;
  };
}
