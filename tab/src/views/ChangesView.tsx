import { useCallback } from 'react';
import { MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import { ChangesTable } from '../components/ChangesTable';
import { formatDate } from '../format';

/** A closed round's changes are fixed: a slow poll, which only picks up a round that has just closed. */
const CHANGES_POLL_MS = 30_000;

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** "Changes since last round": each condition's score against the team's previous closed round. */
export function ChangesView({ api, teamId, roundId }: { api: Api; teamId: string; roundId: string }) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => api.changes(teamId, roundId, signal), [api, teamId, roundId]);
  const { data: changes, error, loading } = usePolling(load, CHANGES_POLL_MS);
  if (loading && !changes) return <Spinner size="small" label="Loading changes…" />;
  const previous = changes?.previousRound;
  return (
    <div className={styles.view}>
      {error && <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      {changes && !previous && (
        <MessageBar intent="info" data-testid="no-previous-round"><MessageBarBody>No earlier closed round to compare with.</MessageBarBody></MessageBar>
      )}
      {changes && previous && (
        <>
          <Subtitle2 as="h2" className={styles.heading}>
            Since round {previous.number}{previous.closedAt ? ` (closed ${formatDate(previous.closedAt)})` : ''}
          </Subtitle2>
          <ChangesTable conditions={changes.conditions} previousNumber={previous.number} />
        </>
      )}
    </div>
  );
}
