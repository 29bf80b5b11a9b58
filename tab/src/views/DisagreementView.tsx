import { useId } from 'react';
import { MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useRoundSummary } from '../hooks/roundFeed';
import { DisagreementTable } from '../components/DisagreementTable';
import { DontKnowTable } from '../components/DontKnowTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
});

/** "Where levels disagree": the gaps between levels, and where each level doesn't know. */
export function DisagreementView() {
  const styles = useStyles();
  const gapsId = useId();
  const dontKnowId = useId();
  const { data: summary, error, loading } = useRoundSummary();
  if (loading && !summary) return <Spinner size="small" label="Loading the audit…" />;
  return (
    <>
      {error && <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      {summary && (
        <>
          <section className={styles.section} aria-labelledby={gapsId}>
            <Subtitle2 as="h2" id={gapsId} className={styles.heading}>Where levels disagree</Subtitle2>
            <DisagreementTable summary={summary} />
          </section>
          <section className={styles.section} aria-labelledby={dontKnowId}>
            <Subtitle2 as="h2" id={dontKnowId} className={styles.heading}>Where levels don’t know</Subtitle2>
            <DontKnowTable summary={summary} />
          </section>
        </>
      )}
    </>
  );
}
