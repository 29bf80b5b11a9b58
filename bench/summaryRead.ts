import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../bot/domain/answer';
import { CONDITIONS } from '../bot/domain/conditions';
import { LEVELS } from '../bot/domain/levels';
import { RATINGS } from '../bot/domain/ratings';
import { answerEntity } from '../bot/storage/answerRows';
import { AnswersRepository } from '../bot/storage/answersRepository';
import { RoundsRepository } from '../bot/storage/roundsRepository';
import { openAuditTables } from '../bot/storage/tables';
import { TeamsRepository } from '../bot/storage/teamsRepository';
import { TEAM, TENANT_ID } from '../tests/support/teamsActivities';
import { percentile } from './answerBurst';
import type { SeedRow } from './azuriteFileSeed';
import { freePort, startNodeChild } from './childProcess';
import { seededAzurite } from './seededAzurite';
import { tabFirstRenderMs, tabJsGzipBytes } from './tabFirstRender';

export interface SummaryReadResult {
  readonly staff: number;
  readonly answers: number;
  readonly firstMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Answers changed through the API while the reads ran. */
  readonly changedDuringReads: number;
  /** Navigation to a rendered overview, in headless Chromium (median of 5). */
  readonly tabFirstRenderMs?: number;
}

const ROUND_ID = 'bench-round';
/** Reads are paced, as polling tabs are, so that background refreshes fall among them. */
const READ_INTERVAL_MS = 100;
const CHANGES_PER_SECOND = 5;

/**
 * The tab's read of an open round under a steady poll: `staff` people × 12 conditions already
 * answered, then `requests` GETs through the service's HTTP API, one every 100 ms as polling tabs
 * would, while people go on changing answers (5 a second): so the measured reads include the
 * background refreshes that pick those changes up. An open round's results are withheld until it
 * closes (issue 8), so what a tab polls is its participation, made from the same counts the
 * summary is made from (RoundSummaryCache).
 */
export async function runSummaryRead(options: { staff: number; requests: number; measureTab?: boolean }): Promise<SummaryReadResult> {
  const prefix = `sum${randomBytes(4).toString('hex')}`;
  const azurite = await seededRound(prefix, options.staff);
  const port = await freePort();
  const service = await startNodeChild({
    name: 'service',
    script: join(__dirname, '../bot/index.js'),
    port,
    execArgv: [],
    env: { PORT: String(port), HOST: '127.0.0.1', TABLES_CONNECTION_STRING: azurite.connectionString, TABLES_PREFIX: prefix, RESPONDENT_HMAC_KEY: randomBytes(24).toString('hex'), LOG_LEVEL: 'warn' },
  });
  try {
    const url = `${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${ROUND_ID}/participation`;
    const timed = async () => {
      const started = performance.now();
      const response = await fetch(url);
      const summary = (await response.json()) as { respondents?: number };
      if (response.status !== 200 || summary.respondents !== options.staff) throw new Error(`Round read failed: ${response.status} ${JSON.stringify(summary).slice(0, 200)}`);
      return performance.now() - started;
    };
    const firstMs = await timed();
    const changes = answerChanges(azurite.connectionString, prefix, options.staff, CHANGES_PER_SECOND);
    const latencies: number[] = [];
    for (let i = 0; i < options.requests; i += 1) {
      latencies.push(await timed());
      await new Promise((resolve) => setTimeout(resolve, READ_INTERVAL_MS));
    }
    const changed = await changes.stop();
    latencies.sort((a, b) => a - b);
    const renders = options.measureTab ? (await tabFirstRenderMs(`${service.url}/tab/?teamId=${encodeURIComponent(TEAM.id)}`)).sort((a, b) => a - b) : [];
    return {
      staff: options.staff,
      answers: options.staff * CONDITIONS.length,
      firstMs,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      p99Ms: percentile(latencies, 0.99),
      requests: options.requests,
      changedDuringReads: changed,
      ...(renders.length > 0 ? { tabFirstRenderMs: percentile(renders, 0.5) } : {}),
    };
  } finally {
    await service.stop();
    await azurite.stop();
    rmSync(azurite.dataDir, { recursive: true, force: true });
  }
}

/**
 * A round of `staff` people × 12 conditions, answered over the last three days, in an Azurite of
 * its own: team and round through the repositories, the answers written into its stopped
 * database (see seededAzurite.ts).
 */
