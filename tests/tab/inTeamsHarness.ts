import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { APP_ORIGIN, startFakeTeamsHost, type FakeTeamsHost, type TabInHost, type TabInTeams } from '../support/teamsHost/fakeTeamsHost';
import type { TabSettings, TeamsTheme, WireContext } from '../support/teamsHost/teamsJsProtocol';
import { TEAM, TENANT_ID, type TestPerson } from '../support/teamsActivities';
import { ensureTabBuilt } from './tabBuild';

/** The manifest's addresses (appPackage/manifest.json) with the app's domain filled in. */
const CONFIGURATION_URL = `${APP_ORIGIN}/tab/?view=config`;
const PERSONAL_TAB_URL = `${APP_ORIGIN}/tab/?view=personal`;

/** What Teams tells any tab about who is looking. */
function personContext(person: TestPerson): WireContext {
  const upn = `${person.name.toLowerCase().replace(/\W+/g, '.')}@north.example.org`;
  return { locale: 'en-gb', userObjectId: person.aadObjectId, userPrincipalName: upn, loginHint: upn, tid: TENANT_ID };
}

/** What Teams tells a tab in TEAM's General channel. */
function channelContext(person: TestPerson): WireContext {
  return {
    ...personContext(person),
    teamId: TEAM.id,
    teamName: TEAM.name,
    channelId: TEAM.id,
    channelName: 'General',
    channelType: 'Regular',
  };
}

export interface InTeamsHarness {
  readonly team: SignedInTeam;
  /** The channel tab at `url` (the saved contentUrl), as `person` sees it, signed in as them. */
  openChannelTab(person: TestPerson, options?: { url?: string; theme?: TeamsTheme; authToken?: () => Promise<string>; initializeDelayMs?: number }): Promise<TabInHost>;
  /** The personal "Audit rounds" tab, as `person` sees it. */
  openPersonalTab(person: TestPerson): Promise<TabInHost>;
  /** The configuration page Teams shows when someone adds the tab to TEAM's channel. */
  openConfigurationPage(person: TestPerson, refuseSettings?: (settings: TabSettings) => string | null): Promise<TabInHost>;
}

/**
 * The real service with Teams sign-in on (TEAM: champion and practitioner, an open round;
 * OTHER_TEAM: the outsider), the built tab, and the fake Teams host around it.
 */
export function useTabInTeams(): InTeamsHarness {
  let team: SignedInTeam | undefined;
  let host: FakeTeamsHost | undefined;

  beforeAll(async () => {
    ensureTabBuilt();
    team = await startSignedInTeam();
    host = await startFakeTeamsHost({ serviceUrl: team.service.url });
  }, 180_000);
  afterEach(async () => host?.closeTabs());
  afterAll(async () => {
    await host?.close();
    await team?.stop();
  });

  const started = () => {
    if (!team || !host) throw new Error('The harness has not started');
    return { team, host };
  };
  const signIn = (person: TestPerson) => () => started().team.identity.sign({ oid: person.aadObjectId, name: person.name });
  const open = (tab: TabInTeams) => started().host.open(tab);

  return {
    get team() {
      return started().team;
    },
    openChannelTab: (person, options = {}) =>
      open({
        url: options.url ?? `${APP_ORIGIN}/tab/`,
        frameContext: 'content',
        theme: options.theme,
        context: { ...channelContext(person), entityId: 'practice-audit' },
        authToken: options.authToken ?? signIn(person),
        ...(options.initializeDelayMs ? { initializeDelayMs: options.initializeDelayMs } : {}),
      }),
    openPersonalTab: (person) =>
      open({ url: PERSONAL_TAB_URL, frameContext: 'content', context: { ...personContext(person), entityId: 'audit-rounds' }, authToken: signIn(person) }),
    openConfigurationPage: (person, refuseSettings) =>
      open({ url: CONFIGURATION_URL, frameContext: 'settings', context: channelContext(person), authToken: signIn(person), refuseSettings }),
  };
}
