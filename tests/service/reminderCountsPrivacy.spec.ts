import { VERBS } from '../../bot/teams/cards/actions';
import { CONDITIONS } from '../../bot/domain/conditions';
import type { RunningService } from '../../bot/service';
import { remindNow } from '../../bot/app/reminders/remindNow';
import { cardOf, cardText } from '../support/cardText';
import type { FakeConnector } from '../support/fakeConnector';
import { reminderJobsOf } from '../support/reminderJobs';
import { startRoundInTeam } from '../support/roundInTeam';
import { cardAction, PEOPLE, personalMessage, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * Issue 10, "Reminders that reveal no one": champions see counts only, and the counts must not
 * tell them what one person they can name has done. People tell colleagues "I have turned the
 * reminders off"; a champion who knows that must not learn from a wave's outcome whether that
 * person has answered every condition. So "had asked for no reminders" counts everyone who asked,
 * whether or not they have answered.
 */
const MEMBERS: readonly TestPerson[] = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager, PEOPLE.leader];
/** Tells the champion they stopped their reminders. */
const KNOWN = PEOPLE.practitioner;

let connector: FakeConnector;
let service: RunningService;
let roundId: string;

async function answerEverything(p: TestPerson): Promise<void> {
  for (const { id: conditionId } of CONDITIONS) {
    const reply = await postToBot(service, cardAction(connector.serviceUrl, p, VERBS.answer, { roundId, teamId: TEAM.id, conditionId, via: 'channel', rating: 'mostly', level: 'practitioner', comment: '' }));
    expect(reply.status).toBe(200);
  }
}

/** A wave as a champion's `remind` makes it (the three days between two set aside), and the outcome posted in their thread. */
async function waveOutcome(waveId: string): Promise<string> {
  const jobs = reminderJobsOf(service);
  await jobs.run({ kind: 'reminderWave', teamId: TEAM.id, roundId, waveId });
  await jobs.runScheduled();
  const totals = (await service.services.reminders.waves.wave(roundId, waveId))!.totals!;
  return `${totals.complete} complete, ${totals.optedOut} opted out, ${totals.reminded} reminded`;
}

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: MEMBERS }));
  await answerEverything(PEOPLE.manager);
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it("gives the same counts whether or not a person known to have stopped their reminders has answered every condition", async () => {
  expect((await postToBot(service, personalMessage(connector.serviceUrl, KNOWN, 'stop reminders'))).status).toBe(200);
  const before = await waveOutcome('before-they-answer');

  await answerEverything(KNOWN);
  await service.settled();
  const after = await waveOutcome('after-they-answer');

  expect(after).toBe(before);
  expect(before).toBe('1 complete, 1 opted out, 2 reminded');
});

it("says so in the champion's thread in the same words either way", async () => {
  const jobs = reminderJobsOf(service);
  const champion = { entraObjectId: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name, teamsUserId: PEOPLE.champion.id };
  const round = (await service.services.rounds.findOpen(TEAM.id))!;
  connector.reset();
  expect((await remindNow({ ...service.services, dueWork: jobs.dueWork }, TEAM.id, champion, round.postedIn!)).sent).toBe(true);
  await jobs.runScheduled();
  const report = connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).map((s) => cardText(cardOf(s.activity)));
  expect(report).toEqual([expect.stringMatching(/^Reminders for audit round 1\n2 people reminded; 1 not reminded, as they had answered every condition or Teams could not reach them; 1 had asked for no reminders\./)]);
});
