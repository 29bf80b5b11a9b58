import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Api } from '../api/client';
import type { RoundEvidence, RoundParticipationReply, RoundSummary } from '../api/types';
import { noRefresh, PolledSource, type Polled } from './polledSource';
import { usePolled } from './usePolling';

/** A closed round's figures are fixed; this picks up a round's results soon after it closes. */
const SUMMARY_POLL_MS = 5000;
/** New answers show in an open round's counts within this long, without a reload. */
const PARTICIPATION_POLL_MS = 5000;
/** Evidence notes another champion adds show within this long; this tab's own changes at once. */
const EVIDENCE_POLL_MS = 30_000;

interface RoundFeed {
  /** Null while the round is open: its results appear when it closes (the API answers 409 RESULTS_AT_CLOSE). */
  readonly summary: PolledSource<RoundSummary> | null;
  readonly participation: PolledSource<RoundParticipationReply>;
  /** The round's evidence notes (champions' words, not answers: read in any state). */
  readonly evidence: PolledSource<RoundEvidence>;
}

const RoundFeedContext = createContext<RoundFeed | null>(null);

/**
 * The round's polled reads, shared by every view of it under this provider: switching views
 * reads nothing again, and each read is polled only while a mounted view shows it. What is
 * read follows the round's state: an open round's participation, a closed round's summary
 * (bot/domain/summary/release.ts says why). A round that closes, or another round, gets new reads.
 */
export function RoundFeedProvider(props: { api: Api; teamId: string; roundId: string; status: 'open' | 'closed'; children: ReactNode }) {
  const { api, teamId, roundId, status } = props;
  const feed = useMemo<RoundFeed>(() => ({
    summary: status === 'closed' ? new PolledSource((signal) => api.summary(teamId, roundId, signal), SUMMARY_POLL_MS) : null,
    participation: new PolledSource((signal) => api.participation(teamId, roundId, signal), PARTICIPATION_POLL_MS),
    evidence: new PolledSource((signal) => api.evidence.notes(teamId, roundId, signal), EVIDENCE_POLL_MS),
  }), [api, teamId, roundId, status]);
  return <RoundFeedContext.Provider value={feed}>{props.children}</RoundFeedContext.Provider>;
}

/** The closed round's summary, polled; nothing (not loading) while the round is open. */
export function useRoundSummary(): Polled<RoundSummary> {
  return usePolled(useContext(RoundFeedContext)?.summary ?? null);
}

/** How many have answered the round, polled. */
export function useRoundParticipation(): Polled<RoundParticipationReply> {
  return usePolled(useContext(RoundFeedContext)?.participation ?? null);
}

/** The round's evidence notes, polled, and `refresh` to read them again at once (after this tab changed one). */
export function useRoundEvidence(): Polled<RoundEvidence> & { readonly refresh: () => void } {
  const source = useContext(RoundFeedContext)?.evidence ?? null;
  return { ...usePolled(source), refresh: source?.refresh ?? noRefresh };
}
