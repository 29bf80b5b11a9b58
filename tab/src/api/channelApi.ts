import type { Request } from './request';
import type { PostedToChannel, YouSaidWeDidPreview } from './types';

/** Telling staff in the channel what came of an audit (issue 11): each post answers once Teams has taken it. */
export interface ChannelApi {
  /** A closed round's "You said, we did" card as it would be posted now; 403 for anyone but a champion. */
  youSaidWeDid(teamId: string, roundId: string, signal?: AbortSignal): Promise<YouSaidWeDidPreview>;
  /** Posts it in the round's channel, once (a second post answers with the first). */
  postYouSaidWeDid(teamId: string, roundId: string): Promise<PostedToChannel>;
}

export function createChannelApi(request: Request, roundPath: (teamId: string, roundId: string) => string): ChannelApi {
  const path = (teamId: string, roundId: string) => `${roundPath(teamId, roundId)}/you-said-we-did`;
  const json = async <T>(response: Promise<Response>): Promise<T> => (await (await response).json()) as T;
  return {
    youSaidWeDid: (teamId, roundId, signal) => json(request(path(teamId, roundId), { signal, wording: 'channel' })),
    postYouSaidWeDid: (teamId, roundId) => json(request(path(teamId, roundId), { method: 'POST', wording: 'channel' })),
  };
}
