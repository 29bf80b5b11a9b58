import { useEffect, useId } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { RoundListItem } from '../api/types';
import { plural } from '../format';
import { useRoundParticipation } from '../hooks/roundFeed';
import { ConditionCompletion } from './ConditionCompletion';
import { NoRatesByLevel, ResponseRate } from './ResponseRate';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  total: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  atClose: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  why: { margin: 0, maxWidth: '80ch', color: tokens.colorNeutralForeground2 },
  earlier: { alignSelf: 'flex-start' },
});

/**
 * An open round: how many people have answered, in all and for each condition, of the team's
 * members now (the response rate), kept up to date;
 * its results appear when it closes (domain/summary/release.ts says why). `earlier`, the team's
 * latest closed round, is offered instead, for results to read now. The round list is read only
 * every 30 s, so this also notices the close (`onResults`). The counts are the round's polled
 * participation (RoundFeedProvider).
 */
export function OpenRoundPanel(props: {
  round: RoundListItem;
  earlier?: RoundListItem;
  onShowRound?: (roundId: string) => void;
  /** Called once the round has closed and its results are out: the page shows them instead. */
  onResults?: (roundId: string) => void;
  headingLevel?: 'h2' | 'h3';
}) {
  const { round, earlier, onShowRound, onResults } = props;
  const heading = props.headingLevel ?? 'h2';
  const styles = useStyles();
  const headingId = useId();
  const { data, error, loading } = useRoundParticipation();
  const released = data?.results === 'released';
  useEffect(() => {
    if (released) onResults?.(round.roundId);
  }, [released, onResults, round.roundId]);
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="open-round">
      <Subtitle2 as={heading} id={headingId} className={styles.heading}>Participation</Subtitle2>
      <p className={styles.atClose} data-testid="results-at-close">Results appear when round {round.number} closes.</p>
      <p className={styles.why}>
        Until then only how many people have answered is shown, so that nobody’s answer or level can be worked out by
        comparing what the tab showed before and after they answered.
      </p>
      {earlier && onShowRound && (
        <Button className={styles.earlier} onClick={() => onShowRound(earlier.roundId)}>See round {earlier.number}’s results</Button>
      )}
      {loading && !data && <Spinner size="small" label="Loading participation…" />}
      {error && <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      {data && data.results !== 'at-close' && (
        <MessageBar intent="info"><MessageBarBody>Round {round.number} has closed: its results will show here in a moment.</MessageBarBody></MessageBar>
      )}
      {data && (
        <>
          <p className={styles.total} data-testid="respondents">{plural(data.respondents, 'person has', 'people have')} answered</p>
          <ResponseRate respondents={data.respondents} teamSize={data.teamSize} open={data.results !== 'released'} />
          <NoRatesByLevel />
          <ConditionCompletion participation={data} open={data.results !== 'released'} />
        </>
      )}
    </section>
  );
}
