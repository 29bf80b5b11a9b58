import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tableNameFor } from '../bot/storage/tables';
import { invokeCard } from './answerBurst';
import { freePort, startNodeChild, type NodeChild } from './childProcess';
import { measureBurst } from './measure';
import { peakRssMb, rssMb } from './procStats';
import { optional, sleep, type ScenarioResult } from './scenario';
import { answersFromStaff } from './staff';
import type { FakeConnector } from '../tests/support/fakeConnector';
import { startTheRound } from '../tests/support/startRound';
import { installedInTeam, PEOPLE } from '../tests/support/teamsActivities';
import { countStoredAnswers } from './storedAnswers';

/** The service's default; passed explicitly so the caller's shell cannot change it. */
const CARD_UPDATE_DELAY_MS = 2000;

/**
 * The service under test (dist/bot/index.js) in its own process, in local mode, against
 * the bench's Azurite and fake connector. Set-up as in a team: the app is installed by a
 * champion, who says "start"; the burst answers the first condition card once posted.
 */
export async function runServiceScenario(options: {
  connectionString: string;
  azuritePid?: number;
  connector: FakeConnector;
  answers: number;
  warmup: number;
  concurrency: number;
  /** Extra node flags for the service's process (e.g. --cpu-prof). */
  execArgv?: string[];
}): Promise<ScenarioResult> {
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const service = await startNodeChild({
    name: 'service',
    script: join(__dirname, '../bot/index.js'),
    port,
    execArgv: options.execArgv ?? [],
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      TABLES_CONNECTION_STRING: options.connectionString,
      TABLES_PREFIX: prefix,
      RESPONDENT_HMAC_KEY: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'warn',
      CARD_UPDATE_DELAY_MS: String(CARD_UPDATE_DELAY_MS),
    },
  });
  try {
    const { roundId, teamId } = await openRound(service, options.connector);
    const setupRssMb = rssMb(service.pid);
    const traffic = (conditionId: string, count: number, firstPerson: number) =>
      answersFromStaff({ serviceUrl: options.connector.serviceUrl, roundId, conditionId, count, firstPerson });
    const putsBefore = options.connector.counts.puts;
    const measured = await measureBurst({
      url: service.url,
      botPid: service.pid,
      ...(options.azuritePid ? { azuritePid: options.azuritePid } : {}),
      warmup: traffic('C02', options.warmup, 900_001),
      answers: traffic('C01', options.answers, 100_001),
      concurrency: options.concurrency,
      accept: isRecordedAnswerCard,
    });
    const stored = await countStoredAnswers(options.connectionString, tableNameFor(prefix, 'answers'), roundId, 'C01');
    // Let the coalesced updates of the shared cards run: they are part of what a burst costs.
    await sleep(CARD_UPDATE_DELAY_MS + 1500);
    const cardUpdates = options.connector.counts.puts - putsBefore;
    const logged = service.output().split('\n').filter((line) => line.includes('"level":"error"') || line.includes('"level":"warn"'));
    return {
      name: 'service: Practice Audit (dist/bot/index.js)',
      measured,
      stored,
      lost: measured.burst.sent - stored,
      ...optional('peakRssMb', peakRssMb(service.pid)),
      ...optional('setupRssMb', setupRssMb),
      notes: [
        `team ${teamId}, round ${roundId}`,
        `shared-card updates sent during warm-up, burst and the ${CARD_UPDATE_DELAY_MS + 1500} ms after: ${cardUpdates}`,
        `warn/error log lines: ${logged.length}${logged.length ? ` (first: ${logged[0]!.slice(0, 300)})` : ''}`,
      ],
    };
  } finally {
    await service.stop();
  }
}

/** Install in the team, "start", and wait for the intro and twelve condition cards. */
async function openRound(service: NodeChild, connector: FakeConnector): Promise<{ roundId: string; teamId: string }> {
  const send = async (activity: unknown, what: string) => {
    const response = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (response.status !== 200) throw new Error(`${what} answered HTTP ${response.status}: ${await response.text()}`);
  };
  await send(installedInTeam(connector.serviceUrl, PEOPLE.champion), 'installationUpdate');
  const postsBeforeStart = connector.counts.posts;
  // "start" asks for the close date; the round opens when the champion presses "Open the round".
  const opened = await startTheRound({ url: service.url }, connector);
  if (opened.status !== 200) throw new Error(`"Open the round" answered HTTP ${opened.status}: ${opened.text}`);
  // The round's 13 cards: the intro and one per condition, after the close date question.
  await connector.waitFor(() => connector.counts.posts >= postsBeforeStart + 1 + 13, 30_000);
  const c01 = connector.sentActivities().flatMap((sent) => answerActionsOf(sent.activity)).find((data) => data.conditionId === 'C01');
  if (!c01) throw new Error('No condition card for C01 was posted');
  return { roundId: c01.roundId, teamId: c01.teamId };
}

interface AnswerActionData {
  roundId: string;
  teamId: string;
  conditionId: string;
}

/** The audit.answer actions' data in a posted activity's Adaptive Cards. */
function answerActionsOf(activity: unknown): AnswerActionData[] {
  const attachments = (activity as { attachments?: Array<{ content?: { actions?: unknown[] } }> } | undefined)?.attachments ?? [];
  return attachments.flatMap((a) => a.content?.actions ?? []).flatMap((action) => {
    const { verb, data } = action as { verb?: unknown; data?: Partial<AnswerActionData> };
    return verb === 'audit.answer' && data?.roundId && data.teamId && data.conditionId ? [data as AnswerActionData] : [];
  });
}

/** A successful submit returns the person's own view of the card: their answer, "Change my answer". */
function isRecordedAnswerCard(status: number, body: unknown): boolean {
  const card = invokeCard(status, body);
  const actions = (card?.actions ?? []) as Array<{ title?: unknown }>;
  return actions.some((action) => action.title === 'Change my answer');
}
