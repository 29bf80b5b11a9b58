import type { PostingAddress } from '../../bot/domain/auditRound';
import type { RunningService } from '../../bot/service';
import { startEmbeddedAzurite } from '../../bot/storage/embeddedAzurite';
import { noticeCard } from '../../bot/teams/cards';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { BOT, TEAM, TENANT_ID } from '../support/teamsActivities';
import { startTestService } from '../support/testService';

/**
 * Teams allows an app 50 requests a second in a tenant, whichever instance of the app makes them
 * (issue 10). One-to-one reminders are bound by it: each person costs a chat created and a
 * message sent. Instances of the service sending reminders at the same moment keep it together.
 */
const REMINDER = noticeCard({ text: 'Audit round 1 closes on Friday: 3 conditions are still open for you.' });

/** The team's channel: which Teams service and tenant a one-to-one chat is opened through. */
const viaTeam = (connector: FakeConnector): PostingAddress => ({
  bot: BOT,
  channelId: 'msteams',
  serviceUrl: connector.serviceUrl,
  conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
});

const staff = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `29:staff-${from + i}`);

/** Opens a chat with each person at once, as a reminder run hands them all to the Teams port. */
const remind = (service: RunningService, connector: FakeConnector, people: string[]) =>
  Promise.all(people.map((person) => service.teamsPort.openPersonalChat(viaTeam(connector), person, REMINDER)));

describe('two instances reminding people at the same moment', () => {
  let connector: FakeConnector;
  let first: RunningService;
  let second: RunningService;
  beforeAll(async () => {
    connector = await startFakeConnector({ everyoneIsAMember: true });
    const shared = { TABLES_PREFIX: uniqueTablePrefix() };
    [first, second] = await Promise.all([startTestService(shared), startTestService(shared)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await connector?.close();
  });

  it('reach every person once, and never make more than 50 requests to Teams in any one second between them', async () => {
    await Promise.all([remind(first, connector, staff(1, 150)), remind(second, connector, staff(151, 300))]);

    const received = connector.messagesPerPerson();
    expect(received.size).toBe(300);
    expect([...received.values()].every((messages) => messages === 1)).toBe(true);
    // A chat created and a message sent for each person, and nothing refused (429) or retried.
    expect(connector.calls).toHaveLength(600);
    expect(connector.calls.every((call) => call.status < 300)).toBe(true);
    expect(connector.mostCallsInAnySecond()).toBeLessThanOrEqual(50);
  }, 90_000);
});

describe('when Table storage cannot be reached', () => {
  it("an instance still reminds everyone, at its own 46 requests a second, and warns once (not for every send)", async () => {
    const connector = await startFakeConnector({ everyoneIsAMember: true });
    const azurite = await startEmbeddedAzurite({ inMemory: true });
    const logLines: string[] = [];
    const service = await startTestService({ TABLES_CONNECTION_STRING: azurite.connectionString }, { logLines });
    try {
      await azurite.stop();

      await remind(service, connector, staff(1, 60));

      const received = connector.messagesPerPerson();
      expect(received.size).toBe(60);
      expect([...received.values()].every((messages) => messages === 1)).toBe(true);
      expect(connector.mostCallsInAnySecond()).toBeLessThanOrEqual(50);
      const warnings = logLines.map((line) => JSON.parse(line) as { level: string; event: string }).filter((line) => line.event === 'send_schedule_unavailable');
      expect(warnings).toEqual([expect.objectContaining({ level: 'warn' })]);
    } finally {
      await service.stop();
      await azurite.stop();
      await connector.close();
    }
  }, 60_000);
});
