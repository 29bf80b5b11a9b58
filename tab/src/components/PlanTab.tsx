import type { Api } from '../api/client';
import { useRoundSummary } from '../hooks/roundFeed';
import { PlanView } from '../views/PlanView';

/**
 * The Plan tab: the plan view, with the round's polled summary beside it for "what happens now".
 * An open round has no summary to show yet (its results appear when it closes): none is read.
 */
export function PlanTab({ api, teamId, roundId }: { api: Api; teamId: string; roundId: string }) {
  const { data: summary } = useRoundSummary();
  return <PlanView api={api.plans} teamId={teamId} roundId={roundId} summary={summary} />;
}
