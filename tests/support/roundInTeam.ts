import type { RunningService } from '../../bot/service';
import { startFakeConnector, type FakeConnector } from './fakeConnector';
import { startTheRound } from './startRound';
import { asRosterMember, installedInTeam, PEOPLE, TEAM, type TestPerson } from './teamsActivities';
import { postToBot, startTestService } from './testService';

export interface RoundInTeam {
  readonly connector: FakeConnector;
  readonly service: RunningService;
  /** The open round the champion started in TEAM's channel, its cards posted. */
  readonly roundId: string;
}

/**
 * The set-up most service specs share: the real service in-process against the suite's Azurite,
 * the fake Teams connector with TEAM's roster (when given), the app installed in TEAM by its
 * champion (PEOPLE.champion), and an audit round started there (its proposed close date chosen)
 * with every card posted. `now`: the service's clock (testClock), when the test moves time on.
 */
export async function startRoundInTeam(options: { roster?: readonly TestPerson[]; env?: Record<string, string>; logLines?: string[]; now?: () => Date } = {}): Promise<RoundInTeam> {
  const connector = await startFakeConnector();
  if (options.roster) connector.setRoster(TEAM.id, options.roster.map(asRosterMember));
  const service = await startTestService(options.env, { ...(options.logLines ? { logLines: options.logLines } : {}), ...(options.now ? { now: options.now } : {}) });
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
  const round = await service.services.rounds.findOpen(TEAM.id);
  if (!round) throw new Error('The champion\'s "start" opened no round');
  return { connector, service, roundId: round.roundId };
}
