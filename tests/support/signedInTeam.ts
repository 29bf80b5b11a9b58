import type { RunningService } from '../../bot/service';
import { startFakeConnector, type FakeConnector } from './fakeConnector';
import { startLocalIdentityProvider, TAB_AUDIENCE, type LocalIdentityProvider } from './ssoTokens';
import { asRosterMember, installedInTeam, OTHER_TEAM, PEOPLE, TEAM, TENANT_ID, type TestPerson } from './teamsActivities';
import { postToBot, startTestService } from './testService';
import { startTheRound } from './startRound';

/**
 * The tab's API with Teams sign-in switched on: the service checks tokens against a local key
 * set, TEAM holds the champion and a practitioner with an open round, OTHER_TEAM the outsider.
 */
export interface SignedInOptions {
  readonly roster?: readonly TestPerson[];
  readonly env?: Record<string, string>;
  readonly now?: () => Date;
  readonly logLines?: string[];
  readonly logLevel?: 'info' | 'warn';
}

export interface SignedInTeam {
  readonly connector: FakeConnector;
  readonly identity: LocalIdentityProvider;
  readonly service: RunningService;
  readonly roundId: string;
  stop(): Promise<void>;
}

/**
 * `roster`: TEAM's members (the champion and the practitioner unless given); `env`, `now`,
 * `logLines` and `logLevel`: as startTestService takes them.
 */
export async function startSignedInTeam(options: SignedInOptions = {}): Promise<SignedInTeam> {
  const connector = await startFakeConnector();
  connector.setRoster(TEAM.id, (options.roster ?? [PEOPLE.champion, PEOPLE.practitioner]).map(asRosterMember));
  connector.setRoster(OTHER_TEAM.id, [PEOPLE.outsider].map(asRosterMember));
  const identity = await startLocalIdentityProvider(TENANT_ID);
  const { roster: _roster, env, ...serviceOptions } = options;
  const service = await startTestService({ TAB_SSO_AUDIENCE: TAB_AUDIENCE, TAB_SSO_TENANT_ID: TENANT_ID, TAB_SSO_JWKS_URI: identity.jwksUri, ...env }, serviceOptions);
  const stop = async () => {
    await service.stop();
    await identity.close();
    await connector.close();
  };
  try {
    await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
    await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.outsider, OTHER_TEAM));
    await startTheRound(service, connector);
    await service.settled();
    const roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
    return { connector, identity, service, roundId, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
