import { useId, useMemo, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../api/client';
import type { OrganisationReply } from '../api/types';
import { PolledSource } from '../hooks/polledSource';
import { usePolled } from '../hooks/usePolling';
import { OpenServiceRound } from '../components/organisation/OpenServiceRound';
import { PlansPanel } from '../components/organisation/PlansPanel';
import { ServiceRoundPanel } from '../components/organisation/ServiceRoundPanel';
import { ServiceRoundPicker } from '../components/organisation/ServiceRoundPicker';
import { TeamsTakingPart } from '../components/organisation/TeamsTakingPart';
import { ViewTabs } from '../components/ViewTabs';

/** A service-wide round another admin opens shows up within this long. */
const ORGANISATION_POLL_MS = 30_000;

const VIEWS = [
  { value: 'rounds', label: 'Service-wide rounds' },
  { value: 'plans', label: 'Plans' },
] as const;
/** Organisation admins only: opening a service-wide round, leaving teams out. */
const ADMIN_VIEW = { value: 'teams', label: 'Teams and new rounds' } as const;
type ViewName = (typeof VIEWS)[number]['value'] | typeof ADMIN_VIEW.value;

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  title: { margin: 0 },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/**
 * The organisation view (issue 13), for organisation leaders and admins: the service-wide rounds
 * (response rates by team; results once every team's round has closed), the teams' plans side by
 * side, and for admins, opening a service-wide round and the teams taking part. Anyone else is
 * refused by the API (403), and told so in its words.
 */
export function OrganisationView({ api }: { api: Api }) {
  const styles = useStyles();
  const ids = useId();
  const source = useMemo(() => new PolledSource((signal) => api.organisation.organisation(signal), ORGANISATION_POLL_MS), [api]);
  const { data: organisation, error, loading } = usePolled(source);
  const [chosenView, setView] = useState<ViewName>('rounds');
  const [chosenRound, setChosenRound] = useState<string | null>(null);
  const admin = organisation?.roles.includes('admin') ?? false;
  const tabs = admin ? [...VIEWS, ADMIN_VIEW] : VIEWS;
  const view = tabs.some((tab) => tab.value === chosenView) ? chosenView : 'rounds';
  const tabId = (name: ViewName) => `${ids}-tab-${name}`;
  return (
    <div className={styles.view} data-testid="organisation">
      <Title3 as="h1" className={styles.title}>Your organisation</Title3>
      {loading && !organisation && <Spinner size="small" label="Loading the organisation…" />}
      {error && <MessageBar intent="error" data-testid="organisation-error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      {organisation && (
        <>
          <ViewTabs label="Organisation views" tabs={tabs} selected={view} onSelect={setView} tabId={tabId} panelId={`${ids}-panel`} />
          <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(view)} className={styles.panel} data-view={view}>
            {view === 'rounds' && <ServiceRounds api={api} organisation={organisation} chosen={chosenRound} onChoose={setChosenRound} />}
            {view === 'plans' && <PlansPanel api={api} />}
            {view === 'teams' && (
              <>
                <OpenServiceRound api={api.organisation} teams={organisation.teams} onOpened={(round) => { setChosenRound(round.serviceRoundId); source.refresh(); }} />
                <Subtitle2 as="h2" className={styles.title}>Teams</Subtitle2>
                <TeamsTakingPart api={api.organisation} teams={organisation.teams} onChanged={source.refresh} />
              </>
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** The chosen service-wide round (the newest unless one is chosen), with its picker. */
function ServiceRounds(props: { api: Api; organisation: OrganisationReply; chosen: string | null; onChoose: (serviceRoundId: string) => void }) {
  const { api, organisation, chosen, onChoose } = props;
  const styles = useStyles();
  const rounds = organisation.serviceRounds;
  const round = rounds.find((r) => r.serviceRoundId === chosen) ?? rounds[0];
  if (!round) {
    return (
      <MessageBar intent="info" data-testid="no-service-rounds"><MessageBarBody>
        No service-wide round yet.{organisation.roles.includes('admin') ? ' Open one under “Teams and new rounds”.' : ' An organisation admin opens one.'}
      </MessageBarBody></MessageBar>
    );
  }
  const earlier = rounds.find((r) => r.status === 'closed' && r.number < round.number);
  return (
    <>
      <div className={styles.header}>
        <Subtitle2 as="h2" className={styles.title}>Service-wide round {round.number}</Subtitle2>
        <ServiceRoundPicker rounds={rounds} value={round.serviceRoundId} onChange={onChoose} />
      </div>
      <ServiceRoundPanel key={round.serviceRoundId} api={api} round={round} earlier={round.status === 'open' ? earlier : undefined} onShowRound={onChoose} />
    </>
  );
}
