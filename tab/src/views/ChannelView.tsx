import { useId, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import { ExportButtons } from '../components/ExportButtons';
import { PlanTab } from '../components/PlanTab';
import { RoundPicker } from '../components/RoundPicker';
import { SummaryPanel } from '../components/SummaryPanel';
import { ViewTabs } from '../components/ViewTabs';
import { ChangesView } from './ChangesView';
import { ConditionView } from './ConditionView';
import { DisagreementView } from './DisagreementView';

/** A round started in the channel shows up here within this long. */
const ROUNDS_POLL_MS = 30_000;

/** The channel tab's views, in the order leaders read them. */
const VIEWS = [
  { value: 'overview', label: 'Overview' },
  { value: 'disagreement', label: 'Where levels disagree' },
  { value: 'condition', label: 'A condition' },
  { value: 'changes', label: 'Changes since last round' },
  { value: 'plan', label: 'Plan' },
] as const;
type ViewName = (typeof VIEWS)[number]['value'];

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  title: { margin: 0 },
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

function RoundViews({ api, teamId, roundId }: { api: Api; teamId: string; roundId: string }) {
  const styles = useStyles();
  const ids = useId();
  const [view, setView] = useState<ViewName>('overview');
  const tabId = (name: ViewName) => `${ids}-tab-${name}`;
  const props = { api, teamId, roundId };
  return (
    <>
      <ExportButtons {...props} />
      <ViewTabs label="Audit views" tabs={VIEWS} selected={view} onSelect={setView} tabId={tabId} panelId={`${ids}-panel`} />
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(view)} className={styles.panel} data-view={view}>
        {view === 'overview' && <SummaryPanel {...props} />}
        {view === 'disagreement' && <DisagreementView {...props} />}
        {view === 'condition' && <ConditionView {...props} />}
        {view === 'changes' && <ChangesView {...props} />}
        {view === 'plan' && <PlanTab {...props} />}
      </div>
    </>
  );
}

/** The channel tab: pick one of the team's rounds, then read it through the views above. */
export function ChannelView({ api, teamId }: { api: Api; teamId: string | null }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<string | null>(null);
  const rounds = usePolling(teamId ? (signal) => api.rounds(teamId, signal) : null, ROUNDS_POLL_MS, teamId ?? '');

  const list = rounds.data ?? [];
  const roundId = list.some((round) => round.roundId === chosen) ? chosen : list[0]?.roundId ?? null;

  return (
    <div className={styles.view}>
      <div className={styles.header}>
        <Title3 as="h1" className={styles.title}>Practice audit</Title3>
        {roundId && <RoundPicker rounds={list} value={roundId} onChange={setChosen} />}
      </div>
      {!teamId && (
        <MessageBar intent="info"><MessageBarBody>
          This tab shows a team’s audit. Open it in a team channel in Teams (or, running locally, add ?teamId= to the address).
        </MessageBarBody></MessageBar>
      )}
      {rounds.loading && <Spinner size="small" label="Loading audit rounds…" />}
      {rounds.error && !rounds.data && (
        <MessageBar intent="error"><MessageBarBody>{rounds.error.message}</MessageBarBody></MessageBar>
      )}
      {rounds.data && list.length === 0 && (
        <MessageBar intent="info"><MessageBarBody>
          No audit round yet. A practice champion starts one by saying “start” to Practice Audit in the team’s channel.
        </MessageBarBody></MessageBar>
      )}
      {teamId && roundId && <RoundViews api={api} teamId={teamId} roundId={roundId} />}
    </div>
  );
}
