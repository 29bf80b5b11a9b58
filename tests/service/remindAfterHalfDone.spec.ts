import type { RunningService } from '../../bot/service';
import { cardOf, cardText } from '../support/cardText';
import type { FakeConnector } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { eventually } from '../support/serviceProcess';
import { channelCommand, PEOPLE, TEAM } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot } from '../support/testService';

/**
 * Never claim what did not happen (issue 10, the attacker's review): a champion's `remind` records
 * its time, then stores its wave and the wave's job. If it stopped in between (an instance stopped,
 * or storage failed and could not take the record back), no reminder is on its way, and the next
 * `remind` must not say "reminders were asked for recently" for three days.
 */
const MEMBERS = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager];

let connector: FakeConnector;
let service: RunningService;
let roundId: string;
const clock = testClock();
const threadPosts = () => connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).map((s) => cardText(cardOf(s.activity)));
const say = async (words: string) => {
  const before = connector.sentActivities().length;
  await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, words));
  return cardText(cardOf(connector.sentActivities().slice(before).at(-1)?.activity));
};

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: MEMBERS, env: { DUE_WORK_POLL_MS: '100' }, now: clock.now }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it('reminds when the last remind recorded its time but stored no wave', async () => {
  const { waves } = service.services.reminders;
  expect(await waves.claimManualReminder(roundId, clock.now().toISOString(), undefined)).toBe(true);

  expect(await say('remind')).toMatch(/^Reminders for audit round 1\nReminding everyone/);
  await eventually(() => threadPosts().find((text) => /^3 people reminded\./m.test(text)), 10_000, 'the outcome');
});

it('holds a champion back while a wave that has not started yet may still start, and not once it plainly will not', async () => {
  clock.setTo(new Date(clock.now().getTime() + 3 * 24 * 60 * 60_000 + 60_000));
  const { waves } = service.services.reminders;
  const last = await waves.lastManualReminder(roundId);
  const at = clock.now().toISOString();
  expect(await waves.claimManualReminder(roundId, at, last)).toBe(true);
  // Its wave's row, but no job: as when storing the job failed, and so did taking the record back.
  await waves.openWave({ teamId: TEAM.id, roundId, waveId: `manual-${at}`, createdAt: at });

  expect(await say('remind')).toMatch(/^Reminders asked for recently/);
  clock.setTo(new Date(clock.now().getTime() + 16 * 60_000));
  expect(await say('remind')).toMatch(/^Reminders for audit round 1\nReminding everyone/);
});
