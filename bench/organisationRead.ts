import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceRoundView } from '../bot/domain/organisation/organisationView';
import { CONDITIONS } from '../bot/domain/conditions';
import { LEVELS } from '../bot/domain/levels';
import { RATINGS } from '../bot/domain/ratings';
import { VERBS } from '../bot/teams/cards/actions';
import { startFakeConnector } from '../tests/support/fakeConnector';
import { asRosterMember, cardAction } from '../tests/support/teamsActivities';
import { percentile } from './answerBurst';
import { freePort, startNodeChild } from './childProcess';
import { benchTeams, openRoundAnswers, seedOrganisation, type BenchTeam, type SeededOrganisation } from './organisationSeed';
import { seededAzurite } from './seededAzurite';

/** Latencies of one round's reads, ms. */
export interface ReadLatencies {
  readonly firstMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly reads: number;
  /** Reads answered with anything but the round's view (counted in the latencies too: the reader waited). */
  readonly failed: number;
  /** The first failure's status and reply. */
  readonly firstFailure?: string;
  /** Each read's time, ms, in the order made (what runs are pooled from). */
  readonly samples: readonly number[];
  /** The p95 of each run pooled into these figures, ms (one run: its own). */
  readonly runP95Ms: readonly number[];
}

export interface OrganisationReadResult {
  readonly teams: number;
  readonly staffPerTeam: number;
  /** Answers the open round held before the reads (half of every team's staff, 12 conditions each). */
  readonly answersBefore: number;
  /** The released service-wide round: its summary across the teams. */
  readonly released: ReadLatencies;
  /** The open one: each team's progress and response rate. */
  readonly open: ReadLatencies;
  /** Answers that came in through /api/messages while the reads ran, and those accepted. */
  readonly answersSent: number;
  readonly answersAccepted: number;
  /** People counted as having answered the open round, across its teams, at the first and last read. */
  readonly respondentsFirst: number;
  readonly respondentsLast: number;
}

/** Reads are paced, as polling tabs are, and alternate between the two rounds. */
const READ_INTERVAL_MS = 50;
/** Answers arriving through the bot endpoint while the reads run, across the teams. */
const ANSWERS_PER_SECOND = 20;

/**
 * The organisation view under a steady poll (issue 13): `teams` teams of `staff` people, a
 * service-wide round released in all of them (each team's round closed with its counts kept) and
 * another open in all of them, half of each team having answered it already (seededAzurite.ts,
 * organisationSeed.ts). The service (dist/bot/index.js, local mode: the local identity is an
 * organisation admin) reads its teams' rosters from the fake connector. While answers keep
 * arriving through /api/messages (20 a second, new people answering in every team, as the
 * answer burst sends them), `requests` reads of each round through
 * GET /api/organisation/service-rounds/:id, alternating, one every 50 ms, each checked.
 */
export async function runOrganisationRead(options: { teams: number; staff: number; requests: number; execArgv?: string[] }): Promise<OrganisationReadResult> {
  const teams = benchTeams(options.teams, options.staff);
  const answered = Math.floor(options.staff / 2);
  const connector = await startFakeConnector();
  for (const team of teams) connector.setRoster(team.id, team.staff.map(asRosterMember));
  const prefix = `org${randomBytes(4).toString('hex')}`;
  let seeded: SeededOrganisation | undefined;
  const azurite = await seededAzurite(prefix, async (tables) => {
    seeded = await seedOrganisation(tables, teams, connector.serviceUrl);
    return openRoundAnswers(seeded.openRoundIds, answered);
  });
  const port = await freePort();
  const service = await startNodeChild({
    name: 'service',
    script: join(__dirname, '../bot/index.js'),
    port,
    execArgv: options.execArgv ?? [],
    env: { PORT: String(port), HOST: '127.0.0.1', TABLES_CONNECTION_STRING: azurite.connectionString, TABLES_PREFIX: prefix, RESPONDENT_HMAC_KEY: randomBytes(24).toString('hex'), LOG_LEVEL: 'warn' },
  });
  try {
    const { released, open, openRoundIds } = seeded!;
    const read = async (serviceRoundId: string, check: (view: ServiceRoundView) => boolean): Promise<Read> => {
      const started = performance.now();
      const response = await fetch(`${service.url}/api/organisation/service-rounds/${serviceRoundId}`);
      const body = await response.text();
      // The service's time: until its whole reply has arrived. Reading the reply is the tab's work, not timed.
      const ms = performance.now() - started;
      const view = JSON.parse(body) as ServiceRoundView;
      if (response.status !== 200 || view.teams?.length !== teams.length || !check(view)) return { ms, failure: `HTTP ${response.status}: ${JSON.stringify(view).slice(0, 300)}` };
      return { ms, view };
    };
    const releasedRead = () => read(released.serviceRoundId, (view) => view.results === 'released' && view.summary !== undefined);
    const respondents = (view: ServiceRoundView) => view.teams.reduce((sum, team) => sum + (team.responseRate?.answered ?? 0), 0);
    const openRead = () => read(open.serviceRoundId, (view) => view.results === 'at-close' && view.teams.every((team) => team.responseRate?.members === options.staff && team.responseRate.answered >= answered));

    const firstReleased = await releasedRead();
    const firstOpen = await openRead();
    const stream = answerStream(connector.serviceUrl, service.url, teams, openRoundIds, answered);
    const reads = { released: [] as Read[], open: [] as Read[] };
    for (let i = 0; i < options.requests; i += 1) {
      reads.released.push(await releasedRead());
      await new Promise((resolve) => setTimeout(resolve, READ_INTERVAL_MS));
      reads.open.push(await openRead());
      await new Promise((resolve) => setTimeout(resolve, READ_INTERVAL_MS));
    }
    const last = reads.open.findLast((r) => r.view)?.view;
    const { sent, accepted } = await stream.stop();
    return {
      teams: options.teams,
      staffPerTeam: options.staff,
      answersBefore: options.teams * answered * CONDITIONS.length,
      released: latenciesOf(firstReleased, reads.released),
      open: latenciesOf(firstOpen, reads.open),
      answersSent: sent,
      answersAccepted: accepted,
      respondentsFirst: firstOpen.view ? respondents(firstOpen.view) : NaN,
      respondentsLast: last ? respondents(last) : NaN,
    };
  } finally {
    await service.stop();
    await azurite.stop();
    await connector.close();
    rmSync(azurite.dataDir, { recursive: true, force: true });
  }
}

