import { remindNow } from '../../bot/app/reminders/remindNow';
import { CONDITIONS } from '../../bot/domain/conditions';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import type { FakeConnector, RecordedCall } from '../support/fakeConnector';
import { chatOpenings, reminderActivities, remindersSent } from '../support/reminders';
import { reminderJobsOf } from '../support/reminderJobs';
import { startRoundInTeam } from '../support/roundInTeam';
import { asRosterMember, cardAction, channelCommand, PEOPLE, person, personalMessage, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot } from '../support/testService';
import type { RunningService } from '../../bot/service';
import type { AuditRound } from '../../bot/domain/auditRound';

/**
 * Issue 10, "Reminders that reveal no one": each member who has not answered every condition is
 * reminded one-to-one, naming the conditions still open for them; guests, people who blocked the
 * bot and people who opted out are skipped and counted; champions see counts only. The job
 * handlers are called as due work calls them (once, again, or twice at the same moment).
 */
const SAM = person('Sam Patel', 7);
const TEAM_MEMBERS: readonly TestPerson[] = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager, PEOPLE.leader, PEOPLE.admin, PEOPLE.outsider, SAM];
const GUEST = PEOPLE.admin;
const BLOCKED = PEOPLE.outsider;

let connector: FakeConnector;
let service: RunningService;
let round: AuditRound;
const url = () => connector.serviceUrl;
const asPerson = (p: TestPerson) => ({ entraObjectId: p.aadObjectId, name: p.name, teamsUserId: p.id });
const opensChatWith = (p: TestPerson) => (call: RecordedCall) => call.method === 'POST' && call.path === '/v3/conversations' && (call.body as { members?: { id: string }[] }).members?.[0]?.id === p.id;

async function answer(p: TestPerson, conditions: readonly string[]): Promise<void> {
  for (const conditionId of conditions) {
    const reply = await postToBot(service, cardAction(url(), p, VERBS.answer, { roundId: round.roundId, teamId: TEAM.id, conditionId, via: 'channel', rating: 'mostly', level: 'practitioner', comment: '' }));
    expect(reply.status).toBe(200);
  }
}

