import { VERBS } from '../../bot/teams/cards/actions';
import { CONDITIONS } from '../../bot/domain/conditions';
import type { RunningService } from '../../bot/service';
import { reminderOutcomeCard } from '../../bot/teams/cards';
import { cardText } from '../support/cardText';
import type { FakeConnector, RecordedCall } from '../support/fakeConnector';
import { reminderJobsOf } from '../support/reminderJobs';
import { startRoundInTeam } from '../support/roundInTeam';
import { cardAction, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * Issue 10, "Reminders that reveal no one", played by an attacker (the review of 29 Nov 2026): a
 * champion knows one colleague has blocked Practice Audit. Teams is only tried for people who have
 * not answered everything, so whether that colleague "could not be reached" depends on whether
 * they have answered. What the champion is shown of a wave must read the same either way.
 */
const BLOCKED = PEOPLE.practitioner;
let connector: FakeConnector;
let service: RunningService;
let roundId: string;
const blocksTheBot = (call: RecordedCall) => call.method === 'POST' && call.path === '/v3/conversations' && (call.body as { members?: { id: string }[] }).members?.[0]?.id === BLOCKED.id;

async function answerEverything(p: TestPerson): Promise<void> {
  for (const { id: conditionId } of CONDITIONS) {
    const reply = await postToBot(service, cardAction(connector.serviceUrl, p, VERBS.answer, { roundId, teamId: TEAM.id, conditionId, via: 'channel', rating: 'mostly', level: 'practitioner', comment: '' }));
    expect(reply.status).toBe(200);
  }
}

/** A wave run to its end, and the outcome as the champion's thread would show it. */
async function shownOutcome(waveId: string): Promise<string> {
  connector.failNext(100, { status: 403, body: { error: { code: 'BotDisabledByAdmin', message: 'blocked' } } }, blocksTheBot);
  const jobs = reminderJobsOf(service);
  await jobs.run({ kind: 'reminderWave', teamId: TEAM.id, roundId, waveId });
  await jobs.runScheduled();
  connector.reset();
  const { totals } = (await service.services.reminders.waves.wave(roundId, waveId))!;
  const round = (await service.services.rounds.findOpen(TEAM.id))!;
  return cardText(reminderOutcomeCard({ round, totals: totals! }));
}

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: [PEOPLE.champion, BLOCKED, PEOPLE.manager] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it('shows the champion the same outcome whether or not a person known to have blocked the bot has answered every condition', async () => {
  const before = await shownOutcome('before');
  await answerEverything(BLOCKED);
  await service.settled();
  const after = await shownOutcome('after');
  expect(after).toBe(before);
  expect(before).toMatch(/^Reminders for audit round 1\n2 people reminded; 1 not reminded, as they had answered every condition or Teams could not reach them\./);
});
