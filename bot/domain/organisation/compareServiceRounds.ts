import { CONDITIONS, type ConditionId } from '../conditions';
import { compareRounds, scoreChange, type ScoreChange } from '../summary/compareRounds';
import type { ServiceRoundChanges, ServiceSummary } from './serviceSummary';

/**
 * How the organisation moved since an earlier service-wide round (issue 13: "changes since the
 * last service-wide round"). Both summaries have had every privacy rule applied (summariseService),
 * and only cuts shown with a score in both are compared (compareRounds), so nothing hidden in
 * either round can be recovered from a change. `byTeam`: the current round's teams, in its order,
 * each condition's all-staff score change, null where either round hides it or has no score for
 * it, or the team was not in the earlier round. `previousNumber`: the earlier round's number.
 */
export function compareServiceRounds(previous: ServiceSummary, previousNumber: number, current: ServiceSummary): ServiceRoundChanges {
  const before = new Map(previous.byTeam.map((team) => [team.teamId, team]));
  return {
    previousNumber,
    organisation: compareRounds(previous.organisation, current.organisation),
    byTeam: current.byTeam.map((team) => {
      const then = before.get(team.teamId);
      const conditions = {} as Record<ConditionId, ScoreChange | null>;
      for (const { id } of CONDITIONS) conditions[id] = then ? scoreChange(then.conditions[id], team.conditions[id]) : null;
      return { teamId: team.teamId, teamName: team.teamName, conditions };
    }),
  };
}
