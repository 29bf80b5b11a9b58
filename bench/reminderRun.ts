import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { TEAMS_APP_LIMIT_PER_SECOND } from '../bot/teams/delivery/rateLimiter';
import { freePort, startNodeChild, type NodeChild } from './childProcess';
import { sleep } from './scenario';
import type { FakeConnector, RecordedCall } from '../tests/support/fakeConnector';
import { cardOf, cardText } from '../tests/support/cardText';
import { remindersSent } from '../tests/support/reminders';
import { startTheRound } from '../tests/support/startRound';
import { asRosterMember, channelCommand, installedInTeam, PEOPLE, person, TEAM } from '../tests/support/teamsActivities';

/** Teams' per-app limit in a tenant: 50 requests a second (bot/teams/delivery/rateLimiter.ts). */
const TENANT_LIMIT_PER_SECOND = TEAMS_APP_LIMIT_PER_SECOND;

/** What a reminder run measured. */
export interface ReminderRunResult {
  readonly members: number;
  readonly instances: number;
  /** Members who got exactly one reminder, and those who got more (must be 0) or none (must be 0). */
  readonly reminded: number;
  readonly duplicates: number;
  readonly missed: number;
  /** From the champion's `remind` to the last reminder Teams accepted. */
  readonly seconds: number;
  readonly perSecond: number;
  /** Connector calls the run made (roster pages, chats opened, reminders posted, the outcome), per person reminded. */
  readonly callsPerReminder: number;
  /** People a second the tenant limit allows at that many calls each: TENANT_LIMIT_PER_SECOND / callsPerReminder. */
  readonly boundPerSecond: number;
  /** The most connector calls that arrived in any one second (a sliding window): at most 50. */
  readonly peakCallsPerSecond: number;
  /** What the champion was told in the thread. */
  readonly outcome: string;
  readonly notes: readonly string[];
}

const REMINDER_GOALS = { minShareOfBound: 0.8, maxPeakCallsPerSecond: TENANT_LIMIT_PER_SECOND, maxDuplicates: 0, maxMissed: 0 } as const;

/**
 * The issue's reminder run: a team of `members` (none has answered), two instances of the service
 * (dist/bot/index.js, each its own process) sharing the bench's Azurite (tables and the due-work
 * queue) and the fake connector. The champion says `remind` to one instance; the wave's batches
 * are taken from the queue by both. Measures people reminded per second against the bound the
 * tenant limit sets, the busiest second, duplicates and people missed.
 */
