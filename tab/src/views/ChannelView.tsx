import { useCallback, useId, useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../api/client';
import type { RoundListItem } from '../api/types';
import { RoundFeedProvider } from '../hooks/roundFeed';
import { usePolling } from '../hooks/usePolling';
import { ActivityLog } from '../components/activity/ActivityLog';
import { ExportButtons } from '../components/ExportButtons';
import { OpenRoundPanel } from '../components/OpenRoundPanel';
import { PlanTab } from '../components/PlanTab';
import { HeldCommentsView } from '../components/review/HeldCommentsView';
import { useHeldComments } from '../components/review/useHeldComments';
import { RoundPicker } from '../components/RoundPicker';
import { SummaryPanel } from '../components/SummaryPanel';
import { ViewTabs } from '../components/ViewTabs';
import { YouSaidWeDid } from '../components/YouSaidWeDid';
import { ChangesView } from './ChangesView';
import { ConditionView } from './ConditionView';
import { DisagreementView } from './DisagreementView';
import { PrintView } from './PrintView';
import { TrendsView } from './TrendsView';

/** A round started in the channel shows up here within this long. */
const ROUNDS_POLL_MS = 30_000;

/** The channel tab's views of a closed round, in the order leaders read them. */
const VIEWS = [
  { value: 'overview', label: 'Overview' },
  { value: 'disagreement', label: 'Where levels disagree' },
  { value: 'condition', label: 'A condition' },
  { value: 'changes', label: 'Changes since last round' },
  { value: 'trends', label: 'Trends' },
  { value: 'plan', label: 'Plan' },
] as const;
/** The team's activity log (issue 12): offered to its practice champions only, whom alone the API lets read it. */
const ACTIVITY_VIEW = { value: 'activity', label: 'Activity' } as const;
/** 'review': champions only, once the round has comments that went to review (issue 12). */
type ViewName = (typeof VIEWS)[number]['value'] | typeof ACTIVITY_VIEW.value | 'review';
/** An open round's: its participation (its results appear when it closes), and its plan. */
const OPEN_VIEWS = [
  { value: 'participation', label: 'Participation' },
  { value: 'plan', label: 'Plan' },
] as const;
type OpenViewName = (typeof OPEN_VIEWS)[number]['value'] | typeof ACTIVITY_VIEW.value;

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  title: { margin: 0 },
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
});

/** What both kinds of round's views take: `champion` from GET …/rounds (whether the person is one of the team's practice champions). */
interface ViewsProps {
  readonly api: Api;
  readonly teamId: string;
  readonly round: RoundListItem;
  readonly champion: boolean;
}

function RoundViews({ api, teamId, round, champion, latest, onPrint }: ViewsProps & { latest: boolean; onPrint: () => void }) {
  const styles = useStyles();
  const ids = useId();
  const [chosenView, setView] = useState<ViewName>('overview');
  const tabId = (name: ViewName) => `${ids}-tab-${name}`;
  const props = { api, teamId, roundId: round.roundId };
  // Asked for champions only: anyone else has no review to be offered.
  const held = useHeldComments(api.review, teamId, round.roundId, champion);
  const reviewing = (held.data?.comments.length ?? 0) > 0;
  const tabs = [
    ...VIEWS,
    ...(champion ? [ACTIVITY_VIEW] : []),
    ...(reviewing ? [{ value: 'review' as const, label: 'Comments to review', badge: held.waiting, badgeWords: 'waiting' }] : []),
  ];
  // A view no longer offered (the role taken away since, the comments all gone) gives way to the overview.
  const view = tabs.some((tab) => tab.value === chosenView) ? chosenView : 'overview';
  return (
    <>
      <div className={styles.actions}>
        <ExportButtons download={(format) => api.download(teamId, round.roundId, format)} />
        <Button onClick={onPrint}>Print</Button>
      </div>
      <YouSaidWeDid key={`${teamId}|${round.roundId}`} api={api.channel} teamId={teamId} roundId={round.roundId} />
      {held.waiting > 0 && view !== 'review' && (
        <MessageBar intent="warning" data-testid="held-comments-note"><MessageBarBody>
          {held.waiting === 1 ? '1 comment is' : `${held.waiting} comments are`} held back from leaders until a practice champion reviews {held.waiting === 1 ? 'it' : 'them'}.
        </MessageBarBody>
        <MessageBarActions><Button onClick={() => setView('review')}>Review</Button></MessageBarActions></MessageBar>
      )}
      <ViewTabs label="Audit views" tabs={tabs} selected={view} onSelect={setView} tabId={tabId} panelId={`${ids}-panel`} />
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(view)} className={styles.panel} data-view={view}>
        {view === 'overview' && <SummaryPanel />}
        {view === 'disagreement' && <DisagreementView />}
        {view === 'condition' && <ConditionView {...props} answersExpiredAt={round.answersExpiredAt} />}
        {view === 'changes' && <ChangesView {...props} />}
        {view === 'trends' && <TrendsView api={api} teamId={teamId} />}
        {view === 'plan' && <PlanTab api={api} teamId={teamId} round={round} latest={latest} />}
        {view === 'activity' && <ActivityLog api={api.activity} teamId={teamId} />}
        {view === 'review' && <HeldCommentsView api={api.review} teamId={teamId} roundId={round.roundId} held={held} />}
      </div>
    </>
  );
}

