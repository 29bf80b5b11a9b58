import { useCallback, useId } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../../api/client';
import type { ServiceRoundListing } from '../../api/types';
import { usePolling } from '../../hooks/usePolling';
import { noTeamOpened, resultsWaitText } from './organisationFormat';
import { ResponseRatesTable } from './ResponseRatesTable';
import { ServiceResults } from './ServiceResults';

/**
 * New answers show in an open round's response rates within this long, and results soon after
 * they are released, whatever the organisation's list says of the round (it is read less often).
 * A released round's view is kept in the service's memory, so reading it again costs little.
 */
const POLL_MS = 5000;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  wait: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  why: { margin: 0, maxWidth: '80ch', color: tokens.colorNeutralForeground2 },
  earlier: { alignSelf: 'flex-start' },
});

/**
 * One service-wide round: each team's opening and response rate (live while it is open); its
 * results once every team's round has closed and released them, and until then why not.
 * `earlier`: the latest closed service-wide round, offered for results to read now.
 */
export function ServiceRoundPanel(props: { api: Api; round: ServiceRoundListing; earlier?: ServiceRoundListing; onShowRound: (serviceRoundId: string) => void }) {
  const { api, round, earlier, onShowRound } = props;
  const styles = useStyles();
  const ratesId = useId();
  const load = useCallback((signal: AbortSignal) => api.organisation.serviceRound(round.serviceRoundId, signal), [api, round.serviceRoundId]);
  const { data: view, error, loading } = usePolling(load, POLL_MS);
  // The round's own reply is fresher than the organisation's list (read every 30 s).
  const status = view?.round.status ?? round.status;
  if (loading && !view) return <Spinner size="small" label="Loading the service-wide round…" />;
  // Only a released round has figures (the API sends none before): never a summary beside "results appear when…".
  const summary = view?.results === 'released' ? view.summary : undefined;
  return (
    <>
      {error && <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      {view && !summary && (
        <div className={styles.section} data-testid="org-results-wait">
          <p className={styles.wait} data-testid="org-results-at-close">{resultsWaitText(view.teams, view.round.closesAt)}</p>
          {!noTeamOpened(view.teams) && <p className={styles.why}>
            Until then only how many people have answered in each team is shown, so that nobody’s answer or level can be
            worked out by comparing what the view showed before and after they answered.
          </p>}
          {earlier && (
            <Button className={styles.earlier} onClick={() => onShowRound(earlier.serviceRoundId)}>See service-wide round {earlier.number}’s results</Button>
          )}
        </div>
      )}
      {view && (
        <section className={styles.section} aria-labelledby={ratesId}>
          <Subtitle2 as="h3" id={ratesId} className={styles.heading}>Response rates by team</Subtitle2>
          <ResponseRatesTable teams={view.teams} open={status === 'open'} />
        </section>
      )}
      {view && summary && (
        <ServiceResults api={api} serviceRoundId={round.serviceRoundId} summary={summary} changes={view.changes} />
      )}
    </>
  );
}
