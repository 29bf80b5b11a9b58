import { useCallback, useId, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../api/client';
import type { Me, MyRound } from '../api/types';
import { RoundFeedProvider } from '../hooks/roundFeed';
import { usePolling } from '../hooks/usePolling';
import { MyRoundsTable } from '../components/MyRoundsTable';
import { OpenRoundPanel } from '../components/OpenRoundPanel';
import { SummaryPanel } from '../components/SummaryPanel';
import { ViewTabs } from '../components/ViewTabs';
import { OrganisationView } from './OrganisationView';

const ROUNDS_POLL_MS = 30_000;

/** Offered only to organisation leaders and admins (issue 13); everyone else sees their rounds alone. */
const VIEWS = [
  { value: 'rounds', label: 'My rounds' },
  { value: 'organisation', label: 'Organisation' },
] as const;
type ViewName = (typeof VIEWS)[number]['value'];

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  title: { margin: 0 },
});

/** The rounds of every team the person belongs to; choose one to see its overview (an open one: its participation). */
function MyRounds({ api }: { api: Api }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<MyRound | null>(null);
  const loadRounds = useCallback((signal: AbortSignal) => api.myRounds(signal), [api]);
  const rounds = usePolling(loadRounds, ROUNDS_POLL_MS);
  const list = rounds.data ?? [];
  return (
    <div className={styles.view}>
      <Title3 as="h1" className={styles.title}>Your audit rounds</Title3>
      {rounds.loading && <Spinner size="small" label="Loading your audit rounds…" />}
      {rounds.error && !rounds.data && (
        <MessageBar intent="error"><MessageBarBody>{rounds.error.message}</MessageBarBody></MessageBar>
      )}
      {rounds.data && list.length === 0 && (
        <MessageBar intent="info"><MessageBarBody>None of your teams has an audit round yet.</MessageBarBody></MessageBar>
      )}
      {list.length > 0 && <MyRoundsTable rounds={list} chosen={chosen} onChoose={setChosen} />}
      {chosen && (
        <RoundFeedProvider api={api} teamId={chosen.teamId} roundId={chosen.roundId} status={chosen.status}>
          <Subtitle2 as="h2" className={styles.title}>{chosen.teamName}: round {chosen.number}</Subtitle2>
          {chosen.status === 'open' ? <OpenRoundPanel round={chosen} headingLevel="h3" /> : <SummaryPanel headingLevel="h3" />}
        </RoundFeedProvider>
      )}
    </div>
  );
}

/**
 * The personal tab: the person's rounds; for organisation leaders and admins (`orgRoles` from
 * GET /api/me), also the organisation view, a tab away.
 */
export function PersonalView({ api, orgRoles }: { api: Api; orgRoles: NonNullable<Me['orgRoles']> }) {
  const styles = useStyles();
  const ids = useId();
  const [view, setView] = useState<ViewName>('rounds');
  if (orgRoles.length === 0) return <MyRounds api={api} />;
  const tabId = (name: ViewName) => `${ids}-tab-${name}`;
  return (
    <div className={styles.view}>
      <ViewTabs label="Your views" tabs={VIEWS} selected={view} onSelect={setView} tabId={tabId} panelId={`${ids}-panel`} />
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(view)} data-view={view}>
        {view === 'rounds' ? <MyRounds api={api} /> : <OrganisationView api={api} />}
      </div>
    </div>
  );
}
