import type { RunningService } from '../../bot/service';
import { ERROR_CODES } from '../../bot/domain/errors';
import type { AdaptiveCard } from '../../bot/teams/cards';
import { INPUT_IDS, VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { asRosterMember, cardAction, channelCommand, installedInTeam, PEOPLE, TEAM, TENANT_ID } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { inputById } from '../teams/cards/cardKit';

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
  await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, 'start'));
  await service.settled();
  roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

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
