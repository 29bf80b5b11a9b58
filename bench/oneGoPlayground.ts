import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { respondentIdFor } from '../bot/domain/respondent';
import { projectRoot } from '../bot/shared/projectRoot';
import { AnswersRepository } from '../bot/storage/answersRepository';
import { RoundsRepository } from '../bot/storage/roundsRepository';
import { openAuditTables } from '../bot/storage/tables';
import { answerAllInOneGo, answerTwelveCards, countPresses, openConditionCard, pressesSoFar, PRACTITIONER } from '../tests/support/answeringFlows';
import { clickCardButton, launchChromium, MOCK_TEAMS, openPlayground, recordCardTexts, selectChannelConversation, sendMessage, startPlayground, waitForCardContaining } from '../tests/support/playground';
import { freePort, startNodeChild } from './childProcess';

/** One way of answering all twelve conditions, as measured in the Playground. */
export interface AnsweringEffort {
  readonly way: string;
  /** Mouse presses the browser received, from the first to the confirmation of the last answer. */
  readonly presses: number;
  /** Wall time of the scripted run over the same span: the product's and the client's share, no reading or thinking. */
  readonly seconds: number;
  /** The person's answers in the round in storage afterwards (12 when nothing was lost). */
  readonly stored: number;
  /** One-go only: from the press of "Submit answers" to the card saying all twelve are recorded (one invoke), ms. */
  readonly submitMs?: number;
}

/** The same twelve ratings both ways. */
const RATINGS = ['Mostly in place', 'Partly in place', 'Fully in place', "Don't know", 'Not in place', 'Mostly in place', 'Partly in place', 'Fully in place', 'Mostly in place', 'Not in place', "Don't know", 'Partly in place'];
/** The service's default: the shared cards' counts arrive as they would in a team. */
const CARD_UPDATE_DELAY_MS = 2000;

/**
 * Issue 10's measure: Priya Shah (the Playground's user) answers all twelve conditions of a round in
 * the Microsoft 365 Agents Playground, in headless Chromium, first on the one-go form from round 1's
 * intro card (her level not yet known, so she chooses it), then, after closing that round, on the
 * twelve condition cards of round 2 (where the shared card asks her level every time). The service is
 * dist/bot/index.js in its own process, in local mode, against the bench's Azurite; the Playground
 * plays Teams' connector. Comments are left out both ways: they take the same typing either way.
 */
export async function runOneGoPlayground(options: { connectionString: string }): Promise<AnsweringEffort[]> {
  const prefix = `onego${randomBytes(4).toString('hex')}`;
  const hmacKey = randomBytes(24).toString('hex');
  const port = await freePort();
  const service = await startNodeChild({
    name: 'service',
    script: join(__dirname, '../bot/index.js'),
    port,
    env: { PORT: String(port), HOST: '127.0.0.1', TABLES_CONNECTION_STRING: options.connectionString, TABLES_PREFIX: prefix, RESPONDENT_HMAC_KEY: hmacKey, LOG_LEVEL: 'warn', CARD_UPDATE_DELAY_MS: String(CARD_UPDATE_DELAY_MS) },
  });
  const stops: Array<() => Promise<void>> = [() => service.stop()];
  try {
    const playground = await startPlayground({ botEndpoint: `${service.url}/api/messages`, port: await freePort(), configPath: join(projectRoot(), '.m365agentsplayground.yml') });
    stops.push(() => playground.stop());
    const browser = await launchChromium();
    stops.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    page.setDefaultTimeout(15_000);
    await recordCardTexts(page);
    await countPresses(page);
    await openPlayground(page, playground.url);
    await selectChannelConversation(page);
    await waitForCardContaining(page, /Welcome to Practice Audit/);

    const tables = openAuditTables({ kind: 'connectionString', connectionString: options.connectionString }, prefix);
    const storedFor = async (roundNumber: number) => {
      const round = await new RoundsRepository(tables.rounds).findOpen(MOCK_TEAMS.teamId);
      if (round?.number !== roundNumber) throw new Error(`Round ${roundNumber} is not the open round`);
      return (await new AnswersRepository(tables.answers).answersOf(round.roundId, respondentIdFor(MOCK_TEAMS.currentUser.aadObjectId, hmacKey))).length;
    };

    await startRound(page, 1);
    const oneGo = await measured(page, 'one-go form, from the round\'s intro card', () => answerAllInOneGo(page, { roundNumber: 1, ratings: RATINGS, level: PRACTITIONER }), () => storedFor(1));
    await closeRound(page, 1);
    await startRound(page, 2);
    const cards = await measured(page, 'twelve condition cards in the channel', () => answerTwelveCards(page, { ratings: RATINGS, level: PRACTITIONER }), () => storedFor(2));
    return [oneGo, cards];
  } finally {
    while (stops.length > 0) await stops.pop()!().catch(() => undefined);
  }
}

async function measured(page: Page, way: string, answer: () => Promise<{ submitMs: number } | void>, stored: () => Promise<number>): Promise<AnsweringEffort> {
  const pressesBefore = await pressesSoFar(page);
  const started = performance.now();
  const timings = await answer();
  const seconds = (performance.now() - started) / 1000;
  return { way, presses: (await pressesSoFar(page)) - pressesBefore, seconds, stored: await stored(), ...(timings ? { submitMs: timings.submitMs } : {}) };
}

/** "@Practice Audit start", "Open the round" on the close date card, then its thirteen cards, paced to Teams' limits (about 3 s). */
async function startRound(page: Page, roundNumber: number): Promise<void> {
  await sendMessage(page, 'start');
  await clickCardButton(await waitForCardContaining(page, /Open an audit round/), 'Open the round');
  await waitForCardContaining(page, new RegExp(`Audit round ${roundNumber} is open`));
  const deadline = Date.now() + 20_000;
  while ((await openConditionCard(page, 12).count()) !== 1) {
    if (Date.now() > deadline) throw new Error(`Round ${roundNumber}'s cards were not all posted`);
    await page.waitForTimeout(100);
  }
}

/** "@Practice Audit close", Close, and the outcome once every card says so. */
async function closeRound(page: Page, roundNumber: number): Promise<void> {
  await sendMessage(page, 'close');
  await clickCardButton(await waitForCardContaining(page, new RegExp(`Close audit round ${roundNumber}\\?`)), 'Close');
  await waitForCardContaining(page, new RegExp(`Audit round ${roundNumber} is closed\\. 1 person took part\\.`), 30_000);
}

/** KLM's pointing (1.1 s) and press-and-release (0.2 s) per press: Card, Moran and Newell, CACM 23(7), 1980. */
const KLM_SECONDS_PER_PRESS = 1.3;

export function answeringReport(efforts: readonly AnsweringEffort[]): string {
  const rows = efforts.map((e) => `| ${e.way} | ${e.presses} | ${e.seconds.toFixed(1)} | ${(e.presses * KLM_SECONDS_PER_PRESS).toFixed(0)} | ${e.stored} |`);
  return [
    '## Answering in one go (issue 10): all twelve conditions in the Agents Playground',
    '',
    "Priya Shah answers a round's twelve conditions in the Microsoft 365 Agents Playground, in headless Chromium: on the one-go form (her level not yet known), then, in the next round, on the twelve cards. No comments either way.",
    '',
    '| way | presses | seconds, scripted (no reading) | seconds to point and press (KLM estimate) | answers stored |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    ...efforts.flatMap((e) => (e.submitMs === undefined ? [] : [`- ${e.way}: "Submit answers" to the card saying all twelve are recorded (one invoke): ${e.submitMs.toFixed(0)} ms.`])),
  ].join('\n');
}
