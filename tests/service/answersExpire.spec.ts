import type { DueJob } from '../../bot/app/dueWork';
import { respondentIdFor } from '../../bot/domain/respondent';
import type { RunningService } from '../../bot/service';
import { encodeKey } from '../../bot/storage/keys';
import { openAuditTables } from '../../bot/storage/tables';
import { VERBS } from '../../bot/teams/cards/actions';
import { closeTheRound } from '../support/closeRound';
import { closeRoundNow } from '../support/closeRoundNow';
import { parseCsv } from '../support/csvParse';
import { openDocx } from '../support/docxText';
import { freshDueWorkQueues, messageCount } from '../support/dueWork';
import { gridOf } from '../support/exportRound';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { startTheRound } from '../support/startRound';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, cardAction, installedInTeam, PEOPLE, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService, TEST_HMAC_KEY } from '../support/testService';

/**
 * Issue 12: a closed round's answers are deleted RETENTION_DAYS (400 by default) after its close,
 * through due work (real Azurite queues), across a restart, keeping every figure the tab and its
 * files show; its comments and each person's own answers are gone, and the tab says why. A round
 * closed before counts were kept at close (and before retention: no job) is found at start-up,
 * counted, and only then emptied. The service's clock jumps a year on; its due work's messages
 * are hidden at most a second at a time, so the queue hands them over as soon as they are due.
 */
const prefix = uniqueTablePrefix();
const env = { TABLES_PREFIX: prefix, DUE_WORK_POLL_MS: '100' };
const clock = testClock('2025-01-06T10:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const tables = () => openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, prefix);
const staff: { who: TestPerson; level: string }[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ who: person(`Practitioner ${i}`, 600 + i), level: 'practitioner' })),
  ...Array.from({ length: 5 }, (_, i) => ({ who: person(`Manager ${i}`, 700 + i), level: 'supervisor' })),
  ...Array.from({ length: 2 }, (_, i) => ({ who: person(`Director ${i}`, 800 + i), level: 'senior-leader' })),
];
const RATINGS = ['not-in-place', 'partly', 'mostly', 'fully', 'dont-know'];

let connector: FakeConnector;
const running: RunningService[] = [];
const start = async () => {
  const service = await startTestService(env, { now: clock.now, dueWorkMaxHideSeconds: 1 });
  running.push(service);
  return service;
};
const stop = async (service: RunningService) => {
  running.splice(running.indexOf(service), 1);
  await service.stop();
};

/** Everyone answers C01 to C03 (C01 with a comment), each round differently. */
async function answerRound(service: RunningService, roundId: string, shift: number): Promise<void> {
  for (const [i, { who, level }] of staff.entries()) {
    for (const conditionId of ['C01', 'C02', 'C03']) {
      const rating = RATINGS[(i + shift + conditionId.charCodeAt(2)) % RATINGS.length]!;
      const comment = conditionId === 'C01' ? `Round comment ${shift}-${i}: supervision is regular here.` : '';
      await postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId, via: 'channel', rating, level, comment }));
    }
  }
}

const api = (service: RunningService, path: string) => `${service.url}/api/teams/${encodeURIComponent(TEAM.id)}${path}`;
const json = async (service: RunningService, path: string) => {
  const response = await fetch(api(service, path));
  return { status: response.status, body: await response.json() };
};
const bytes = async (service: RunningService, path: string) => Buffer.from(await (await fetch(api(service, path))).arrayBuffer());

const withoutToday = (reply: { status: number; body: unknown }) => {
  const { facts, ...rest } = reply.body as { facts: { planAsOf: object } };
  return { ...reply, body: { ...rest, facts: { ...facts, planAsOf: { ...facts.planAsOf, on: 'today' } } } };
};

