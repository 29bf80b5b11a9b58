import type { Api } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import { PlanView } from '../views/PlanView';
import { SUMMARY_POLL_MS } from './SummaryPanel';

/** The Plan tab: the plan view, with the round's summary beside it for "what happens now". */
export function PlanTab({ api, teamId, roundId }: { api: Api; teamId: string; roundId: string }) {
  const { data: summary } = usePolling((signal) => api.summary(teamId, roundId, signal), SUMMARY_POLL_MS, `${teamId}\n${roundId}`);
  return <PlanView api={api.plans} teamId={teamId} roundId={roundId} summary={summary} />;
}
