import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { loadConfig, type AppConfig } from '../config/loadConfig';
import { localHmacKey } from '../config/localHmacKey';
import type { Answer } from '../domain/answer';
import type { AuditRound } from '../domain/auditRound';
import { CONDITIONS, type ConditionId } from '../domain/conditions';
import type { LevelId } from '../domain/levels';
import type { RatingId } from '../domain/ratings';
import { respondentIdFor } from '../domain/respondent';
import { countsOfAnswers } from '../domain/summary';
import { answerEntity, type AnswerEntity } from '../storage/answerRows';
import { ChampionsRepository } from '../storage/championsRepository';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../storage/embeddedAzurite';
import { encodeKey } from '../storage/keys';
import { PlanRepository } from '../storage/planRepository';
import { RoundsRepository } from '../storage/roundsRepository';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../storage/tables';
import { TeamsRepository } from '../storage/teamsRepository';
import { DEMO_COMMENTS } from './demoComments';
import { seedDemoPlan } from './demoPlan';
import { addDemoEvidence } from './demoEvidence';
import { EvidenceRepository } from '../storage/evidenceRepository';
import { freshDataDirBeside, npmCommand } from './nextCommand';

/**
 * `npm run demo`: fills the local embedded storage (DATA_DIR, .data by default) with a
 * realistic audit for the Agents Playground's mock team (.m365agentsplayground.yml): the
 * installation, Priya Shah (the Playground's user) as champion, a closed round 1 with a plan and
 * evidence notes and an open round 2, answered by a few hundred staff. Deterministic (seeded), and re-running
 * replaces the demo's rounds. Run it while the service is stopped: it starts Azurite itself.
 */

export const DEMO_TEAM = {
  teamId: '19:team-childrens-services-north@thread.tacv2',
  teamName: 'Children’s Services – North',
  tenantId: '5f3c2a10-7d4e-4b8a-9c61-2e8f0b7d4a11',
  channelId: '19:channel-practice-audit@thread.tacv2',
  serviceUrl: 'http://localhost:56150/_connector',
  botId: '28:practice-audit-bot',
} as const;

const CHAMPION = { entraObjectId: '3a8f1c2e-6b4d-4e9a-8f21-0c5d7e9b1a01', name: 'Priya Shah', teamsUserId: '29:user-priya-shah' };

/** The Playground's six people, so their own answers line up with what they see. */
const PLAYGROUND_PEOPLE: readonly { entraObjectId: string; level: LevelId }[] = [
  { entraObjectId: CHAMPION.entraObjectId, level: 'service-manager' },
  { entraObjectId: '7c2e4b91-0d3f-4a6e-b5c8-1f9a2d6e3b02', level: 'practitioner' },
  { entraObjectId: 'b1d94e27-8a5c-4f30-9e6b-4c2a7f8d5e03', level: 'supervisor' },
  { entraObjectId: 'e5a03c18-2f7b-4d91-a6e4-8b3c9d0f1a04', level: 'practitioner' },
  { entraObjectId: '4f6b8d20-9c1e-4a7b-83d5-6e2f0a9c7b05', level: 'business-support' },
  { entraObjectId: '91c7e3a5-5b2d-4f08-bd16-3a4e7c8f2d06', level: 'senior-leader' },
];

/** 300 staff: mostly practitioners, fewer managers and senior leaders. */
const STAFF_BY_LEVEL: Readonly<Record<LevelId, number>> = {
  practitioner: 150,
  supervisor: 38,
  'service-manager': 14,
  'senior-leader': 12,
  'business-support': 36,
  'partner-agency': 30,
  volunteer: 20,
};

/** Demo round ids end in "-demo": the seeding replaces only these. */
const ROUNDS = [
  { number: 1, roundId: '20260302-090000000Z-demo', openedAt: '2026-03-02T09:00:00.000Z', closedAt: '2026-03-27T16:30:00.000Z', turnout: 0.86 },
  { number: 2, roundId: '20261102-090000000Z-demo', openedAt: '2026-11-02T09:00:00.000Z', closedAt: undefined, turnout: 0.6 },
] as const;
const isDemoRound = (roundId: string) => roundId.endsWith('-demo');