/** Every figure the tab and its files show of a round: what must not move when its answers go. */
async function figuresOf(service: RunningService, roundId: string) {
  const round = `/rounds/${roundId}`;
  const csv = gridOf(parseCsv((await bytes(service, `${round}/export.csv`)).toString('utf8').replace(/^\uFEFF/, '')));
  const docx = openDocx(await bytes(service, `${round}/export.docx`));
  return {
    summary: await json(service, `${round}/summary`),
    participation: await json(service, `${round}/participation`),
    changes: await json(service, `${round}/changes`),
    // Its figures; the living plan it shows is dated today, whatever day that is.
    youSaidWeDid: withoutToday(await json(service, `${round}/you-said-we-did`)),
    // The grid, and the file's facts but the moment it was made and the day its plan is as of.
    csv: { header: csv.header, rows: csv.rows, before: csv.before.filter((line) => line[0] !== 'Exported' && line[0] !== 'Plan') },
    docx: docx.tables.map((table) => table.rows.filter((row) => row[0] !== 'Report made')),
  };
}

const answersIn = async (roundId: string) => {
  let count = 0;
  for await (const row of tables().answers.listEntities({ queryOptions: { filter: `PartitionKey eq '${roundId}'`, select: ['RowKey'] } })) if (row) count += 1;
  return count;
};
const roundRow = (roundId: string) => tables().rounds.getEntity(encodeKey(TEAM.id), `round-${roundId}`);
const comments = async (service: RunningService, roundId: string) => ((await json(service, `/rounds/${roundId}/conditions/C01/comments`)).body as { comments: unknown[] }).comments;

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, ...staff.map((s) => s.who)].map(asRosterMember));
});
afterAll(async () => {
  await Promise.all(running.map((service) => service.stop()));
  await connector?.close();
});