function seededRound(prefix: string, staff: number) {
  return seededAzurite(prefix, async (tables) => {
    const at = new Date().toISOString();
    await new TeamsRepository(tables.teams).add({ teamId: TEAM.id, teamName: TEAM.name, tenantId: TENANT_ID, postTo: {}, installedAt: at });
    await new RoundsRepository(tables.rounds).open({ teamId: TEAM.id, roundId: ROUND_ID, number: 1, status: 'open', openedAt: at, openedBy: 'Bench', conditionMessageIds: {} });
    return answerRows(staff, ROUND_ID);
  });
}

/** `staff` people's answers to all 12 conditions of the round, written over the last three days, as seed rows. */
export function* answerRows(staff: number, roundId: string): Generator<SeedRow> {
  const now = Date.now();
  for (let person = 0; person < staff; person += 1) {
    const writtenAt = new Date(now - ((staff - person) * 3 * 86_400_000) / staff);
    for (const i of CONDITIONS.keys()) {
      const { partitionKey, rowKey, ...properties } = answerEntity(benchAnswer(person, i, writtenAt.toISOString(), roundId));
      yield { partitionKey, rowKey, properties, writtenAt };
    }
  }
}

/** Person `person`'s answer (respondent `bench-N`) to one condition: mostly practitioners, ratings spread. */
export function benchAnswer(person: number, conditionIndex: number, answeredAt: string, roundId = ROUND_ID): Answer {
  // Mostly practitioners, some of every level: a plausible service.
  const level = LEVELS[person % 10 < 6 ? 0 : (person % 10) - 4]!.id;
  const condition = CONDITIONS[conditionIndex]!;
  const rating = RATINGS[(person + conditionIndex) % RATINGS.length]!.id;
  return { roundId, conditionId: condition.id, respondentId: `bench-${person}`, rating, level, comment: person % 7 === 0 ? 'A comment of an ordinary length about how things are.' : '', answeredAt, via: 'channel' };
}

/** People changing their answers while tabs poll: `perSecond` through the API, until stopped. */
function answerChanges(connectionString: string, prefix: string, staff: number, perSecond: number): { stop(): Promise<number> } {
  const answers = new AnswersRepository(openAuditTables({ kind: 'connectionString', connectionString }, prefix).answers);
  let written = 0;
  // Set from stop(), which runs while the loop awaits.
  const stopping = new AbortController();
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      const person = Math.floor(Math.random() * staff);
      await answers.record(benchAnswer(person, written % CONDITIONS.length, new Date().toISOString())).then(() => (written += 1));
      await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
      return written;
    },
  };
}

/** The tab's goal: p95 at most 50 ms with 2,000 staff, and with 20,000 no more than 1.5 times that. */
export function summaryReport(results: readonly SummaryReadResult[]): string {
  const rows = results.map((r) => `| ${r.staff.toLocaleString('en-GB')} | ${r.answers.toLocaleString('en-GB')} | ${r.firstMs.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.requests} | ${r.changedDuringReads} |`);
  const [small, large] = results;
  const goals: string[] = small && large
    ? [
        `| p95 with ${small.staff.toLocaleString('en-GB')} staff ≤ 50 ms | ${small.p95Ms.toFixed(1)} ms | ${small.p95Ms <= 50 ? 'yes' : '**no**'} |`,
        `| p95 with ${large.staff.toLocaleString('en-GB')} staff ≤ 1.5 × that | ${(large.p95Ms / small.p95Ms).toFixed(2)} × | ${large.p95Ms <= 1.5 * small.p95Ms ? 'yes' : '**no**'} |`,
      ]
    : small
      ? [`| p95 with ${small.staff.toLocaleString('en-GB')} staff ≤ 50 ms | ${small.p95Ms.toFixed(1)} ms | ${small.p95Ms <= 50 ? 'yes' : '**no**'} |`]
      : [];
  const render = results.find((r) => r.tabFirstRenderMs !== undefined)?.tabFirstRenderMs;
  const gzipKb = tabJsGzipBytes() / 1024;
  goals.push(`| tab's JavaScript, gzipped, < 300 KB | ${gzipKb.toFixed(0)} KB | ${gzipKb < 300 ? 'yes' : '**no**'} |`);
  return [
    `Tab first render in headless Chromium (navigation to the open round's rendered participation, median of 5): ${render === undefined ? 'not measured' : `${render} ms`}.`,
    '',
    '## Open round read (the tab polls its participation): a GET every 100 ms after the first, while answers change',
    '',
    '| staff | answers | first read ms | p50 ms | p95 ms | p99 ms | reads | answers changed meanwhile |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '| goal | actual | met |',
    '|---|---|---|',
    ...goals,
  ].join('\n');
}
