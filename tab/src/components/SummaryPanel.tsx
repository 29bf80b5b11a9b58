import { useId } from 'react';
import { MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useRoundSummary } from '../hooks/roundFeed';
import { HeatmapLegend } from './heatmap/HeatmapLegend';
import { OverviewTable } from './OverviewTable';
import { Participation } from './Participation';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
});

/** Participation and the overview of one closed round (an open round's results appear when it closes), from its polled summary. */
export function SummaryPanel(props: { headingLevel?: 'h2' | 'h3' }) {
  const heading = props.headingLevel ?? 'h2';
  const participationId = useId();
  const overviewId = useId();
  const styles = useStyles();
  const { data: summary, error, loading } = useRoundSummary();
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
            <HeatmapLegend />
            <OverviewTable summary={summary} />
          </section>
        </>
      )}
    </>
  );
}
