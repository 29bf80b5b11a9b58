import type { RunningService } from '../../bot/service';
import { ERROR_CODES } from '../../bot/domain/errors';
import type { AdaptiveCard } from '../../bot/teams/cards';
import { INPUT_IDS, VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { closeConfirmationIn } from '../support/closeRound';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { asRosterMember, cardAction, channelCommand, installedInTeam, PEOPLE, TEAM, TENANT_ID } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { inputById } from '../teams/cards/cardKit';
import { startTheRound } from '../support/startRound';

/**
 * The team was installed in its organisation's tenant. A card answer whose activity comes
 * from another tenant is not stored, in the channel as in chat (the tab and the chat's list
 * of rounds already refuse other tenants): the person is told why, and keeps what they typed.
 */
const OTHER_TENANT_ID = '0b9d1f5e-0000-4000-8000-00000000beef';
let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const draft = { rating: 'partly', level: 'partner-agency', comment: 'We share some aims with health.' };

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, Object.values(PEOPLE).map(asRosterMember));
  service = await startTestService();
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
  roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

/** Any activity as Teams would send it from another tenant (both places Teams names the tenant). */
function inTenant<T extends object>(activity: T, tenantId = OTHER_TENANT_ID): T {
  const { conversation, channelData } = activity as { conversation?: object; channelData?: object };
  return { ...activity, conversation: { ...conversation, tenantId }, channelData: { ...channelData, tenant: { id: tenantId } } };
}

/** The same card press, with the tenant Teams names in the activity replaced. */
function fromTenant(tenantId: string, where: 'channel' | 'personal' = 'channel', conditionId = 'C02') {
  const activity = cardAction(connector.serviceUrl, PEOPLE.outsider, VERBS.answer, { roundId, teamId: TEAM.id, conditionId, via: where === 'channel' ? 'channel' : 'chat', ...draft }, where);
  return {
    ...activity,
    conversation: { ...(activity.conversation as object), tenantId },
    channelData: { ...(activity.channelData as object), tenant: { id: tenantId } },
  };
}

function expectRefusedWithDraftKept(body: unknown): void {
  const card = cardOf(body) as unknown as AdaptiveCard;
  expect(cardText(card)).toContain(ERROR_CODES.OTHER_TENANT.message);
  expect(inputById(card, INPUT_IDS.rating).value).toBe(draft.rating);
  expect(inputById(card, INPUT_IDS.level).value).toBe(draft.level);
  expect(inputById(card, INPUT_IDS.comment).value).toBe(draft.comment);
  expect(executeActions(card).map((a) => a.verb)).toEqual([VERBS.answer]);
}

/**
 * A practice champion of the team acting from another tenant: every team command and every
 * button of the team's cards is refused as an answer is, and nothing changes.
 */
describe('a champion acting from another tenant than the team’s', () => {
  const refusal = ERROR_CODES.OTHER_TENANT.message;
  const lastSaid = () => connector.sentActivities().map((s) => cardText(cardOf(s.activity))).at(-1) ?? '';

  it.each(['status', 'repost', 'repost all', 'close', 'champions', `champions add`, 'start'])('is refused "%s" in the channel, and told why', async (words) => {
    connector.reset();
    const mention = words === 'champions add' ? { mention: [PEOPLE.outsider] } : {};
    await postToBot(service, inTenant(channelCommand(connector.serviceUrl, PEOPLE.champion, words, mention)));
    await service.settled();
    expect(connector.sentActivities()).toHaveLength(1);
    expect(lastSaid()).toContain(refusal);
    expect(await service.services.champions.list(TEAM.id)).toHaveLength(1);
  });

  it('cannot close the round with Close, or Cancel, on a confirmation card asked for in the team', async () => {
    connector.reset();
    await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, 'close'));
    const confirmation = closeConfirmationIn(connector.sentActivities())!;
    for (const verb of [VERBS.closeRound, VERBS.cancelClose]) {
      const press = await postToBot(service, { ...inTenant(cardAction(connector.serviceUrl, PEOPLE.champion, verb, { teamId: TEAM.id, roundId })), replyToId: confirmation.activityId });
      expect([verb, cardText(cardOf(press.body))]).toEqual([verb, expect.stringContaining(refusal)]);
    }
    await service.settled();
    expect(await service.services.rounds.findOpen(TEAM.id)).toMatchObject({ roundId, status: 'open' });
    expect(connector.updates()).toHaveLength(0);
  });

  it('is refused on the welcome card’s start button and on My answer', async () => {
    const start = await postToBot(service, inTenant(cardAction(connector.serviceUrl, PEOPLE.champion, VERBS.startRound, { teamId: TEAM.id })));
    expect(cardText(cardOf(start.body))).toContain(refusal);
    const mine = await postToBot(service, inTenant(cardAction(connector.serviceUrl, PEOPLE.champion, VERBS.myAnswer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel' })));
    expect(cardText(cardOf(mine.body))).toContain(refusal);
  });
});

describe('an answer from another tenant than the team’s', () => {
  it('is refused on a channel card, and the person is told why with their answer still in the card', async () => {
    const reply = await postToBot(service, fromTenant(OTHER_TENANT_ID));
    expect(reply.status).toBe(200);
    expectRefusedWithDraftKept(reply.body);
    expect(await service.services.answers.countForCondition(roundId, 'C02')).toBe(0);
  });

  it('is refused in a one-to-one chat too', async () => {
    const reply = await postToBot(service, fromTenant(OTHER_TENANT_ID, 'personal'));
    expect(reply.status).toBe(200);
    expect(cardText(cardOf(reply.body))).toContain(ERROR_CODES.OTHER_TENANT.message);
    expect(await service.services.answers.countForCondition(roundId, 'C02')).toBe(0);
  });

  it('is still refused after the app was removed from the team (its open round knows the tenant), while its own tenant answers', async () => {
    await postToBot(service, { ...installedInTeam(connector.serviceUrl, PEOPLE.champion), action: 'remove' });
    expect(await service.services.teams.get(TEAM.id)).toBeUndefined();
    const reply = await postToBot(service, fromTenant(OTHER_TENANT_ID, 'channel', 'C03'));
    expectRefusedWithDraftKept(reply.body);
    expect(await service.services.answers.countForCondition(roundId, 'C03')).toBe(0);

    const own = await postToBot(service, fromTenant(TENANT_ID, 'channel', 'C03'));
    expect(executeActions(cardOf(own.body)).map((a) => a.title)).toEqual(['Change my answer']);
    expect(await service.services.answers.countForCondition(roundId, 'C03')).toBe(1);
  });
});
