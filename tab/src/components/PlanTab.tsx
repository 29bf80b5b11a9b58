import type { Api } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import { PlanView } from '../views/PlanView';
import { SUMMARY_POLL_MS } from './SummaryPanel';

/**
 * The Plan tab: the plan view, with the round's summary beside it for "what happens now". An
 * open round has no summary to show yet (its results appear when it closes), so none is asked for.
 */
export function PlanTab({ api, teamId, roundId, roundOpen = false }: { api: Api; teamId: string; roundId: string; roundOpen?: boolean }) {
  const load = roundOpen ? null : (signal: AbortSignal) => api.summary(teamId, roundId, signal);
  const { data: summary } = usePolling(load, SUMMARY_POLL_MS, `${teamId}\n${roundId}`);
  // Keyed by the round: another round's plan starts with nothing of this one's (form, notice).
  return <PlanView key={`${teamId}\n${roundId}`} api={api.plans} teamId={teamId} roundId={roundId} summary={summary} />;
}
