import { lazy, Suspense, useCallback, useId, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { CONDITIONS, type ConditionId } from '@domain/conditions';
import type { Api } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import { ConditionPicker, conditionName } from '../components/ConditionPicker';
import { TrendActions } from '../components/trends/TrendActions';
import { trendRows } from '../components/trends/trendFigures';
import { TrendTable } from '../components/trends/TrendTable';

/**
 * Fluent's chart (with d3) is about 110 KiB gzipped, two thirds as much again as the rest of the
 * tab: it is loaded when the trends are first opened, not with the tab (tests/tab/tabBuild.ts).
 */
const TrendChart = lazy(async () => ({ default: (await import('../components/trends/TrendChart')).TrendChart }));

/** Trends move only when a round closes, and the plan when a champion changes it: a slow poll does. */
const TRENDS_POLL_MS = 60_000;

const useStyles = makeStyles({
  // The trend, and the plan's actions beside it where there is room; one under the other on a narrow screen.
  layout: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(220px, 1fr)', columnGap: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalL,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
});

/**
 * "Trends": one condition's all-staff score across all of the team's closed rounds, as a chart
 * and as a table of the same figures, with the plan's actions for that condition beside it.
 */
export function TrendsView({ api, teamId }: { api: Api; teamId: string }) {
  const styles = useStyles();
  const trendId = useId();
  const actionsId = useId();
  const [conditionId, setConditionId] = useState<ConditionId>(CONDITIONS[0]!.id);
  const loadTrends = useCallback((signal: AbortSignal) => api.teamTrends.trends(teamId, signal), [api, teamId]);
  const loadPlan = useCallback((signal: AbortSignal) => api.plans.livingPlan(teamId, signal), [api, teamId]);
  const trends = usePolling(loadTrends, TRENDS_POLL_MS);
  const plan = usePolling(loadPlan, TRENDS_POLL_MS);
  const name = conditionName(conditionId);
  const rows = trends.data ? trendRows(trends.data.rounds, conditionId) : [];
  const actions = plan.data?.actions.filter((action) => action.conditionId === conditionId) ?? [];
  return (
    <>
      <ConditionPicker value={conditionId} onChange={setConditionId} testId="trend-condition-picker" />
      <div className={styles.layout}>
        <section className={styles.column} aria-labelledby={trendId}>
          <Subtitle2 as="h2" id={trendId} className={styles.heading}>Score across rounds</Subtitle2>
          {trends.loading && !trends.data && <Spinner size="small" label="Loading the trends…" />}
          {trends.error && <MessageBar intent="error"><MessageBarBody>{trends.error.message}</MessageBarBody></MessageBar>}
          {trends.data && rows.length === 0 && (
            <MessageBar intent="info" data-testid="no-closed-rounds"><MessageBarBody>No round has closed yet: trends appear once one has.</MessageBarBody></MessageBar>
          )}
          {rows.length > 0 && (
            <>
              <Suspense fallback={<Spinner size="small" label="Loading the chart…" />}>
                <TrendChart rows={rows} conditionName={name} />
              </Suspense>
              <TrendTable rows={rows} conditionName={name} />
            </>
          )}
        </section>
        <section className={styles.column} aria-labelledby={actionsId}>
          <Subtitle2 as="h2" id={actionsId} className={styles.heading}>In the plan</Subtitle2>
          {plan.loading && !plan.data && <Spinner size="small" label="Loading the plan…" />}
          {plan.error && !plan.data && <MessageBar intent="error"><MessageBarBody>{plan.error.message}</MessageBarBody></MessageBar>}
          {plan.data && <TrendActions actions={actions} />}
        </section>
      </div>
    </>
  );
}
