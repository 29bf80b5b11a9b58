import type { RunningService } from '../../bot/service';
import { cardOf, cardText } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { asRosterMember, BOT, channelCommand, installedInTeam, PEOPLE, person, personalMessage, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { openRoundCardIn, pressOpenRound } from '../support/startRound';

/**
 * Commands in a channel as Teams clients really send them: mentions split into pieces, a
 * "mention" typed as plain text, words the bot does not know. The real service over HTTP.
 */
let connector: FakeConnector;
let service: RunningService;
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const lastSentText = () => cardText(cardOf(connector.sentActivities().at(-1)?.activity));
const SAM = person('Sam Patel', 7);
const mentionOf = (who: { id: string }, piece: string) => ({ type: 'mention', text: `<at>${piece}</at>`, mentioned: { id: who.id, name: piece } });

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner, SAM].map(asRosterMember));
  service = await startTestService();
  await send(installedInTeam(url(), PEOPLE.champion));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('commands in a channel', () => {
  it('names one champion as one person: "This team\'s practice champion is Amara Okafor"', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'champions'));
    expect(lastSentText()).toMatch(/This team's practice champion is Amara Okafor\./);
    expect(lastSentText()).not.toMatch(/champions are Amara Okafor/);
  });

  it('adds one person, Sam Patel, from "champions add <at>Sam</at> <at>Patel</at>" (one mention split per word)', async () => {
    const activity = {
      ...channelCommand(url(), PEOPLE.champion, 'champions add'),
      text: `<at>${BOT.name}</at> champions add <at>Sam</at> <at>Patel</at>`,
      entities: [mentionOf(BOT, BOT.name), mentionOf(SAM, 'Sam'), mentionOf(SAM, 'Patel')],
    };
    await send(activity);
    expect(lastSentText()).toMatch(/^Sam Patel was added\. This team's practice champions are now Amara Okafor and Sam Patel\.$/m);
    expect((await service.services.champions.list(TEAM.id)).map((c) => c.name)).toEqual(expect.arrayContaining(['Amara Okafor', 'Sam Patel']));
    expect(await service.services.champions.list(TEAM.id)).toHaveLength(2);
    // The team's activity log names who named whom (issue 12).
    const named = (await service.services.activityLog.read(TEAM.id)).entries.filter((e) => e.kind === 'champion-named');
    expect(named.map((e) => [e.actor.kind === 'person' ? e.actor.name : e.actor.kind, e.summary.includes('Sam Patel')])).toContainEqual(['Amara Okafor', true]);
  });

  it("strips the bot's own mention when it comes in pieces too", async () => {
    const activity = {
      ...channelCommand(url(), PEOPLE.champion, 'champions'),
      text: '<at>Practice</at> <at>Audit</at> champions',
      entities: [mentionOf(BOT, 'Practice'), mentionOf(BOT, 'Audit')],
    };
    await send(activity);
    expect(lastSentText()).toMatch(/This team's practice champions are Amara Okafor and Sam Patel\./);
  });

  it('says what it did not understand before the help', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'xyz'));
    const reply = lastSentText();
    expect(reply.split('\n')[0]).toBe('I didn\'t understand "xyz". Here is what Practice Audit can do.');
    expect(reply).toMatch(/^help$/m);
  });

  it('runs "@Practice Audit start" typed as plain text, without a mention entity, as start', async () => {
    const plain = { ...channelCommand(url(), PEOPLE.champion, 'start'), text: '@Practice Audit start', entities: [] };
    await send(plain);
    await pressOpenRound(service, connector, PEOPLE.champion, openRoundCardIn(connector.sentActivities())!);
    await service.settled();
    expect(await service.services.rounds.findOpen(TEAM.id)).toMatchObject({ number: 1, status: 'open' });
    const bare = { ...channelCommand(url(), PEOPLE.champion, 'status'), text: 'status', entities: [] };
    await send(bare);
    expect(lastSentText()).toMatch(/Audit round 1/);
  });
});

describe('a command in the wrong place', () => {
  const sentTo = (who: { aadObjectId: string }) => connector.sentActivities().filter((s) => s.conversationId === `a:personal-${who.aadObjectId}`);

  it('answers a channel command typed in the one-to-one chat with where it works, not with another condition card', async () => {
    await service.settled();
    for (const words of ['status', 'close', 'extend', 'settings']) {
      const before = sentTo(PEOPLE.champion).length;
      await send(personalMessage(url(), PEOPLE.champion, words));
      const replies = sentTo(PEOPLE.champion).slice(before).map((s) => cardText(cardOf(s.activity)));
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatch(new RegExp(`"${words}" works in your team's channel: type @, pick Practice Audit`));
      expect(replies[0]).not.toMatch(/Condition \d+ of 12/);
    }
  });

  it('says it did not understand words in the chat, rather than posting the next condition again', async () => {
    const before = sentTo(PEOPLE.practitioner).length;
    await send(personalMessage(url(), PEOPLE.practitioner, 'blah blah'));
    const replies = sentTo(PEOPLE.practitioner).slice(before).map((s) => cardText(cardOf(s.activity)));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^I didn't understand "blah blah"\. Here is what Practice Audit can do\./);
    expect(replies[0]).not.toMatch(/Condition \d+ of 12/);
  });

  it('says where to answer one-to-one when "audit" is said in the channel', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'audit'));
    expect(lastSentText()).toMatch(/open a chat with Practice Audit and say "audit"/);
  });
});
