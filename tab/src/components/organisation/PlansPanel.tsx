import { useCallback } from 'react';
import { MessageBar, MessageBarBody, Spinner, makeStyles } from '@fluentui/react-components';
import type { Api } from '../../api/client';
import { plural } from '../../format';
import { usePolling } from '../../hooks/usePolling';
import { PlansTable } from './PlansTable';

/** Champions change their plans now and then: a slow poll. */
const PLANS_POLL_MS = 60_000;

const useStyles = makeStyles({ total: { margin: 0 } });

/** GET /api/organisation/plans, read while shown: the teams' plans side by side, and how many actions are overdue in all. */
export function PlansPanel({ api }: { api: Api }) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => api.organisation.plans(signal), [api]);
  const { data: plans, error, loading } = usePolling(load, PLANS_POLL_MS);
  if (loading && !plans) return <Spinner size="small" label="Loading the teams’ plans…" />;
  const overdue = plans?.teams.flatMap((team) => Object.values(team.conditions).map((cell) => ({ team: team.teamId, overdue: cell.overdue }))).filter((cell) => cell.overdue > 0) ?? [];
  const overdueActions = overdue.reduce((sum, cell) => sum + cell.overdue, 0);
  const overdueTeams = new Set(overdue.map((cell) => cell.team)).size;
  return (
    <>
      {error && <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      {plans && plans.teams.length === 0 && (
        <MessageBar intent="info"><MessageBarBody>No team has Practice Audit yet, so there are no plans to show.</MessageBarBody></MessageBar>
      )}
      {plans && plans.teams.length > 0 && (
        <>
          <p className={styles.total} data-testid="org-plans-overdue">
            {overdueActions === 0 ? 'No action is overdue.' : `${plural(overdueActions, 'action is', 'actions are')} overdue, in ${plural(overdueTeams, 'team', 'teams')}.`}
          </p>
          <PlansTable plans={plans} />
        </>
      )}
    </>
  );
}
