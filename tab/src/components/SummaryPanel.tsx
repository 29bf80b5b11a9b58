import { useId } from 'react';
import { MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import { RatingLegend } from './DistributionBar';
import { OverviewTable } from './OverviewTable';
import { Participation } from './Participation';

/** A closed round's figures are fixed; this picks up a round's results soon after it closes. */
export const SUMMARY_POLL_MS = 5000;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
});

/** Participation and the overview of one closed round (an open round's results appear when it closes). */
export function SummaryPanel(props: { api: Api; teamId: string; roundId: string; headingLevel?: 'h2' | 'h3' }) {
  const { api, teamId, roundId } = props;
  const heading = props.headingLevel ?? 'h2';
  const participationId = useId();
  const overviewId = useId();
  const styles = useStyles();
  const { data: summary, error, loading } = usePolling(
    (signal) => api.summary(teamId, roundId, signal),
    SUMMARY_POLL_MS,
    `${teamId}\n${roundId}`,
  );
  if (loading && !summary) return <Spinner size="small" label="Loading the audit…" />;
  return (
    <>
      {error && (
        <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>
      )}
      {summary && (
        <>
          <section className={styles.section} aria-labelledby={participationId}>
            <Subtitle2 as={heading} id={participationId} className={styles.heading}>Participation</Subtitle2>
            <Participation summary={summary} />
          </section>
          <section className={styles.section} aria-labelledby={overviewId}>
            <Subtitle2 as={heading} id={overviewId} className={styles.heading}>Overview</Subtitle2>
            <RatingLegend />
            <OverviewTable summary={summary} />
          </section>
        </>
      )}
    </>
  );
}