/** One read: its time, and the view, or what came instead. */
interface Read {
  readonly ms: number;
  readonly view?: ServiceRoundView;
  readonly failure?: string;
}

function latenciesOf(first: Read, reads: readonly Read[]): ReadLatencies {
  const failures = [first, ...reads].filter((r) => r.failure);
  const figures = figuresOf(reads.map((r) => r.ms));
  return { ...figures, firstMs: first.ms, failed: failures.length, ...(failures[0] ? { firstFailure: failures[0].failure } : {}), runP95Ms: [figures.p95Ms] };
}

function figuresOf(samples: readonly number[]): Pick<ReadLatencies, 'p50Ms' | 'p95Ms' | 'maxMs' | 'reads' | 'samples'> {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), maxMs: sorted.at(-1) ?? NaN, reads: sorted.length, samples };
}

/**
 * Runs of one size as one: every read's time pooled (the percentiles are of all of them), the
 * first run's first read and people counted, failures and answers added up, each run's p95 kept. A p95 of a few
 * milliseconds moves by half between two runs on a machine of two cores (the service, Azurite and
 * the bench share them), so the sizes are run in turn, several times, and compared pooled.
 */
export function pooledRuns(runs: readonly OrganisationReadResult[]): OrganisationReadResult {
  const first = runs[0]!;
  const pool = (of: (r: OrganisationReadResult) => ReadLatencies): ReadLatencies => {
    const all = runs.map(of);
    const failed = all.find((l) => l.firstFailure);
    return {
      ...figuresOf(all.flatMap((l) => l.samples)),
      firstMs: of(first).firstMs,
      failed: all.reduce((sum, l) => sum + l.failed, 0),
      ...(failed ? { firstFailure: failed.firstFailure } : {}),
      runP95Ms: all.flatMap((l) => l.runP95Ms),
    };
  };
  return {
    ...first,
    released: pool((r) => r.released),
    open: pool((r) => r.open),
    answersSent: runs.reduce((sum, r) => sum + r.answersSent, 0),
    answersAccepted: runs.reduce((sum, r) => sum + r.answersAccepted, 0),
  };
}

/**
 * People who had not answered yet pressing "Submit answer" on a condition card in their team's
 * channel, `ANSWERS_PER_SECOND` across the teams in turn, each answer its own POST to
 * /api/messages as Teams sends it, until stopped.
 */
function answerStream(serviceUrl: string, botUrl: string, teams: readonly BenchTeam[], openRoundIds: ReadonlyMap<string, string>, firstNewPerson: number): { stop(): Promise<{ sent: number; accepted: number }> } {
  let sent = 0;
  let accepted = 0;
  const inFlight = new Set<Promise<void>>();
  const answer = (n: number) => {
    const team = teams[n % teams.length]!;
    const who = team.staff[firstNewPerson + Math.floor(n / teams.length)];
    if (!who) return;
    const activity = cardAction(serviceUrl, who, VERBS.answer, {
      roundId: openRoundIds.get(team.id),
      teamId: team.id,
      conditionId: CONDITIONS[n % CONDITIONS.length]!.id,
      via: 'channel',
      rating: RATINGS[n % RATINGS.length]!.id,
      level: LEVELS[n % LEVELS.length]!.id,
      comment: 'Supervision happens, but not always.',
    }, 'channel', team);
    sent += 1;
    const request = fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })
      .then(async (response) => {
        // The person's own view of the card, with "Change my answer": the answer was recorded.
        if (response.status === 200 && (await response.text()).includes('Change my answer')) accepted += 1;
      })
      .catch(() => undefined)
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  let n = 0;
  const timer = setInterval(() => answer(n++), 1000 / ANSWERS_PER_SECOND);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return { sent, accepted };
    },
  };
}