/** Round 1's all-staff picture (0 to 3), before each level's lean. */
const BASE: Readonly<Record<ConditionId, number>> = {
  C01: 1.4, C02: 1.5, C03: 1.4, C04: 1.2, C05: 1.5, C06: 2.0, C07: 1.2, C08: 0.9, C09: 1.6, C10: 0.7, C11: 1.1, C12: 1.0,
};
/** What changed by round 2, after round 1's plan. */
const ROUND_2_CHANGE: Partial<Record<ConditionId, number>> = { C02: 0.4, C03: 0.3, C08: 0.3, C05: 0.1, C12: -0.1 };
/** Senior leaders see C02, C03 and C10 far more positively than practitioners do. */
const LEAN: Partial<Record<LevelId, Partial<Record<ConditionId, number>>>> = {
  'senior-leader': { C02: 1.3, C03: 1.2, C10: 1.6, C11: 0.6, C12: 0.5 },
  'service-manager': { C02: 0.6, C03: 0.5, C10: 0.7, C11: 0.3 },
  supervisor: { C02: 0.2, C06: 0.2 },
  practitioner: { C02: -0.4, C03: -0.3, C10: -0.3, C08: -0.2 },
  'business-support': { C08: -0.4, C10: 0.2 },
  'partner-agency': { C01: 0.3, C05: -0.2 },
  volunteer: { C09: 0.6 },
};
/** How often each level says "don't know"; partner agencies and volunteers on C04 and C11 most of all. */
function dontKnowChance(level: LevelId, conditionId: ConditionId): number {
  if ((level === 'partner-agency' || level === 'volunteer') && (conditionId === 'C04' || conditionId === 'C11')) return 0.55;
  if (level === 'partner-agency' || level === 'volunteer') return conditionId === 'C06' || conditionId === 'C07' || conditionId === 'C08' ? 0.35 : 0.15;
  if (level === 'business-support' && (conditionId === 'C05' || conditionId === 'C06' || conditionId === 'C11')) return 0.3;
  return 0.04;
}

const JUDGEMENTS: readonly RatingId[] = ['not-in-place', 'partly', 'mostly', 'fully'];

/** mulberry32: small, seeded, the same numbers on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person { readonly entraObjectId: string; readonly level: LevelId; readonly playground: boolean }

function staff(): Person[] {
  const people: Person[] = PLAYGROUND_PEOPLE.map((p) => ({ ...p, playground: true }));
  let n = 0;
  for (const [level, count] of Object.entries(STAFF_BY_LEVEL) as [LevelId, number][]) {
    const already = people.filter((p) => p.level === level).length;
    for (let i = already; i < count; i += 1) {
      n += 1;
      people.push({ entraObjectId: `00000000-demo-4000-8000-${String(n).padStart(12, '0')}`, level, playground: false });
    }
  }
  return people;
}

/** The demo's answers for one round, with its comments placed on matching answers. */
export function demoAnswers(round: (typeof ROUNDS)[number], hmacKey: string): Answer[] {
  const random = prng(20260302 + round.number * 7919);
  const answers: Answer[] = [];
  const opened = Date.parse(round.openedAt);
  const span = (round.closedAt ? Date.parse(round.closedAt) : opened + 20 * 86_400_000) - opened;
  for (const person of staff()) {
    // The Playground's people answered round 1; round 2 is left for them to answer.
    if (person.playground ? round.number === 2 : random() > round.turnout) continue;
    const respondentId = respondentIdFor(person.entraObjectId, hmacKey);
    const via = random() < 0.7 ? 'channel' : 'chat';
    let at = opened + Math.floor(random() * span * 0.8);
    for (const condition of CONDITIONS) {
      if (!person.playground && random() < 0.05) continue; // some skip a condition
      at += Math.floor(random() * 90_000);
      let rating: RatingId;
      if (random() < dontKnowChance(person.level, condition.id)) rating = 'dont-know';
      else {
        const mean = BASE[condition.id] + (round.number === 2 ? ROUND_2_CHANGE[condition.id] ?? 0.1 : 0) + (LEAN[person.level]?.[condition.id] ?? 0);
        const noise = (random() + random() + random() - 1.5) * 1.4;
        rating = JUDGEMENTS[Math.max(0, Math.min(3, Math.round(mean + noise)))]!;
      }
      answers.push({ roundId: round.roundId, conditionId: condition.id, respondentId, rating, level: person.level, comment: '', answeredAt: new Date(at).toISOString(), via });
    }
  }
  // Each comment goes on a distinct answer from its level and condition (and takes its rating).
  const used = new Set<number>();
  for (const comment of DEMO_COMMENTS) {
    if (!(comment.rounds as readonly number[]).includes(round.number)) continue;
    const candidates = answers.flatMap((a, i) => (a.conditionId === comment.conditionId && a.level === comment.level && !used.has(i) ? [i] : []));
    if (candidates.length === 0) continue;
    const index = candidates[Math.floor(random() * candidates.length)]!;
    used.add(index);
    answers[index] = { ...answers[index]!, rating: comment.rating, comment: comment.text };
  }
  return answers;
}

