// The Teams port as botbuilder implements it (bot/teams/botbuilder/), against the fake Bot
// Connector: the real CloudAdapter, its connector client and the paced pipeline the adapter
// installs, in incoming turns (an activity processed as /api/messages would) and proactive ones.
import { ActivityHandler } from 'botbuilder';
import type { PostingAddress } from '../../bot/domain/auditRound';
import { createLogger } from '../../bot/logger';
import { noticeCard, type AdaptiveCard } from '../../bot/teams/cards';
import { parseCommand } from '../../bot/teams/commands';
import { createBotAdapter } from '../../bot/teams/botbuilder/adapter';
import { incomingActivities } from '../../bot/teams/botbuilder/incomingActivities';
import { createTeamsPort } from '../../bot/teams/botbuilder/proactive';
import { teamsTurnOf } from '../../bot/teams/botbuilder/turn';
import type { TeamsTurn } from '../../bot/teams/teamsPort';
import { cardOf, cardText } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { asRosterMember, BOT, channelCommand, PEOPLE, person, TEAM, TENANT_ID } from '../support/teamsActivities';

const SAM = person('Sam Patel', 7);
const adapter = createBotAdapter({ mode: 'local' }, createLogger('silent'));
const port = createTeamsPort(adapter, '');
let fake: FakeConnector;

beforeAll(async () => {
  fake = await startFakeConnector();
  fake.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner, SAM].map(asRosterMember));
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const notice = (text: string): AdaptiveCard => noticeCard({ text });

/** Runs `work` in the incoming turn of `activity`, as the service's /api/messages does. */
async function inTurnOf(activity: Record<string, unknown>, work: (turn: TeamsTurn) => Promise<void>): Promise<void> {
  const bot = new ActivityHandler();
  let failure: Error | undefined;
  bot.onMessage(async (context, next) => {
    await work(teamsTurnOf(context)).catch((error: unknown) => void (failure = error instanceof Error ? error : new Error(String(error))));
    await next();
  });
  const outcome = await incomingActivities(adapter, bot).process({ body: activity, headers: {}, method: 'POST' });
  if (failure) throw failure;
  expect(outcome.status).toBe(200);
}

/** The channel's address as a turn in it gives it (what a round stores as postedIn). */
async function channelAddress(): Promise<PostingAddress> {
  let address: PostingAddress | undefined;
  await inTurnOf(channelCommand(fake.serviceUrl, PEOPLE.champion, 'status'), async (turn) => void (address = turn.address));
  return address!;
}

describe('in a turn', () => {
  it("replies in the turn's conversation, to the message it answers", async () => {
    const activity = channelCommand(fake.serviceUrl, PEOPLE.champion, 'status');

    await inTurnOf(activity, (turn) => turn.reply(notice('Audit round 1 is open.')));

    expect(fake.sentActivities()).toEqual([
      expect.objectContaining({ conversationId: `${TEAM.id};messageid=1700000000000`, replyToId: activity.id }),
    ]);
    expect(cardText(cardOf(fake.sentActivities()[0]!.activity))).toContain('Audit round 1 is open.');
  });

  it('gives the mentions as Teams sent them, each piece and the bot\'s too, which the command reads as one person per id', async () => {
    const piece = (who: { id: string }, name: string) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: who.id, name } });
    const activity = {
      ...channelCommand(fake.serviceUrl, PEOPLE.champion, 'champions add'),
      text: `<at>${BOT.name}</at> champions add <at>Sam</at> <at>Patel</at>`,
      entities: [piece(BOT, BOT.name), piece(SAM, 'Sam'), piece(SAM, 'Patel')],
    };
    let mentions: unknown;
    let mentioned: unknown;

    await inTurnOf(activity, async (turn) => {
      mentions = turn.mentions();
      mentioned = parseCommand(turn.activity, turn.mentions()).mentioned;
    });

    expect(mentions).toEqual([
      { id: BOT.id, name: BOT.name, text: `<at>${BOT.name}</at>` },
      { id: SAM.id, name: 'Sam', text: '<at>Sam</at>' },
      { id: SAM.id, name: 'Patel', text: '<at>Patel</at>' },
    ]);
    expect(mentioned).toEqual([{ id: SAM.id, name: 'Sam Patel' }]);
  });

  it('reads a member of the team by Teams user id or Entra object id, and no one who is not in it', async () => {
    let found: unknown[] = [];

    await inTurnOf(channelCommand(fake.serviceUrl, PEOPLE.champion, 'status'), async (turn) => {
      found = [await turn.readMember(TEAM.id, SAM.id), await turn.readMember(TEAM.id, SAM.aadObjectId), await turn.readMember(TEAM.id, PEOPLE.outsider.id)];
    });

    expect(found).toEqual([asRosterMember(SAM), asRosterMember(SAM), undefined]);
  });
});

