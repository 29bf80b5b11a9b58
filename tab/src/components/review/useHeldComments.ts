import { useCallback, useMemo } from 'react';
import type { ReviewApi } from '../../api/client';
import type { HeldCommentsReply } from '../../api/types';
import { noRefresh, PolledSource } from '../../hooks/polledSource';
import { usePolled, type Polled } from '../../hooks/usePolling';

/** Another champion's decisions show within this long; this champion's own at once (refresh). */
const HELD_POLL_MS = 60_000;

export interface HeldComments extends Polled<HeldCommentsReply> {
  /** How many are waiting for a decision: the view's badge. */
  readonly waiting: number;
  /** Reads the list again now (after a decision, or one refused because the comment changed). */
  readonly refresh: () => void;
}

/**
 * A closed round's held comments, read for its team's practice champions only (`champion`, from
 * GET …/rounds): for anyone else nothing is asked (the API would refuse them, 403), `data` stays
 * undefined, and the view is not offered. Call it for closed rounds only: an open round has no
 * results to ask for.
 */
export function useHeldComments(api: ReviewApi, teamId: string, roundId: string, champion: boolean): HeldComments {
  const load = useCallback((signal: AbortSignal) => api.heldComments(teamId, roundId, signal), [api, teamId, roundId]);
  const source = useMemo(() => (champion ? new PolledSource(load, HELD_POLL_MS) : null), [load, champion]);
  const polled = usePolled(source);
  const waiting = polled.data?.comments.filter((comment) => comment.state === 'held').length ?? 0;
  return { ...polled, waiting, refresh: source?.refresh ?? noRefresh };
}
