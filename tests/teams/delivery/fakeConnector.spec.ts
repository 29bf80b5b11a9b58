// The fake Bot Connector answers what botbuilder really sends, and is strict where Teams is.
import { TeamsInfo, type Attachment } from 'botbuilder';
import { connectorFor, inTurn, type Connector } from './anonymousConnector';
import { disablePipelineRetries } from '../../../bot/teams/botbuilder/pipelineRetries';
import { startFakeConnector, type FakeConnector, type RosterMember } from '../../support/fakeConnector';
import { mostWithin } from '../../support/fakeConnector/recordedCalls';

const TEAM = '19:team-general@thread.tacv2';
const OTHER_TEAM = '19:other-general@thread.tacv2';
const CHANNEL = '19:audit-channel@thread.tacv2';
const THREAD = `${CHANNEL};messageid=1700000000123`;

const member = (n: number): RosterMember => ({
  id: `29:user-${n}`,
  name: `User ${n}`,
  aadObjectId: `00000000-0000-0000-0000-00000000000${n}`,
  userPrincipalName: `user${n}@contoso.example`,
  email: `user${n}@contoso.example`,
});

let fake: FakeConnector;
let connector: Connector;
beforeAll(async () => {
  fake = await startFakeConnector();
  connector = await connectorFor(fake.serviceUrl, THREAD);
  disablePipelineRetries(connector);
  const channels = [{ id: TEAM, name: 'General' }, { id: CHANNEL, name: 'Audit' }];
  fake.setTeam(TEAM, { name: 'Fostering North', aadGroupId: 'group-north', channels });
  fake.setRoster(TEAM, [member(1), member(2), member(3)]);
  fake.setRoster(OTHER_TEAM, [member(4)]);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const statusOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: { statusCode?: number; code?: string }) => `${e.statusCode} ${e.code}`);

test('send, reply, update and delete are recorded with decoded ids', async () => {
  const sent = await connector.conversations.sendToConversation(THREAD, { type: 'message', text: 'card' });
  const reply = await connector.conversations.replyToActivity(THREAD, sent.id ?? '', { type: 'message', text: 'reply' });
  await connector.conversations.updateActivity(THREAD, sent.id ?? '', { type: 'message', id: sent.id, text: 'card v2' });
  await connector.conversations.deleteActivity(THREAD, reply.id ?? '');

  expect(fake.sentActivities().map((a) => [a.conversationId, a.replyToId, a.activity.text])).toEqual([
    [THREAD, undefined, 'card'],
    [THREAD, sent.id, 'reply'],
  ]);
  expect(fake.updates()).toEqual([expect.objectContaining({ conversationId: THREAD, activityId: sent.id, body: expect.objectContaining({ text: 'card v2' }) })]);
  expect(fake.calls.map((c) => `${c.method} ${c.status}`)).toEqual(['POST 201', 'POST 201', 'PUT 200', 'DELETE 200']);
});

test('strict like Teams: activity type required, 28 KB limit, unknown activities', async () => {
  const bigCard: Attachment = {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x'.repeat(29_000) }] },
  };
  expect(await statusOf(connector.conversations.sendToConversation(THREAD, { text: 'no type' }))).toBe('400 BadArgument');
  expect(await statusOf(connector.conversations.sendToConversation(THREAD, { type: 'message', attachments: [bigCard] }))).toBe('413 MessageSizeTooBig');
  expect(await statusOf(connector.conversations.updateActivity(THREAD, '999', { type: 'message', text: 'x' }))).toBe('404 ActivityNotFoundInConversation');
  expect(fake.sentActivities()).toEqual([]);
});

test('roster: team members are found in the team and its channels, not in another team', async () => {
  await inTurn(fake.serviceUrl, THREAD, async (context) => {
    await expect(TeamsInfo.getTeamMember(context, TEAM, member(2).id)).resolves.toMatchObject({ aadObjectId: member(2).aadObjectId, email: member(2).email });
    await expect(TeamsInfo.getMember(context, member(1).id)).resolves.toMatchObject({ name: 'User 1' });
    expect(await statusOf(TeamsInfo.getTeamMember(context, TEAM, member(4).id))).toBe('404 MemberNotFoundInConversation');
    await expect(TeamsInfo.getTeamMember(context, OTHER_TEAM, member(4).id)).resolves.toMatchObject({ name: 'User 4' });
  });
  expect(fake.calls[0]?.conversationId).toBe(TEAM);
});