export async function runReminderRun(options: { connectionString: string; connector: FakeConnector; members: number; timeoutMs?: number }): Promise<ReminderRunResult> {
  const { connector, members } = options;
  const staff = [PEOPLE.champion, ...Array.from({ length: members - 1 }, (_, i) => person(`Staff member ${i + 1}`, 500_001 + i))];
  connector.setRoster(TEAM.id, staff.map(asRosterMember));
  const env = {
    HOST: '127.0.0.1',
    TABLES_CONNECTION_STRING: options.connectionString,
    TABLES_PREFIX: `bench${randomBytes(4).toString('hex')}`,
    RESPONDENT_HMAC_KEY: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    DUE_WORK_POLL_MS: '200',
  };
  const instances: NodeChild[] = [];
  try {
    for (const name of ['instance A', 'instance B']) {
      const port = await freePort();
      instances.push(await startNodeChild({ name, script: join(__dirname, '../bot/index.js'), port, env: { ...env, PORT: String(port) } }));
    }
    const [first] = instances as [NodeChild, NodeChild];
    await send(first, installedInTeam(connector.serviceUrl, PEOPLE.champion), 'installationUpdate');
    const postsBeforeStart = connector.counts.posts;
    const opened = await startTheRound(first, connector);
    if (opened.status !== 200) throw new Error(`"Open the round" answered HTTP ${opened.status}: ${opened.text}`);
    // The close date card `start` answers with, then the intro card and twelve condition cards.
    await connector.waitFor(() => connector.counts.posts >= postsBeforeStart + 14, 30_000);
    await sleep(1000);

    connector.reset();
    const startedAt = Date.now();
    await send(first, channelCommand(connector.serviceUrl, PEOPLE.champion, 'remind'), '"remind"');
    // The outcome the champion is told in the thread, once every batch is done: "2,000 people reminded."
    const outcomeOf = () =>
      connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).map((s) => cardText(cardOf(s.activity))).join('\n').match(/^[\d,]+ (?:person|people) reminded.*$/m)?.[0];
    await connector.waitFor(() => outcomeOf() !== undefined, options.timeoutMs ?? 10 * 60_000);

    const sent = remindersSent(connector);
    const reminderPosts = connector.sentActivities().filter((s) => s.conversationId.startsWith('a:fake-chat-'));
    const lastReminderAt = Math.max(...reminderPosts.map((s) => s.at));
    const seconds = (lastReminderAt - startedAt) / 1000;
    const reminded = [...sent.values()].filter((cards) => cards.length === 1).length;
    const callsPerReminder = connector.calls.length / Math.max(1, sent.size);
    const logged = instances.flatMap((i) => i.output().split('\n').filter((line) => line.includes('"level":"error"') || line.includes('"level":"warn"')));
    return {
      members,
      instances: instances.length,
      reminded,
      duplicates: [...sent.values()].reduce((sum, cards) => sum + Math.max(0, cards.length - 1), 0),
      missed: staff.filter((p) => !sent.has(p.id)).length,
      seconds,
      perSecond: sent.size / seconds,
      callsPerReminder,
      boundPerSecond: TENANT_LIMIT_PER_SECOND / callsPerReminder,
      peakCallsPerSecond: busiestSecond(connector.calls),
      outcome: outcomeOf() ?? '(not found)',
      notes: [`connector calls in the run: ${connector.calls.length}`, `warn/error log lines: ${logged.length}${logged.length ? ` (first: ${logged[0]!.slice(0, 300)})` : ''}`],
    };
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
  }
}

/** The most calls that arrived within any 1,000 ms. */
function busiestSecond(calls: readonly RecordedCall[]): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= 1000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

async function send(instance: NodeChild, activity: unknown, what: string): Promise<void> {
  const response = await fetch(`${instance.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  if (response.status !== 200) throw new Error(`${what} answered HTTP ${response.status}: ${await response.text()}`);
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** The run as a markdown section, with the issue's goals checked. */
export function reminderRunReport(result: ReminderRunResult): { markdown: string; met: boolean } {
  const share = result.perSecond / result.boundPerSecond;
  const goals = [
    { goal: `people reminded/s ≥ ${REMINDER_GOALS.minShareOfBound * 100}% of the tenant limit's bound`, actual: `${fixed(share * 100, 0)}% (${fixed(result.perSecond)} vs ${fixed(result.boundPerSecond)})`, met: share >= REMINDER_GOALS.minShareOfBound },
    { goal: `busiest second ≤ ${REMINDER_GOALS.maxPeakCallsPerSecond} connector calls`, actual: String(result.peakCallsPerSecond), met: result.peakCallsPerSecond <= REMINDER_GOALS.maxPeakCallsPerSecond },
    { goal: 'nobody reminded twice', actual: String(result.duplicates), met: result.duplicates <= REMINDER_GOALS.maxDuplicates },
    { goal: 'nobody missed', actual: String(result.missed), met: result.missed <= REMINDER_GOALS.maxMissed },
  ];
  const markdown = [
    `## Reminder run: ${result.members.toLocaleString('en-GB')} members who have not answered, ${result.instances} instances`,
    '',
    '| reminded | seconds | people/s | connector calls per person | bound (50/s ÷ calls) | busiest second | duplicates | missed |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${result.reminded} | ${fixed(result.seconds)} | ${fixed(result.perSecond)} | ${fixed(result.callsPerReminder, 2)} | ${fixed(result.boundPerSecond)} | ${result.peakCallsPerSecond} | ${result.duplicates} | ${result.missed} |`,
    '',
    '| goal | actual | met |',
    '|---|---|---|',
    ...goals.map((g) => `| ${g.goal} | ${g.actual} | ${g.met ? 'yes' : '**no**'} |`),
    '',
    `- the champion was told: "${result.outcome}"`,
    ...result.notes.map((n) => `- ${n}`),
  ].join('\n');
  return { markdown, met: goals.every((g) => g.met) };
}