beforeAll(async () => {
  ({ connector, service } = await startRoundInTeam());
  // As Teams lists them: the guest from another organisation with userRole "guest".
  connector.setRoster(TEAM.id, TEAM_MEMBERS.map((p) => ({ ...asRosterMember(p), ...(p === GUEST ? { userRole: 'guest' } : {}) })));
  round = (await service.services.rounds.findOpen(TEAM.id))!;
  const every = CONDITIONS.map((c) => c.id);
  await answer(PEOPLE.manager, every);
  await answer(PEOPLE.leader, every);
  await answer(PEOPLE.practitioner, ['C01', 'C02', 'C03']);
  await service.settled();
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('a reminder wave', () => {
  const jobs = () => reminderJobsOf(service);
  let harness: ReturnType<typeof jobs>;

  it('reminds exactly those who have not answered every condition, each naming the conditions still open for them, and tells the champion counts only', async () => {
    const stopped = await postToBot(service, personalMessage(url(), SAM, 'stop reminders'));
    expect(stopped.status).toBe(200);
    expect(cardText(cardOf(connector.sentActivities().at(-1)?.activity))).toMatch(/no more reminders for\s+Children's Services – North\s+'s audit round 1/);
    connector.reset();
    connector.failNext(1, { status: 403, body: { error: { code: 'BotDisabledByAdmin', message: 'blocked' } } }, opensChatWith(BLOCKED));

    harness = jobs();
    const outcome = await remindNow({ ...service.services, dueWork: harness.dueWork }, TEAM.id, asPerson(PEOPLE.champion), round.postedIn!);
    expect(outcome.sent).toBe(true);
    await harness.runScheduled();

    const sent = remindersSent(connector);
    expect([...sent.keys()].sort()).toEqual([PEOPLE.champion.id, PEOPLE.practitioner.id].sort());
    const [toPractitioner] = sent.get(PEOPLE.practitioner.id)!;
    expect(toPractitioner).toMatch(/9 conditions are still open for you/);
    for (const c of CONDITIONS) {
      const line = `${c.number}. ${c.text}`;
      if (c.number <= 3) expect(toPractitioner).not.toContain(line);
      else expect(toPractitioner).toContain(line);
    }
    expect(sent.get(PEOPLE.champion.id)![0]).toMatch(/12 conditions are still open for you/);
    expect(chatOpenings(connector, BLOCKED.id)).toBe(1);
    for (const skipped of [PEOPLE.manager, PEOPLE.leader, GUEST, SAM]) expect(chatOpenings(connector, skipped.id)).toBe(0);

    const report = connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).map((s) => cardText(cardOf(s.activity)));
    expect(report).toEqual([expect.stringMatching(/^Reminders for audit round 1\n2 people reminded; 3 not reminded, as they had answered every condition or Teams could not reach them; 1 guest not reminded; 1 had asked for no reminders\./)]);
    for (const p of TEAM_MEMBERS) expect(report[0]).not.toContain(p.name);
  });

  it('sends nothing twice when the wave and its batch are delivered again', async () => {
    const before = connector.calls.length;
    const { job: wave } = harness.scheduled[0]!;
    const { job: batch } = harness.scheduled[1]!;
    await harness.run(wave);
    await harness.run(batch);
    expect(harness.scheduled).toHaveLength(2);
    expect(connector.calls.slice(before)).toEqual([]);
  });

  it('shows the champion when reminders went and how many, in status', async () => {
    await postToBot(service, channelCommand(url(), PEOPLE.champion, 'status'));
    expect(cardText(cardOf(connector.sentActivities().at(-1)?.activity))).toMatch(/Reminders\n\d+ \w+ \d{4}, 2 people reminded(\n|$)/);
  });

  it('reminds each person once when one batch is delivered twice at the same moment', async () => {
    connector.reset();
    const concurrent = jobs();
    await concurrent.run({ kind: 'reminderWave', teamId: TEAM.id, roundId: round.roundId, waveId: 'concurrent' });
    const [batch] = concurrent.scheduled;
    await Promise.all([concurrent.run(batch!.job), concurrent.run(batch!.job)]);

    const sent = remindersSent(connector);
    expect([...sent.keys()].sort()).toEqual([PEOPLE.champion.id, PEOPLE.practitioner.id, BLOCKED.id].sort());
    for (const cards of sent.values()) expect(cards).toHaveLength(1);
    const wave = await service.services.reminders.waves.wave(round.roundId, 'concurrent');
    expect(wave?.totals).toMatchObject({ reminded: 3, complete: 2, guests: 1, optedOut: 1, unreachable: 0 });
  });

  it('stops reminding a person who presses "Stop reminders for this round" on a reminder', async () => {
    const [reminder] = reminderActivities(connector, PEOPLE.champion.id);
    const stop = executeActions(cardOf(reminder)).find((a) => a.verb === VERBS.stopReminders)!;
    const reply = await postToBot(service, cardAction(url(), PEOPLE.champion, stop.verb, stop.data, 'personal'));
    expect(cardText(cardOf(reply.body))).toMatch(/^Reminders stopped\nYou will get no more reminders for/);

    connector.reset();
    const again = jobs();
    await again.run({ kind: 'reminderWave', teamId: TEAM.id, roundId: round.roundId, waveId: 'after-stop' });
    await again.runScheduled();
    expect([...remindersSent(connector).keys()].sort()).toEqual([PEOPLE.practitioner.id, BLOCKED.id].sort());
  });
});

describe('a champion asking for reminders', () => {
  it('is refused politely a second time within three days, saying when it will be possible', async () => {
    const harness = reminderJobsOf(service);
    const again = await remindNow({ ...service.services, dueWork: harness.dueWork }, TEAM.id, asPerson(PEOPLE.champion), round.postedIn!);
    expect(again).toMatchObject({ sent: false });
    expect(harness.scheduled).toEqual([]);
  });
});
