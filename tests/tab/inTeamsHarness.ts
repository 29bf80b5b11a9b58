import type { RunningService } from '../../bot/service';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import type { LocalIdentityProvider } from '../support/ssoTokens';
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

/** What the harness frames the tab around: the real service with Teams sign-in on, and the identity provider signing its tokens. */
export interface SignedInService {
  readonly identity: LocalIdentityProvider;
  readonly service: RunningService;
  stop(): Promise<void>;
}

/** Who signs in: a person, with the app roles (their values, e.g. 'Organisation.Leader') the token's `roles` claim carries, if any. */
export interface SignInOptions {
  readonly roles?: readonly string[];
}

export interface InTeamsHarness<T extends SignedInService = SignedInTeam> {
  readonly team: T;
  /** The channel tab at `url` (the saved contentUrl), as `person` sees it, signed in as them. */
  openChannelTab(person: TestPerson, options?: { url?: string; theme?: TeamsTheme; authToken?: () => Promise<string>; initializeDelayMs?: number }): Promise<TabInHost>;
  /** The personal "Audit rounds" tab, as `person` sees it (with the app roles Entra put in their token, if any). */
  openPersonalTab(person: TestPerson, options?: SignInOptions): Promise<TabInHost>;
  /** The configuration page Teams shows when someone adds the tab to TEAM's channel. */
  openConfigurationPage(person: TestPerson, refuseSettings?: (settings: TabSettings) => string | null): Promise<TabInHost>;
}

/**
 * The real service with Teams sign-in on, the built tab, and the fake Teams host around it. By
 * default startSignedInTeam's (TEAM: champion and practitioner, an open round; OTHER_TEAM: the
 * outsider); `start` sets up another (its `team`).
 */
export function useTabInTeams(): InTeamsHarness;
export function useTabInTeams<T extends SignedInService>(start: () => Promise<T>): InTeamsHarness<T>;
export function useTabInTeams(start: () => Promise<SignedInService> = startSignedInTeam): InTeamsHarness<SignedInService> {
  let team: SignedInService | undefined;
  let host: FakeTeamsHost | undefined;

  beforeAll(async () => {
    ensureTabBuilt();
    team = await start();
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
  const signIn = (person: TestPerson, options: SignInOptions = {}) => () =>
    started().team.identity.sign({ oid: person.aadObjectId, name: person.name, ...(options.roles?.length ? { roles: options.roles } : {}) });
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
    openPersonalTab: (person, options) =>
      open({ url: PERSONAL_TAB_URL, frameContext: 'content', context: { ...personContext(person), entityId: 'audit-rounds' }, authToken: signIn(person, options) }),
    openConfigurationPage: (person, refuseSettings) =>
      open({ url: CONFIGURATION_URL, frameContext: 'settings', context: channelContext(person), authToken: signIn(person), refuseSettings }),
  };
}
