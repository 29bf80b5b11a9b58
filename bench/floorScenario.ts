import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { invokeCard } from './answerBurst';
import { freePort, startNodeChild } from './childProcess';
import { measureBurst } from './measure';
import { peakRssMb, rssMb } from './procStats';
import { optional, type ScenarioResult } from './scenario';
import { answersFromStaff } from './staff';
import { countStoredAnswers } from './storedAnswers';

const FLOOR_ROUND = 'floor-round';

/** The same load against the bare botbuilder bot (bench/floorBot.ts), in its own process. */
export async function runFloorScenario(options: {
  connectionString: string;
  azuritePid?: number;
  serviceUrl: string;
  answers: number;
  warmup: number;
  concurrency: number;
  /** Extra node flags for the bot's process (e.g. --cpu-prof). */
  execArgv?: string[];
}): Promise<ScenarioResult> {
  const table = `floor${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const bot = await startNodeChild({
    name: 'floor bot',
    script: join(__dirname, 'floorBot.js'),
    port,
    execArgv: options.execArgv ?? [],
    env: { PORT: String(port), TABLES_CONNECTION_STRING: options.connectionString, FLOOR_TABLE: table },
  });
  try {
    const setupRssMb = rssMb(bot.pid);
    const traffic = (conditionId: string, count: number, firstPerson: number) =>
      answersFromStaff({ serviceUrl: options.serviceUrl, roundId: FLOOR_ROUND, conditionId, count, firstPerson });
    const measured = await measureBurst({
      url: bot.url,
      botPid: bot.pid,
      ...(options.azuritePid ? { azuritePid: options.azuritePid } : {}),
      warmup: traffic('C02', options.warmup, 900_001),
      answers: traffic('C01', options.answers, 100_001),
      concurrency: options.concurrency,
      accept: (status, body) => invokeCard(status, body) !== undefined,
    });
    const stored = await countStoredAnswers(options.connectionString, table, FLOOR_ROUND, 'C01');
    return {
      name: 'floor: bare botbuilder bot, 1 upsert per invoke',
      measured,
      stored,
      lost: measured.burst.sent - stored,
      ...optional('peakRssMb', peakRssMb(bot.pid)),
      ...optional('setupRssMb', setupRssMb),
      notes: [],
    };
  } finally {
    await bot.stop();
  }
}