async function inBatches<T>(items: readonly T[], size: number, parallel: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < batches.length) await write(batches[next++]!);
  }));
}

async function clearPartition(table: TableClient, partitionKey: string): Promise<void> {
  const rowKeys: string[] = [];
  for await (const row of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } })) rowKeys.push(row.rowKey!);
  await inBatches(rowKeys, 100, 4, (keys) => table.submitTransaction(keys.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }])));
}

/** Removes earlier demo rounds (and their answers, plans and evidence notes); refuses to touch rounds it did not make. */
async function clearDemo(tables: AuditTables, rounds: RoundsRepository, dataDir: string): Promise<void> {
  const existing = await rounds.listForTeam(DEMO_TEAM.teamId);
  const foreign = existing.filter((round) => !isDemoRound(round.roundId));
  if (foreign.length > 0) {
    throw new DemoRefusal(
      `The team "${DEMO_TEAM.teamName}" already has ${foreign.length} round(s) of its own in ${dataDir} (from trying Practice Audit), ` +
        `and the demo replaces only its own rounds. Load the demo into a new data folder:\n  ${npmCommand('demo', freshDataDirBeside(dataDir))}`,
    );
  }
  const partitionKey = encodeKey(DEMO_TEAM.teamId);
  for (const round of existing) {
    await clearPartition(tables.answers, round.roundId);
    await clearPartition(tables.plans, round.roundId); // a plan written before issue 11
    await clearPartition(tables.evidence, round.roundId);
    await tables.rounds.deleteEntity(partitionKey, `round-${round.roundId}`);
  }
  await tables.rounds.deleteEntity(partitionKey, 'open-round').catch(() => undefined);
  await new PlanRepository(tables.plans, rounds).clearTeam(DEMO_TEAM.teamId);
}

class DemoRefusal extends Error {}

