import { remindNow } from '../../bot/app/reminders/remindNow';
import type { RunningService } from '../../bot/service';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { remindersSent } from '../support/reminders';
import { reminderJobsOf } from '../support/reminderJobs';
import { startTheRound } from '../support/startRound';
import { asRosterMember, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/**
 * Teams names the team in its install event, but a channel message or a card action carries the
 * team's id alone (so does the Agents Playground, where this showed: its reminders said "your
 * team"). A round opened by "Open the round" keeps the name the install gave, for the reminders
 * and chat cards that name the team.
 */
let connector: FakeConnector;
let service: RunningService;

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [asRosterMember(PEOPLE.champion)]);
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it("names the team in a round's reminders when the champion's card action named no team", async () => {
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion)); // names the team, as Teams' install event does
  // "@Practice Audit start" and "Open the round" as Teams sends them: channelData.team has no name.
  const pressed = await startTheRound(service, connector, { team: { id: TEAM.id, name: '' } });
  expect(pressed.status).toBe(200);
  await service.settled();
  const round = await service.services.rounds.findOpen(TEAM.id);
  expect(round).toMatchObject({ number: 1, teamName: TEAM.name });

  const jobs = reminderJobsOf(service);
  const champion = { entraObjectId: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name, teamsUserId: PEOPLE.champion.id };
  await remindNow({ ...service.services, dueWork: jobs.dueWork }, TEAM.id, champion, round!.postedIn!);
  await jobs.runScheduled();
  const reminders = remindersSent(connector).get(PEOPLE.champion.id) ?? [];
  expect(reminders).toHaveLength(1);
  expect(reminders[0]).toMatch(/^A reminder: your practice audit\nChildren's Services – North\s+has audit round 1 open/);
});