describe('outside a turn', () => {
  it("posts a card to a stored address and gives Teams' id for it; updates it; an update of a deleted post is refused with 404", async () => {
    const address = await channelAddress();
    fake.reset();

    const messageId = await port.inConversation(address, (conversation) => conversation.postCard(notice('Condition 1')));
    await port.inConversation(address, (conversation) => conversation.updateCard(messageId, notice('Condition 1: 3 people have answered')));
    fake.forget(`${TEAM.id};messageid=1700000000000`, [messageId]);
    const gone = await port.inConversation(address, (conversation) => conversation.updateCard(messageId, notice('closed'))).catch((error: unknown) => error);

    expect(fake.sentActivities()).toEqual([expect.objectContaining({ activityId: messageId, conversationId: `${TEAM.id};messageid=1700000000000` })]);
    expect(fake.updates()).toHaveLength(1);
    expect(fake.updates()[0]).toMatchObject({ activityId: messageId });
    expect(cardText(cardOf(fake.updates()[0]!.body))).toContain('3 people have answered');
    expect(gone).toMatchObject({ statusCode: 404, code: 'ActivityNotFoundInConversation' });
  });

  it("reads the roster for the tab through the team's conversation; a roster Teams will not show (403) is Teams' answer, not 'no one'", async () => {
    const address = await channelAddress();
    fake.reset();

    const member = await port.inConversation(address, (conversation) => conversation.readMember(TEAM.id, PEOPLE.practitioner.aadObjectId));
    fake.failNext(1, { status: 403, body: { error: { code: 'Forbidden', message: 'The bot is not part of the team' } } });
    const refused = await port.inConversation(address, (conversation) => conversation.readMember(TEAM.id, PEOPLE.practitioner.aadObjectId)).catch((error: unknown) => error);

    expect(member).toEqual(asRosterMember(PEOPLE.practitioner));
    expect(refused).toMatchObject({ statusCode: 403 });
    expect(fake.calls).toHaveLength(2); // a real answer is not retried
  });

  it('opens the one-to-one chat with a member, in their tenant, and sends the card into it', async () => {
    const address = await channelAddress();
    fake.reset();

    const chat = await port.openPersonalChat(address, PEOPLE.practitioner.id, notice('Audit round 1 is open: 12 conditions to answer.'));

    const [create, send] = fake.calls;
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v3/conversations',
      body: expect.objectContaining({ isGroup: false, bot: expect.objectContaining({ id: BOT.id }), members: [expect.objectContaining({ id: PEOPLE.practitioner.id })], tenantId: TENANT_ID, channelData: { tenant: { id: TENANT_ID } } }),
    });
    const chatId = (create!.response as { id: string }).id;
    expect(send).toMatchObject({ method: 'POST', conversationId: chatId, path: expect.stringMatching(`^/v3/conversations/${encodeURIComponent(chatId)}/activities`) });
    expect(fake.sentActivities()).toEqual([expect.objectContaining({ conversationId: chatId, activityId: chat.messageId })]);
    expect(cardText(cardOf(fake.sentActivities()[0]!.activity))).toContain('12 conditions to answer');

    // The chat's address is one to post into later, as any other.
    await port.inConversation(chat.address, (conversation) => conversation.updateCard(chat.messageId, notice('Thank you: all 12 answered.')));
    expect(fake.updates()).toEqual([expect.objectContaining({ conversationId: chatId, activityId: chat.messageId })]);
  });

  it("opening a chat is paced and retried like any send: Teams' 412 is tried again (botbuilder's own retry would not)", async () => {
    const address = await channelAddress();
    fake.reset();
    fake.failNext(1, { status: 412 }, (call) => call.path === '/v3/conversations');

    const chat = await port.openPersonalChat(address, PEOPLE.practitioner.id, notice('Reminder'));

    expect(fake.calls.map((c) => `${c.method} ${c.path === '/v3/conversations' ? 'create' : 'send'} ${c.status}`)).toEqual(['POST create 412', 'POST create 201', 'POST send 201']);
    expect(chat.messageId).toBeTruthy();
  });

  it('a person who blocked the app (403) is refused at once: nothing is sent and nothing retried', async () => {
    const address = await channelAddress();
    fake.reset();
    fake.failNext(1, { status: 403 }, (call) => call.path === '/v3/conversations');

    const refused = await port.openPersonalChat(address, PEOPLE.practitioner.id, notice('Reminder')).catch((error: unknown) => error);

    expect(refused).toMatchObject({ statusCode: 403 });
    expect(fake.calls).toHaveLength(1);
    expect(fake.sentActivities()).toEqual([]);
  });
});
