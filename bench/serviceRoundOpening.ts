import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { addDays, ukDayOf } from '../bot/domain/closeDate';
import { ROUND_CARDS } from '../bot/domain/auditRound';
import { TEAMS_APP_LIMIT_PER_SECOND } from '../bot/teams/delivery/rateLimiter';
import { cardOf, cardText } from '../tests/support/cardText';
import { startFakeConnector, type RecordedCall } from '../tests/support/fakeConnector';
import { installedInTeam, PEOPLE } from '../tests/support/teamsActivities';
import { freePort, startNodeChild } from './childProcess';
import { benchTeams } from './organisationSeed';

/** Teams' limits on one conversation (docs/teams-platform: 7 a second, 8 in 2 seconds) and on the app in a tenant (50 a second). */
export const OPENING_LIMITS = { perConversationPerSecond: 7, perConversationPer2Seconds: 8, perTenantPerSecond: TEAMS_APP_LIMIT_PER_SECOND } as const;

export interface ServiceRoundOpeningResult {
  readonly teams: number;
  /** Round cards posted (each team's intro card and one per condition): teams × 13 when all went. */
  readonly cardsPosted: number;
  /** Teams that did not get exactly their 13 cards (must be 0). */
  readonly teamsWithoutTheirCards: number;
  /** How long the POST took to answer, ms. */
  readonly postMs: number;
  /** From the POST sent to the last round card Teams took, s. */
  readonly seconds: number;
  /** What the tenant limit allows at best: every connector call of the opening at 50 a second, s. */
  readonly boundSeconds: number;
  readonly connectorCalls: number;
  /** The most connector calls that arrived in any one second, app-wide (a sliding window). */
  readonly busiestSecond: number;
  /** The most calls to any one team's channel in any 1 s and any 2 s. */
  readonly busiestConversationSecond: number;
  readonly busiestConversationTwoSeconds: number;
  readonly notes: readonly string[];
}

const ROUND_CARD = /^Audit round \d+ is open|^Condition \d+ of 12/;

/**
 * The issue's opening of a service-wide round: `teams` teams have the app (each installed through
 * /api/messages, as Teams announces it), and the organisation admin (the local identity) opens a
 * round in all of them with one POST /api/organisation/service-rounds. The service
 * (dist/bot/index.js, local mode, its due-work poll at its default) runs each team's job and posts
 * its 13 cards to the fake connector, which records every call with its arrival time. Measures the
 * time to the last card Teams took against the bound the tenant limit sets (every call at 50 a
 * second), and the busiest second app-wide and per conversation.
 */
export async function runServiceRoundOpening(options: { connectionString: string; teams: number; timeoutMs?: number }): Promise<ServiceRoundOpeningResult> {
  const teams = benchTeams(options.teams, 0);
  const connector = await startFakeConnector();
  const port = await freePort();
  const service = await startNodeChild({
    name: 'service',
    script: join(__dirname, '../bot/index.js'),
    port,
    env: { PORT: String(port), HOST: '127.0.0.1', TABLES_CONNECTION_STRING: options.connectionString, TABLES_PREFIX: `open${randomBytes(4).toString('hex')}`, RESPONDENT_HMAC_KEY: randomBytes(24).toString('hex'), LOG_LEVEL: 'warn' },
  });
  try {
    for (const team of teams) {
      const response = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(installedInTeam(connector.serviceUrl, PEOPLE.champion, team)) });
      if (response.status !== 200) throw new Error(`Installing in ${team.name} answered HTTP ${response.status}: ${await response.text()}`);
    }
    // Let the installations' own posts (the welcome) go, then count only the opening.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    connector.reset();
    const roundCards = () => connector.sentActivities().filter((s) => ROUND_CARD.test(cardText(cardOf(s.activity))));
    const started = Date.now();
    const response = await fetch(`${service.url}/api/organisation/service-rounds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ closesOn: addDays(ukDayOf(new Date()), 14) }) });
    const postMs = Date.now() - started;
    if (response.status !== 201) throw new Error(`Opening the service-wide round answered HTTP ${response.status}: ${await response.text()}`);
    const expected = teams.length * ROUND_CARDS.length;
    await connector.waitFor(() => roundCards().length >= expected, options.timeoutMs ?? 5 * 60_000);
    // Anything the jobs still send after the last card (their records, retries) counts too.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const cards = roundCards();
    const calls = connector.calls;
    const inTeam = (teamId: string) => calls.filter((call) => call.conversationId?.startsWith(teamId)).map((call) => call.at);
    const perTeam = teams.map((team) => inTeam(team.id));
    const logged = service.output().split('\n').filter((line) => line.includes('"level":"error"') || line.includes('"level":"warn"'));
    return {
      teams: teams.length,
      cardsPosted: cards.length,
      teamsWithoutTheirCards: teams.filter((team) => cards.filter((card) => card.conversationId.startsWith(team.id)).length !== ROUND_CARDS.length).length,
      postMs,
      seconds: (Math.max(...cards.map((card) => card.at)) - started) / 1000,
      boundSeconds: calls.length / OPENING_LIMITS.perTenantPerSecond,
      connectorCalls: calls.length,
      busiestSecond: mostWithin(calls.map((call) => call.at), 1000),
      busiestConversationSecond: Math.max(...perTeam.map((times) => mostWithin(times, 1000))),
      busiestConversationTwoSeconds: Math.max(...perTeam.map((times) => mostWithin(times, 2000))),
      notes: [`connector calls other than the round cards: ${calls.length - cards.length}${describeOthers(calls, cards.length)}`, `warn/error log lines: ${logged.length}${logged.length ? ` (first: ${logged[0]!.slice(0, 300)})` : ''}`],
    };
  } finally {
    await service.stop();
    await connector.close();
  }
}

/** The most of `times` (ms) inside any span of `spanMs`, a window sliding over them. */
function mostWithin(times: readonly number[], spanMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= spanMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

function describeOthers(calls: readonly RecordedCall[], cards: number): string {
  if (calls.length === cards) return '';
  const kinds = new Map<string, number>();
  for (const call of calls) {
    const kind = `${call.method} ${call.path.replace(/\/v3\/conversations\/[^/]+/, '/v3/conversations/…').replace(/\/activities\/[^/]+/, '/activities/…')}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return ` (all calls by kind: ${[...kinds].map(([kind, n]) => `${kind} × ${n}`).join(', ')})`;
}
