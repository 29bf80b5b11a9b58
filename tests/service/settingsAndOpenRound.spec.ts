import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions, inputValues } from '../support/cardText';
import { freshDueWorkQueues, messageCount } from '../support/dueWork';
import type { FakeConnector } from '../support/fakeConnector';
import { remindersSent } from '../support/reminders';
import { reminderJobsOf } from '../support/reminderJobs';
import { startRoundInTeam } from '../support/roundInTeam';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { cardAction, channelCommand, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * Settings saved while a round is open: they are for the rounds opened from then on. The open
 * round keeps the close date and the automatic reminders planned when it opened, unless a champion
 * extends it, which plans its reminders again with the settings as they are then; the card that
 * saves them says so, so nobody expects the open round's reminders to change (or stop).
 */
const MEMBERS = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager];
const prefix = uniqueTablePrefix();
let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const send = (activity: unknown) => postToBot(service, activity);
/** Due work's messages kept for the service (hidden until due, or visible). */
const jobsKept = async () => messageCount((await freshDueWorkQueues({ prefix })).work);

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: MEMBERS, env: { TABLES_PREFIX: prefix } }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it("turning automatic reminders off says the open round keeps its own until it is extended, and it does: its planned reminder still goes, and an extension plans none", async () => {
  await send(channelCommand(connector.serviceUrl, PEOPLE.champion, 'settings'));
  const shown = cardOf(connector.sentActivities().at(-1)?.activity);
  expect(cardText(shown)).toContain('A round already open keeps its close date and its automatic reminders as planned when it opened; if a champion extends it, its reminders follow the settings as they are then.');
  const button = executeActions(shown).find((a) => a.verb === VERBS.saveSettings)!;
  const saved = await send(cardAction(connector.serviceUrl, PEOPLE.champion, VERBS.saveSettings, { ...button.data, ...inputValues(shown), remindHalfway: 'false', remindDaysBefore: '' }));
  expect(cardText(cardOf(saved.body))).toMatch(
    /^Saved\. Rounds opened from now on follow these settings\. A round already open keeps its close date and its reminders as planned when it opened, unless it is extended: its reminders then follow these settings\./,
  );
  expect((await service.services.teamSettings.get(TEAM.id)).settings.reminders).toEqual([]);
  expect(await loggedBy('settings-changed')).toEqual([PEOPLE.champion.name]);

  // The open round's first automatic reminder, as planned when it opened, comes due: it goes, as the card said.
  const round = (await service.services.rounds.get(TEAM.id, roundId))!;
  const jobs = reminderJobsOf(service);
  await jobs.run({ kind: 'reminderWave', teamId: TEAM.id, roundId, waveId: 'auto-1', closesAt: round.closesAt! });
  await jobs.runScheduled();
  expect(remindersSent(connector).size).toBe(MEMBERS.length);

  // Extended: its new close is planned, and no reminder, as the team's settings now have none.
  const before = await jobsKept();
  await send(channelCommand(connector.serviceUrl, PEOPLE.champion, 'extend 1 day'));
  expect((await service.services.rounds.get(TEAM.id, roundId))!.closesAt).not.toBe(round.closesAt);
  expect((await jobsKept()) - before).toBe(1);
  expect(await loggedBy('round-extended')).toEqual([PEOPLE.champion.name]);
});

/** Who the team's activity log names for each entry of a kind (issue 12). */
async function loggedBy(kind: string): Promise<string[]> {
  const { entries } = await service.services.activityLog.read(TEAM.id);
  return entries.filter((e) => e.kind === kind).map((e) => (e.actor.kind === 'person' ? e.actor.name : e.actor.kind));
}
