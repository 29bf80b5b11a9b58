import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { TransactionAction } from '@azure/data-tables';
import type { Answer } from '../bot/domain/answer';
import { CONDITIONS } from '../bot/domain/conditions';
import { LEVELS } from '../bot/domain/levels';
import { RATINGS } from '../bot/domain/ratings';
import { answerEntity } from '../bot/storage/answersRepository';
import { RoundsRepository } from '../bot/storage/roundsRepository';
import { ensureAuditTables, openAuditTables } from '../bot/storage/tables';
import { TeamsRepository } from '../bot/storage/teamsRepository';
import { TEAM, TENANT_ID } from '../tests/support/teamsActivities';
import { percentile } from './answerBurst';
import { freePort, startNodeChild } from './childProcess';
import { tabFirstRenderMs, tabJsGzipBytes } from './tabFirstRender';

export interface SummaryReadResult {
  readonly staff: number;
  readonly answers: number;
  readonly firstMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Navigation to a rendered overview, in headless Chromium (median of 5). */
  readonly tabFirstRenderMs?: number;
}

const ROUND_ID = 'bench-round';

/**
 * The tab's round summary under a steady read: `staff` people × 12 conditions already
 * answered (seeded in transactions of 100), then `requests` GETs of the summary through the
 * service's HTTP API, one after another, as open tabs polling would.
 */
export async function runSummaryRead(options: { connectionString: string; staff: number; requests: number; measureTab?: boolean }): Promise<SummaryReadResult> {
  const prefix = `sum${randomBytes(4).toString('hex')}`;
  await seedRound(options.connectionString, prefix, options.staff);
  const port = await freePort();
  const service = await startNodeChild({
    name: 'service',
    script: join(__dirname, '../bot/index.js'),
    port,
    execArgv: [],
    env: { PORT: String(port), HOST: '127.0.0.1', TABLES_CONNECTION_STRING: options.connectionString, TABLES_PREFIX: prefix, RESPONDENT_HMAC_KEY: randomBytes(24).toString('hex'), LOG_LEVEL: 'warn' },
  });
  try {
    const url = `${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${ROUND_ID}/summary`;
    const timed = async () => {
      const started = performance.now();
      const response = await fetch(url);
      const summary = (await response.json()) as { respondents?: number };
      if (response.status !== 200 || summary.respondents !== options.staff) throw new Error(`Summary read failed: ${response.status} ${JSON.stringify(summary).slice(0, 200)}`);
      return performance.now() - started;
    };
    const firstMs = await timed();
    const latencies: number[] = [];
    for (let i = 0; i < options.requests; i += 1) latencies.push(await timed());
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
      ...(renders.length > 0 ? { tabFirstRenderMs: percentile(renders, 0.5) } : {}),
    };
  } finally {
    await service.stop();
  }
}

async function seedRound(connectionString: string, prefix: string, staff: number): Promise<void> {
  const tables = openAuditTables({ kind: 'connectionString', connectionString }, prefix);
  await ensureAuditTables(tables);
  const at = new Date().toISOString();
  await new TeamsRepository(tables.teams).add({ teamId: TEAM.id, teamName: TEAM.name, tenantId: TENANT_ID, postTo: {}, installedAt: at });
  await new RoundsRepository(tables.rounds).open({ teamId: TEAM.id, roundId: ROUND_ID, number: 1, status: 'open', openedAt: at, openedBy: 'Bench', conditionMessageIds: {} });
  const batches: TransactionAction[][] = [];
  let batch: TransactionAction[] = [];
  for (let person = 0; person < staff; person += 1) {
    // Mostly practitioners, some of every level: a plausible service.
    const level = LEVELS[person % 10 < 6 ? 0 : (person % 10) - 4]!.id;
    for (const [i, condition] of CONDITIONS.entries()) {
      const answer: Answer = { roundId: ROUND_ID, conditionId: condition.id, respondentId: `bench-${person}`, rating: RATINGS[(person + i) % RATINGS.length]!.id, level, comment: person % 7 === 0 ? 'A comment of an ordinary length about how things are.' : '', answeredAt: at, via: 'channel' };
      batch.push(['upsert', { ...answerEntity(answer) }, 'Replace']);
      if (batch.length === 100) {
        batches.push(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) batches.push(batch);
  // Two transactions in flight: Azurite is the limit, and each attempt must finish within 4 s.
  for (let i = 0; i < batches.length; i += 2) await Promise.all(batches.slice(i, i + 2).map((actions) => tables.answers.submitTransaction(actions)));
}

/** The tab's goal: p95 at most 50 ms with 2,000 staff, and with 20,000 no more than 1.5 times that. */
export function summaryReport(results: readonly SummaryReadResult[]): string {
  const rows = results.map((r) => `| ${r.staff.toLocaleString('en-GB')} | ${r.answers.toLocaleString('en-GB')} | ${r.firstMs.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.requests} |`);
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
    `Tab first render in headless Chromium (navigation to a rendered overview, median of 5): ${render === undefined ? 'not measured' : `${render} ms`}.`,
    '',
    '## Round summary read (the tab), sequential GETs after the first',
    '',
    '| staff | answers | first read ms | p50 ms | p95 ms | p99 ms | reads |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '| goal | actual | met |',
    '|---|---|---|',
    ...goals,
  ].join('\n');
}
