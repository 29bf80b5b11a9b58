import { useCallback, useMemo } from 'react';
import type { ReviewApi } from '../../api/client';
import type { HeldCommentsReply } from '../../api/types';
import { PolledSource } from '../../hooks/polledSource';
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
 * A closed round's held comments, for its team's practice champions. Anyone else is refused (403)
 * and sees nothing of them: `data` stays undefined, and the view is not offered.
 */
export function useHeldComments(api: ReviewApi, teamId: string, roundId: string): HeldComments {
  const load = useCallback((signal: AbortSignal) => api.heldComments(teamId, roundId, signal), [api, teamId, roundId]);
  const source = useMemo(() => new PolledSource(load, HELD_POLL_MS), [load]);
  const polled = usePolled(source);
  const waiting = polled.data?.comments.filter((comment) => comment.state === 'held').length ?? 0;
  return { ...polled, waiting, refresh: source.refresh };
}