/** An open round shows how many have answered, not what they said, until it closes (issue 8). */
function OpenRoundViews(props: ViewsProps & { earlier?: RoundListItem; onShowRound: (roundId: string) => void; onResults: (roundId: string) => void }) {
  const { api, teamId, round, champion, ...panel } = props;
  const styles = useStyles();
  const ids = useId();
  const [chosenView, setView] = useState<OpenViewName>('participation');
  const tabId = (name: OpenViewName) => `${ids}-tab-${name}`;
  const tabs = champion ? [...OPEN_VIEWS, ACTIVITY_VIEW] : OPEN_VIEWS;
  const view = tabs.some((tab) => tab.value === chosenView) ? chosenView : 'participation';
  return (
    <>
      <ViewTabs label="Audit views" tabs={tabs} selected={view} onSelect={setView} tabId={tabId} panelId={`${ids}-panel`} />
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(view)} className={styles.panel} data-view={view}>
        {view === 'participation' && <OpenRoundPanel round={round} {...panel} />}
        {view === 'plan' && <PlanTab api={api} teamId={teamId} round={round} latest />}
        {view === 'activity' && <ActivityLog api={api.activity} teamId={teamId} />}
      </div>
    </>
  );
}

/**
 * The channel tab: pick one of the team's rounds, then read it through the views above. It
 * opens on the latest round with results (the latest closed one); an open round is a choice away.
 */
export function ChannelView({ api, teamId }: { api: Api; teamId: string | null }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<string | null>(null);
  // The round whose print view is shown in place of the views (a closed round's).
  const [printing, setPrinting] = useState<string | null>(null);
  // Rounds seen to close since the list was read (the list is read every 30 s).
  const [closedSince, setClosedSince] = useState<ReadonlySet<string>>(new Set());
  const loadRounds = useMemo(() => (teamId ? (signal: AbortSignal) => api.rounds(teamId, signal) : null), [api, teamId]);
  const rounds = usePolling(loadRounds, ROUNDS_POLL_MS);
  const onResults = useCallback((roundId: string) => setClosedSince((seen) => new Set(seen).add(roundId)), []);

  const champion = rounds.data?.champion ?? false;
  const list = (rounds.data?.rounds ?? []).map((round) => (closedSince.has(round.roundId) ? { ...round, status: 'closed' as const } : round));
  const latestClosed = list.find((round) => round.status === 'closed');
  const roundId = list.some((round) => round.roundId === chosen) ? chosen : (latestClosed ?? list[0])?.roundId ?? null;
  const round = list.find((r) => r.roundId === roundId);
  const open = list.find((r) => r.status === 'open');

  if (teamId && round?.status === 'closed' && printing === round.roundId) {
    return (
      <RoundFeedProvider api={api} teamId={teamId} roundId={round.roundId} status={round.status}>
        <PrintView api={api} teamId={teamId} round={round} onBack={() => setPrinting(null)} />
      </RoundFeedProvider>
    );
  }
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
      {open && round?.status === 'closed' && (
        <MessageBar intent="info" data-testid="open-round-note"><MessageBarBody>
          Round {open.number} is open: its results appear when it closes.{' '}
          <Button appearance="transparent" size="small" onClick={() => setChosen(open.roundId)}>See how many have answered so far</Button>
        </MessageBarBody></MessageBar>
      )}
      {teamId && round && (
        <RoundFeedProvider api={api} teamId={teamId} roundId={round.roundId} status={round.status}>
          {round.status === 'closed'
            ? <RoundViews api={api} teamId={teamId} round={round} champion={champion} latest={!list.some((other) => other.status === 'closed' && other.number > round.number)} onPrint={() => setPrinting(round.roundId)} />
            : <OpenRoundViews api={api} teamId={teamId} round={round} champion={champion} earlier={latestClosed} onShowRound={setChosen} onResults={onResults} />}
        </RoundFeedProvider>
      )}
    </div>
  );
}
