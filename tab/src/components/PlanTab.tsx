import type { Api } from '../api/client';
import type { RoundListItem } from '../api/types';
import { useRoundSummary } from '../hooks/roundFeed';
import { PlanView } from '../views/PlanView';

/**
 * The Plan tab: the plan view, with the round's polled summary beside it for "what happens now".
 * An open round has no summary to show yet (its results appear when it closes): none is read.
 * `latest`: no round of the team closed after this one (an open one has no results yet), so its plan is the living plan.
 */
export function PlanTab({ api, teamId, round, latest }: { api: Api; teamId: string; round: RoundListItem; latest: boolean }) {
  const { data: summary } = useRoundSummary();
  return <PlanView key={`${teamId} ${round.roundId}`} api={api.plans} teamId={teamId} round={round} latest={latest} summary={summary} />;
}