test('paged members, team details and channels', async () => {
  await inTurn(fake.serviceUrl, THREAD, async (context) => {
    const first = await TeamsInfo.getPagedTeamMembers(context, TEAM, 2);
    const second = await TeamsInfo.getPagedTeamMembers(context, TEAM, 2, first.continuationToken);
    expect([...first.members, ...second.members].map((m) => m.id)).toEqual([1, 2, 3].map((n) => member(n).id));
    expect(second.continuationToken).toBeUndefined();
    await expect(TeamsInfo.getTeamDetails(context, TEAM)).resolves.toMatchObject({ id: TEAM, name: 'Fostering North', aadGroupId: 'group-north' });
    await expect(TeamsInfo.getTeamChannels(context, TEAM)).resolves.toEqual([{ id: TEAM, name: 'General' }, { id: CHANNEL, name: 'Audit' }]);
  });
});

test('creating a conversation: a new thread in a channel, or a 1:1 chat', async () => {
  const thread = await connector.conversations.createConversation({
    isGroup: true,
    channelData: { channel: { id: CHANNEL } },
    activity: { type: 'message', text: 'new audit' } as never,
  });
  const chat = await connector.conversations.createConversation({ isGroup: false, members: [{ id: member(1).id, name: 'User 1' }] });

  expect(thread.id).toBe(`${CHANNEL};messageid=${thread.activityId}`);
  expect(chat.id).toMatch(/^a:/);
  expect(fake.sentActivities()).toEqual([
    expect.objectContaining({ conversationId: thread.id, activityId: thread.activityId, activity: expect.objectContaining({ text: 'new audit' }) }),
  ]);
  await connector.conversations.updateActivity(thread.id ?? '', thread.activityId ?? '', { type: 'message', text: 'edited' });
});

test('failNext only hits matching calls, then stops', async () => {
  fake.failNext(1, { status: 412 }, (call) => call.method === 'PUT');
  const sent = await connector.conversations.sendToConversation(THREAD, { type: 'message', text: 'a' });
  expect(await statusOf(connector.conversations.updateActivity(THREAD, sent.id ?? '', { type: 'message', text: 'b' }))).toBe('412 PreconditionFailed');
  expect(await statusOf(connector.conversations.updateActivity(THREAD, sent.id ?? '', { type: 'message', text: 'b' }))).toBe('ok');
});

test('waitFor returns once the predicate holds and explains a timeout', async () => {
  const sending = connector.conversations.sendToConversation(THREAD, { type: 'message', text: 'later' });
  await expect(fake.waitFor((calls) => calls.length === 1, 2_000)).resolves.toHaveLength(1);
  await sending;
  await expect(fake.waitFor((calls) => calls.length === 5, 50)).rejects.toThrow(/timed out after 50 ms[\s\S]*POST \/v3\/conversations\/.*-> 201/);
});

// Issue 9: the bench plays Teams with this same fake, for thousands of staff it sets no roster for.
test('for the bench: with everyoneIsAMember any id is a member, and calls are counted past a reset', async () => {
  const open = await startFakeConnector({ everyoneIsAMember: true });
  try {
    const benchConnector = await connectorFor(open.serviceUrl, THREAD);
    await inTurn(open.serviceUrl, THREAD, async (context) => {
      await expect(TeamsInfo.getTeamMember(context, TEAM, '29:staff-100001')).resolves.toMatchObject({ id: '29:staff-100001' });
      await expect(TeamsInfo.getTeamMember(context, OTHER_TEAM, 'aad-staff-100002')).resolves.toMatchObject({ aadObjectId: 'aad-staff-100002' });
    });
    const sent = await benchConnector.conversations.sendToConversation(THREAD, { type: 'message', text: 'card' });
    open.reset();
    await benchConnector.conversations.updateActivity(THREAD, sent.id ?? '', { type: 'message', text: 'card v2' });
    expect(open.counts).toEqual({ posts: 1, puts: 1, gets: 2, deletes: 0 });
    expect(open.calls.map((c) => `${c.method} ${c.status}`)).toEqual(['PUT 200']);
  } finally {
    await open.close();
  }
  // The tests' fake knows only the rosters it is given.
  await inTurn(fake.serviceUrl, THREAD, async (context) => {
    expect(await statusOf(TeamsInfo.getTeamMember(context, TEAM, '29:staff-100001'))).toBe('404 MemberNotFoundInConversation');
  });
});

// The tenant's limit is 50 requests in any one second (issue 10): the bench and the tests read it off the fake.
test('the most calls in any one second slides over arrival times, whatever order they were recorded in', () => {
  // Calls are recorded when answered, so a slow call may come after a later one.
  expect(mostWithin([1_001, 0, 500, 999, 1_000, 1_999, 2_000], 1_000)).toBe(4); // 500, 999, 1000, 1001
  // One second is [t, t + 1000): two calls 1000 ms apart are never in one.
  expect(mostWithin([0, 1_000, 2_000], 1_000)).toBe(1);
  expect(mostWithin([0, 999], 1_000)).toBe(2);
  expect(mostWithin([], 1_000)).toBe(0);
});