export async function seedDemo(config: AppConfig, log: (line: string) => void = () => undefined): Promise<{ answers: number }> {
  const hmacKey = config.respondentHmacKey ?? localHmacKey(config.dataDir);
  let azurite: EmbeddedAzurite | undefined;
  try {
    azurite = await startEmbeddedAzurite({ dataDir: config.dataDir });
    const tables = openAuditTables({ kind: 'connectionString', connectionString: azurite.connectionString }, config.tablesPrefix);
    await ensureAuditTables(tables);
    const rounds = new RoundsRepository(tables.rounds);
    await clearDemo(tables, rounds, config.dataDir);

    const postTo = {
      activityId: undefined,
      user: { id: CHAMPION.teamsUserId, name: CHAMPION.name, aadObjectId: CHAMPION.entraObjectId },
      bot: { id: DEMO_TEAM.botId, name: 'Practice Audit' },
      conversation: { id: DEMO_TEAM.channelId, isGroup: true, conversationType: 'channel', tenantId: DEMO_TEAM.tenantId },
      channelId: 'msteams',
      locale: 'en-GB',
      serviceUrl: DEMO_TEAM.serviceUrl,
    };
    const teams = new TeamsRepository(tables.teams);
    await teams.remove(DEMO_TEAM.teamId);
    await teams.add({ teamId: DEMO_TEAM.teamId, teamName: DEMO_TEAM.teamName, tenantId: DEMO_TEAM.tenantId, postTo, installedAt: '2026-02-23T10:15:00.000Z' });
    await new ChampionsRepository(tables.champions).add(DEMO_TEAM.teamId, { ...CHAMPION, addedAt: '2026-02-23T10:15:00.000Z', addedBy: CHAMPION.name });

    let total = 0;
    for (const spec of ROUNDS) {
      const round: AuditRound = {
        teamId: DEMO_TEAM.teamId,
        roundId: spec.roundId,
        number: spec.number,
        status: 'open',
        openedAt: spec.openedAt,
        openedBy: CHAMPION.name,
        teamName: DEMO_TEAM.teamName,
        postedIn: postTo,
        conditionMessageIds: {},
      };
      const opened = await rounds.open(round);
      if (!opened.opened) {
        throw new DemoRefusal(`Round ${opened.openRound.number} is open in the demo team in ${config.dataDir}. Load the demo into a new data folder:\n  ${npmCommand('demo', freshDataDirBeside(config.dataDir))}`);
      }
      const answers = demoAnswers(spec, hmacKey);
      total += answers.length;
      log(`Round ${spec.number}: writing ${answers.length} answers…`);
      await inBatches(answers.map(answerEntity), 100, 4, (batch: AnswerEntity[]) =>
        tables.answers.submitTransaction(batch.map((entity): TransactionAction => ['upsert', { ...entity }, 'Replace'])),
      );
      if (spec.closedAt) {
        // The plan first, while the round is open, as a team's plan comes about: kept with it at its close.
        await seedDemoPlan(new PlanRepository(tables.plans, rounds), DEMO_TEAM.teamId, { roundId: spec.roundId, closedAt: spec.closedAt }, CHAMPION.name);
        await rounds.close(DEMO_TEAM.teamId, spec.roundId, spec.closedAt);
        // As closing a round does: the closed round keeps its counts, and the team's size then (its 300 staff).
        await rounds.recordFinalCounts(DEMO_TEAM.teamId, spec.roundId, countsOfAnswers(answers), staff().length);
        await addDemoEvidence(new EvidenceRepository(tables.evidence), spec.roundId, CHAMPION.name);
      }
    }
    return { answers: total };
  } finally {
    await azurite?.stop();
  }
}

/** Is a service already listening on the configured port (it would be using the same storage)? */
async function serviceRunning(config: AppConfig): Promise<boolean> {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  try {
    await fetch(`http://${host}:${config.port}/healthz`, { signal: AbortSignal.timeout(1500) });
    return true; // anything answering there is the service (or something else holding its port)
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.storage.kind !== 'embedded') {
    throw new DemoRefusal(
      `npm run demo loads the local embedded storage only, not the Table storage that TABLES_ENDPOINT or TABLES_CONNECTION_STRING names. Run it without them:\n  env -u TABLES_ENDPOINT -u TABLES_CONNECTION_STRING ${npmCommand('demo', config.dataDir)}`,
    );
  }
  if (config.port !== 0 && (await serviceRunning(config))) {
    // It may be using this data folder: two Azurites on one folder would overwrite each other's saves.
    throw new DemoRefusal(`Something is answering on port ${config.port}: Practice Audit, probably. Stop it (Ctrl+C where npm run dev or npm start runs), then run:\n  ${npmCommand('demo', config.dataDir)}`);
  }
  const started = Date.now();
  const { answers } = await seedDemo(config, (line) => console.log(line));
  console.log(
    `Demo loaded into ${config.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s: "${DEMO_TEAM.teamName}", ` +
      `round 1 (closed, with a plan) and round 2 (open), ${answers} answers. Start Practice Audit on it with:\n  ${npmCommand('dev', config.dataDir)}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof DemoRefusal) console.error(error.message);
    else console.error('The demo could not be loaded:', error);
    process.exitCode = 1;
  });
}