it('deletes the answers of rounds closed 400 days ago, across a restart, keeping every figure; a round closed before counts were kept is counted first', async () => {
  const first = await start();
  await postToBot(first, installedInTeam(connector.serviceUrl, PEOPLE.champion));

  // Round 1 is closed as before this change: no deletion scheduled, and (below) no counts kept.
  await startTheRound(first, connector);
  await first.settled();
  const round1 = (await first.services.rounds.findOpen(TEAM.id))!;
  await answerRound(first, round1.roundId, 0);
  await closeRoundNow(first);

  // Round 2 is closed by its champion in the channel: its deletion is scheduled for 400 days on.
  await startTheRound(first, connector);
  await first.settled();
  const round2 = (await first.services.rounds.findOpen(TEAM.id))!;
  await answerRound(first, round2.roundId, 2);
  await closeTheRound(first, connector, PEOPLE.champion);
  await first.settled();
  const closed2 = (await first.services.rounds.get(TEAM.id, round2.roundId))!;
  expect((await roundRow(round2.roundId)).answersExpireAt).toBe(new Date(Date.parse(closed2.closedAt!) + 400 * DAY_MS).toISOString());
  expect((await roundRow(round1.roundId)).answersExpireAt).toBeUndefined();
  await stop(first);

  // Round 1's row as a round closed before counts were kept at close has it.
  const stored = (await roundRow(round1.roundId)) as Record<string, unknown> & { partitionKey: string; rowKey: string };
  const { finalCounts: _counts, membersAtClose: _members, etag: _etag, timestamp: _timestamp, ['odata.metadata']: _metadata, ...legacy } = stored;
  await tables().rounds.updateEntity(legacy, 'Replace');

  // Started again: the sweep finds round 1 with nothing scheduled and schedules it.
  const second = await start();
  const closed1 = (await second.services.rounds.get(TEAM.id, round1.roundId))!;
  expect(closed1.finalCounts).toBeUndefined();
  await eventually(async () => ((await roundRow(round1.roundId)).answersExpireAt === new Date(Date.parse(closed1.closedAt!) + 400 * DAY_MS).toISOString() ? true : undefined), 15_000, "round 1's deletion to be scheduled");
  const before = { round1: await figuresOf(second, round1.roundId), round2: await figuresOf(second, round2.roundId), trends: await json(second, '/trends') };
  expect(before.round1.summary.status).toBe(200);
  expect(before.round2.changes.body).toMatchObject({ previousRound: { roundId: round1.roundId } });
  expect(await comments(second, round1.roundId)).toHaveLength(staff.length);
  expect(await answersIn(round1.roundId)).toBe(staff.length * 3);

  // 399 days after round 2's close nothing has gone.
  clock.setTo(new Date(Date.parse(closed2.closedAt!) + 399 * DAY_MS));
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(await answersIn(round1.roundId)).toBe(staff.length * 3);
  expect(await answersIn(round2.roundId)).toBe(staff.length * 3);

  // 400 days on: round 2's answers go; round 1's are counted and kept first, and go an hour later.
  clock.setTo(new Date(Date.parse(closed2.closedAt!) + 400 * DAY_MS + 1000));
  await eventually(async () => ((await roundRow(round2.roundId)).answersExpiredAt ? true : undefined), 20_000, "round 2's answers to be deleted");
  expect(await answersIn(round2.roundId)).toBe(0);
  await eventually(async () => ((await second.services.rounds.get(TEAM.id, round1.roundId))?.finalCounts ? true : undefined), 20_000, "round 1's counts to be kept");
  expect(await answersIn(round1.roundId)).toBe(staff.length * 3);
  expect((await roundRow(round1.roundId)).answersExpiredAt).toBeUndefined();
  clock.setTo(new Date(clock.now().getTime() + 60 * 60 * 1000 + 1000));
  await eventually(async () => ((await roundRow(round1.roundId)).answersExpiredAt ? true : undefined), 20_000, "round 1's answers to be deleted");
  expect(await answersIn(round1.roundId)).toBe(0);

  // Every figure as it was; the comments and each person's own answers gone, and the tab told why.
  const after = { round1: await figuresOf(second, round1.roundId), round2: await figuresOf(second, round2.roundId), trends: await json(second, '/trends') };
  expect(after).toEqual(before);
  // Comments are served stale-while-revalidate (RoundSummaryCache): the next refresh finds none.
  for (const { roundId } of [round1, round2]) await eventually(async () => ((await comments(second, roundId)).length === 0 ? true : undefined), 10_000, 'no comments');
  const practitioner = respondentIdFor(staff[0]!.who.aadObjectId, TEST_HMAC_KEY);
  expect(await second.services.answers.answersOf(round2.roundId, practitioner)).toEqual([]);
  const listed = ((await json(second, '/rounds')).body as { rounds: { roundId: string; answersExpiredAt?: string }[] }).rounds;
  expect(listed.map((r) => [r.roundId, typeof r.answersExpiredAt])).toEqual([[round2.roundId, 'string'], [round1.roundId, 'string']]);
  // The team's activity log records each deletion, by the app.
  const expired = (await second.services.activityLog.read(TEAM.id)).entries.filter((e) => e.kind === 'answers-expired');
  expect(expired.map((e) => [e.roundId, e.actor.kind])).toEqual([[round2.roundId, 'app'], [round1.roundId, 'app']]);
  await stop(second);
}, 120_000);

it('does nothing more when the job comes again, twice at once or later', async () => {
  const service = await start();
  const [round] = (await service.services.rounds.listForTeam(TEAM.id)).filter((r) => r.answersExpiredAt);
  expect(round).toBeDefined();
  const row = await roundRow(round!.roundId);
  const figures = await figuresOf(service, round!.roundId);
  const job: DueJob = { kind: 'expireAnswers', teamId: TEAM.id, roundId: round!.roundId, closedAt: round!.closedAt! };
  const work = (await freshDueWorkQueues({ prefix })).work;
  const waiting = await messageCount(work);
  await Promise.all([job, job, job].map((j) => service.services.dueWork.schedule(j, clock.now())));
  await eventually(async () => ((await messageCount(work)) === waiting ? true : undefined), 15_000, 'the jobs to be done');
  expect((await roundRow(round!.roundId)).answersExpiredAt).toBe(row.answersExpiredAt);
  expect(await figuresOf(service, round!.roundId)).toEqual(figures);
  expect((await service.services.activityLog.read(TEAM.id)).entries.filter((e) => e.kind === 'answers-expired' && e.roundId === round!.roundId)).toHaveLength(1);
  await stop(service);
}, 60_000);
