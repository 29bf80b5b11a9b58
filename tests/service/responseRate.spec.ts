import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText } from '../support/cardText';
import { closeTheRound } from '../support/closeRound';
import type { FakeConnector, RecordedCall, RosterMember } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { asRosterMember, BOT, cardAction, channelCommand, PEOPLE, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * Issue 10, the response rate: "37 of 52 members (71%)", the team's roster (read from Teams with
 * its paged member calls, cached) as the denominator. The real service over HTTP, the real
 * Azurite, and the fake connector as Teams, answering `pagedmembers` with continuation tokens.
 */
const NO_RATES_BY_LEVEL = 'There are no response rates by level: people who have not answered have given no level.';
const CHAMPION = PEOPLE.champion;

let connector: FakeConnector | undefined;
let service: RunningService | undefined;
afterEach(async () => {
  await service?.stop();
  await connector?.close();
  service = undefined;
  connector = undefined;
});

/** A round started in TEAM with this roster; the champion is in it. */
async function roundWithRoster(roster: readonly RosterMember[], env: Record<string, string> = {}) {
  const started = await startRoundInTeam({ env });
  ({ connector, service } = started);
  connector.setRoster(TEAM.id, [...roster]);
  connector.reset();
  return started;
}

const staff = (count: number, from = 100): TestPerson[] => Array.from({ length: count }, (_, i) => person(`Staff ${from + i}`, from + i));
const rosterOf = (people: readonly TestPerson[]): RosterMember[] => [asRosterMember(CHAMPION), ...people.map(asRosterMember)];

async function answer(started: { connector: FakeConnector; service: RunningService; roundId: string }, who: TestPerson, conditionId: string) {
  const reply = await postToBot(started.service, cardAction(started.connector.serviceUrl, who, VERBS.answer, { roundId: started.roundId, teamId: TEAM.id, conditionId, via: 'channel', rating: 'mostly', level: 'practitioner' }));
  expect(reply.status).toBe(200);
}

/** The champion's `status`, as the card the bot replied with. */
async function status(started: { connector: FakeConnector; service: RunningService }): Promise<Record<string, unknown>> {
  const before = started.connector.sentActivities().length;
  await postToBot(started.service, channelCommand(started.connector.serviceUrl, CHAMPION, 'status'));
  const reply = started.connector.sentActivities().slice(before).at(-1);
  return cardOf(reply?.activity)!;
}

/** A FactSet's value by its title, as the card shows it. */
function fact(card: unknown, title: string): string | undefined {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as { title?: unknown; value?: unknown };
    if (element.title === title && typeof element.value === 'string') found.push(element.value);
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return found[0];
}

const rosterReads = (calls: readonly RecordedCall[]) => calls.filter((c) => c.method === 'GET' && c.path.endsWith('/pagedmembers'));

it('status reads a team of 1,203 people page by page (500 a page), leaves the bots out, and counts against them; concurrent and later statuses read it no more', async () => {
  const people = staff(1_200);
  const guests: RosterMember[] = [
    { ...asRosterMember(person('Partner agency worker', 9_001)), userRole: 'guest' },
    { ...asRosterMember(person('Volunteer', 9_002)), userRole: 'guest' },
  ];
  const started = await roundWithRoster([...rosterOf(people), ...guests, { id: BOT.id, name: BOT.name }, { id: '28:another-bot', name: 'Polly' }]);
  await answer(started, people[0]!, 'C01');
  await answer(started, people[1]!, 'C01');
  await answer(started, people[1]!, 'C02');

  const [first, second] = await Promise.all([status(started), status(started)]);

  expect(rosterReads(started.connector.calls).map((c) => c.query)).toEqual([
    { pageSize: '500' },
    { pageSize: '500', continuationToken: '500' },
    { pageSize: '500', continuationToken: '1000' },
  ]);
  for (const card of [first, second]) {
    // 2 of 1,203 is 0.17%: shown as 1%, never 0% once someone has answered.
    expect(cardText(card)).toContain('Response rate: 2 of 1,203 members (1%).');
    expect(fact(card, '1. Systems aligned across agencies')).toBe('2 of 1,203 (1%)');
    expect(fact(card, '2. Leadership at all levels')).toBe('1 of 1,203 (1%)');
    expect(fact(card, '3. A clear model of good practice')).toBe('0 of 1,203 (0%)');
    expect(cardText(card)).toContain(NO_RATES_BY_LEVEL);
  }

  // Within the cache time (ROSTER_CACHE_MS, 10 minutes by default) Teams is not asked again.
  await answer(started, people[2]!, 'C01');
  expect(cardText(await status(started))).toContain('Response rate: 3 of 1,203 members (1%).');
  expect(rosterReads(started.connector.calls)).toHaveLength(3);
});

