import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { SLOTS_PER_SECOND } from '../bot/teams/delivery/sharedAppLimit';
import type { FakeConnector } from '../tests/support/fakeConnector';
import { BOT, TEAM, TENANT_ID } from '../tests/support/teamsActivities';
import { freePort, startNodeChild, type NodeChild } from './childProcess';
import type { RemindOrder, RemindOutcome } from './remindingInstance';

/** Teams' limit per app per tenant: requests in any one second. */
const TEAMS_APP_LIMIT = 50;
/** Connector calls a one-to-one reminder needs: the chat created, the message sent. */
const CALLS_PER_PERSON = 2;
/** The issue's goal: people reminded per second, as a share of what the tenant limit allows. */
const REMINDER_GOAL_SHARE = 0.8;

export interface ReminderRunResult {
  readonly instances: number;
  readonly people: number;
  /** The machine's one-minute load average when the run began (other work skews the figures). */
  readonly loadAverageBefore: number;
  /** From the orders to the last instance's answer. */
  readonly seconds: number;
  /** Every call the fake connector answered (roster reads, chats created, messages, faults). */
  readonly calls: number;
  readonly callsPerSecond: number;
  readonly peoplePerSecond: number;
  /** What the tenant limit allows: 50 calls a second over the calls each person needs. */
  readonly boundPeoplePerSecond: number;
  readonly mostCallsInAnySecond: number;
  readonly duplicates: number;
  readonly missed: number;
  readonly refused: Record<string, number>;
  readonly warnings: readonly string[];
}

/**
 * The reminder run of issue 10's bench: `instances` instances of the service, each its own
 * process over the bench's Azurite with one tables prefix (one send schedule), remind `people`
 * people one-to-one between them, all handed to their Teams ports at once. A fresh fake
 * connector plays Teams and says what arrived when.
 */
export async function runReminderRun(options: { connectionString: string; connector: FakeConnector; instances: number; people: number }): Promise<ReminderRunResult> {
  const { connector } = options;
  connector.reset();
  const env = { HOST: '127.0.0.1', TABLES_CONNECTION_STRING: options.connectionString, TABLES_PREFIX: `bench${randomBytes(4).toString('hex')}`, RESPONDENT_HMAC_KEY: randomBytes(24).toString('hex'), LOG_LEVEL: 'warn' };
  const children: NodeChild[] = [];
  try {
    for (let i = 0; i < options.instances; i += 1) {
      const port = await freePort();
      children.push(await startNodeChild({ name: `instance ${i + 1}`, script: join(__dirname, 'remindingInstance.js'), port, env: { ...env, PORT: String(port) }, ipc: true }));
    }
    const via = { bot: BOT, channelId: 'msteams', serviceUrl: connector.serviceUrl, conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID } };
    const everyone = Array.from({ length: options.people }, (_, i) => `29:staff-${100_001 + i}`);
    const loadAverageBefore = loadavg()[0]!;
    const started = Date.now();
    const outcomes = (await Promise.all(
      children.map((child, i) => child.ask({ via, people: everyone.filter((_, n) => n % children.length === i) } satisfies RemindOrder)),
    )) as RemindOutcome[];
    const seconds = (Date.now() - started) / 1000;

    const received = connector.messagesPerPerson();
    const refused: Record<string, number> = {};
    for (const outcome of outcomes) for (const [status, count] of Object.entries(outcome.refused)) refused[status] = (refused[status] ?? 0) + count;
    const reached = everyone.filter((person) => (received.get(person) ?? 0) > 0).length;
    return {
      instances: options.instances,
      people: options.people,
      loadAverageBefore,
      seconds,
      calls: connector.calls.length,
      callsPerSecond: connector.calls.length / seconds,
      peoplePerSecond: reached / seconds,
      boundPeoplePerSecond: TEAMS_APP_LIMIT / CALLS_PER_PERSON,
      mostCallsInAnySecond: connector.mostCallsInAnySecond(),
      duplicates: [...received.values()].filter((messages) => messages > 1).length,
      missed: options.people - reached,
      refused,
      warnings: children.flatMap((child) => child.output().split('\n').filter((line) => line.includes('"level":"warn"') || line.includes('"level":"error"'))),
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

const fixed = (n: number, digits = 0) => n.toFixed(digits);

/** Whether a run reached everyone exactly once. */
export const reminderRunHeld = (run: ReminderRunResult) => run.missed === 0 && run.duplicates === 0;

/**
 * Whether a run met the issue's goals: at least 80% of the bound, and never more than 50 calls in
 * one second as the fake timestamped them (a figure, like a rate, that an overloaded machine
 * skews: the fake stamps a call when its process gets a core, late when it waited for one).
 */
export const reminderGoalsMet = (run: ReminderRunResult) =>
  run.peoplePerSecond >= REMINDER_GOAL_SHARE * run.boundPeoplePerSecond && run.mostCallsInAnySecond <= TEAMS_APP_LIMIT;

export function reminderReport(runs: readonly ReminderRunResult[]): string {
  const rows = runs.map((run) => {
    const share = run.peoplePerSecond / run.boundPeoplePerSecond;
    return `| ${run.instances} | ${run.people.toLocaleString('en-GB')} | ${fixed(run.loadAverageBefore, 2)} | ${fixed(run.seconds, 1)} | ${run.calls.toLocaleString('en-GB')} | ${fixed(run.callsPerSecond, 1)} of ${TEAMS_APP_LIMIT} | ${fixed(run.peoplePerSecond, 1)} of ${fixed(run.boundPeoplePerSecond)} (${fixed(share * 100)}%${share >= REMINDER_GOAL_SHARE ? '' : ', **under the goal**'}) | ${run.mostCallsInAnySecond}${run.mostCallsInAnySecond > TEAMS_APP_LIMIT ? ' **over**' : ''} | ${run.duplicates} | ${run.missed} | ${Object.entries(run.refused).map(([status, count]) => `${count} × ${status}`).join(', ') || '0'} |`;
  });
  return [
    `## Reminder run: one-to-one reminders from instances sharing Teams' ${TEAMS_APP_LIMIT} requests a second`,
    '',
    `Each instance is the service in its own process, over one Azurite and one tables prefix (one send schedule of ${SLOTS_PER_SECOND} slots a second); each person costs ${CALLS_PER_PERSON} connector calls (chat created, message sent), all handed to the Teams port at once. Teams' connector played by the tests' fake.`,
    '',
    `| instances | people | load average before | seconds | connector calls | calls/s | people/s (bound) | most calls in any one second | reminded twice | missed | refused |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    ...runs.flatMap((run) => run.warnings.slice(0, 3).map((line) => `- ${run.instances} instance(s), logged: ${line.slice(0, 300)}`)),
  ].join('\n');
}