it('the closing card gives the response rate, and the closed round keeps it after the team changes; while open, someone leaving changes only the denominator', async () => {
  const people = staff(51);
  // ROSTER_CACHE_MS=0: every read is of the team as it is now, so nothing below is the cache's doing.
  const started = await roundWithRoster(rosterOf(people), { ROSTER_CACHE_MS: '0' });
  for (const who of people.slice(0, 4)) await answer(started, who, 'C01');
  await answer(started, people[0]!, 'C02');
  expect(cardText(await status(started))).toContain('Response rate: 4 of 52 members (8%).');

  // Someone who answered leaves: the count of people who answered stands, the team is one smaller.
  started.connector.setRoster(TEAM.id, rosterOf(people.slice(1)));
  const afterLeaving = await status(started);
  expect(cardText(afterLeaving)).toContain('Response rate: 4 of 51 members (8%).');
  expect(fact(afterLeaving, '1. Systems aligned across agencies')).toBe('4 of 51 (8%)');

  started.connector.reset();
  await closeTheRound(started.service, started.connector, CHAMPION);
  await started.service.settled();

  const round = (await started.service.services.rounds.get(TEAM.id, started.roundId))!;
  expect(round.membersAtClose).toBe(51);
  const outcome = cardText(cardOf(started.connector.updates().at(-1)?.body));
  expect(outcome).toMatch(/Audit round 1 is closed\. 4 people took part\. Response rate: 4 of 51 members \(8%\)\./);
  const intro = started.connector.updates().filter((u) => u.activityId === round.introMessageId).at(-1);
  expect(cardText(cardOf(intro?.body))).toContain('Response rate: 4 of 51 members (8%).');
  expect(fact(cardOf(intro?.body), '2. Leadership at all levels')).toBe('1 of 51 (2%)');
  const c01 = started.connector.updates().filter((u) => u.activityId === round.conditionMessageIds.C01).at(-1);
  expect(cardText(cardOf(c01?.body))).toContain('4 people answered this condition. Completion: 4 of 51 members (8%).');

  // The team doubles after the close: the closed round's rate does not move, and Teams is not asked.
  started.connector.setRoster(TEAM.id, rosterOf(staff(101)));
  started.connector.reset();
  const reply = await fetch(`${started.service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${started.roundId}/participation`);
  expect(await reply.json()).toMatchObject({ results: 'released', respondents: 4, teamSize: { known: true, members: 51 } });
  expect(rosterReads(started.connector.calls)).toEqual([]);
});

it("when Teams will not give the roster (403, or 5xx after retries), status and the closing card show the counts without a denominator and say the team's size could not be read", async () => {
  const people = staff(10);
  const started = await roundWithRoster(rosterOf(people), { ROSTER_CACHE_MS: '0' });
  await answer(started, people[0]!, 'C01');
  started.connector.failNext(1, { status: 403, body: { error: { code: 'Forbidden', message: 'The bot is not part of the team' } } }, (call) => call.path.endsWith('/pagedmembers'));

  const card = await status(started);

  expect(cardText(card)).toContain('1 person has answered at least one condition.');
  expect(cardText(card)).toContain("No response rate: the team's size could not be read from Teams just now.");
  expect(fact(card, '1. Systems aligned across agencies')).toBe('1');
  expect(cardText(card)).not.toMatch(/\d+ of \d+|%/);
  expect(rosterReads(started.connector.calls).map((c) => c.status)).toEqual([403]);

  started.connector.reset();
  started.connector.failNext(5, { status: 503, retryAfterSeconds: 0 }, (call) => call.path.endsWith('/pagedmembers'));
  await closeTheRound(started.service, started.connector, CHAMPION);
  await started.service.settled();

  expect(rosterReads(started.connector.calls).map((c) => c.status)).toEqual([503, 503, 503, 503, 503]);
  const outcome = cardText(cardOf(started.connector.updates().at(-1)?.body));
  expect(outcome).toMatch(/1 person took part\. No response rate: the team's size could not be read from Teams just now\./);
  const round = (await started.service.services.rounds.get(TEAM.id, started.roundId))!;
  expect(round.membersAtClose).toBeUndefined();
  const intro = started.connector.updates().filter((u) => u.activityId === round.introMessageId).at(-1);
  expect(cardText(cardOf(intro?.body))).toContain("No response rate: the team's size was not recorded when this round closed.");
  expect(cardText(cardOf(intro?.body))).not.toMatch(/\d+ of \d+|%/);

  // Teams answers again later: the closed round still has no rate, never one against today's team.
  const reply = await fetch(`${started.service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${started.roundId}/participation`);
  expect(await reply.json()).toMatchObject({ results: 'released', respondents: 1, teamSize: { known: false, why: 'not-kept' } });
});
