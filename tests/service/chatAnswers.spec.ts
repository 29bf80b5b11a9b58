import type { RunningService } from '../../bot/service';
import { SOMETHING_WENT_WRONG } from '../../bot/domain/errors';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { asRosterMember, botAddedToPersonalChat, cardAction, installedInTeam, installedPersonally, OTHER_TEAM, PEOPLE, personalMessage, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { startTheRound } from '../support/startRound';

/** Staff answer one-to-one with the bot; their answers count in the same round as the channel's. */
let connector: FakeConnector;
let service: RunningService;
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const personalConversation = (p: { aadObjectId: string }) => `a:personal-${p.aadObjectId}`;
const lastCardIn = (conversationId: string) => cardOf(connector.sentActivities().filter((s) => s.conversationId === conversationId).at(-1)?.activity);

async function openRound(team: typeof TEAM): Promise<string> {
  await send(installedInTeam(url(), PEOPLE.champion, team));
  await startTheRound(service, connector, { team });
  await service.settled();
  return (await service.services.rounds.findOpen(team.id))!.roundId;
}

beforeAll(async () => {
  connector = await startFakeConnector();
  const staff = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager];
  connector.setRoster(TEAM.id, staff.map(asRosterMember));
  connector.setRoster(OTHER_TEAM.id, [PEOPLE.champion, PEOPLE.manager].map(asRosterMember));
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('answering one-to-one with the bot', () => {
  let northRound = '';

  it('says so kindly when none of your teams has an open round', async () => {
    await send(personalMessage(url(), PEOPLE.practitioner, 'audit'));
    expect(cardText(lastCardIn(personalConversation(PEOPLE.practitioner)))).toMatch(/no open audit rounds in your teams/);
  });

  it('offers the first unanswered condition on first contact, and counts the answer in the channel round', async () => {
    northRound = await openRound(TEAM);
    await send(botAddedToPersonalChat(url(), PEOPLE.practitioner));
    const first = lastCardIn(personalConversation(PEOPLE.practitioner));
    expect(cardText(first)).toMatch(/Condition 1 of 12/);
    const submit = executeActions(first).find((a) => a.verb === VERBS.answer)!;
    expect(submit.data).toMatchObject({ roundId: northRound, teamId: TEAM.id, conditionId: 'C01', via: 'chat' });

    const reply = await send(cardAction(url(), PEOPLE.practitioner, VERBS.answer, { ...submit.data, rating: 'partly', level: 'practitioner', comment: 'From chat' }, 'personal'));
    expect(cardText(cardOf(reply.body))).toMatch(/Partly in place/);
    expect(await service.services.answers.countForCondition(northRound, 'C01')).toBe(1);
    // The next unanswered condition follows (after the turn), with the remembered level filled in.
    await service.settled();
    const next = lastCardIn(personalConversation(PEOPLE.practitioner));
    expect(cardText(next)).toMatch(/Condition 2 of 12/);
    expect(JSON.stringify(next)).toContain('"value":"practitioner"');
  });

  it('does not offer the next condition again when a person changes an earlier answer', async () => {
    await service.settled();
    const sentBefore = connector.sentActivities().length;
    const reply = await send(cardAction(url(), PEOPLE.practitioner, VERBS.answer, { roundId: northRound, teamId: TEAM.id, conditionId: 'C01', via: 'chat', isChange: true, rating: 'mostly', level: 'practitioner' }, 'personal'));
    expect(cardText(cardOf(reply.body))).toMatch(/Mostly in place/);
    await service.settled();
    expect(connector.sentActivities()).toHaveLength(sentBefore);
    expect(await service.services.answers.countForCondition(northRound, 'C01')).toBe(1);
  });

  it('greets a person once when they install the app, though Teams announces it twice', async () => {
    const conversation = personalConversation(PEOPLE.champion);
    await send(installedPersonally(url(), PEOPLE.champion));
    await send(botAddedToPersonalChat(url(), PEOPLE.champion));
    expect(connector.sentActivities().filter((s) => s.conversationId === conversation)).toHaveLength(1);
  });

  it('skips conditions already answered in the channel', async () => {
    await send(cardAction(url(), PEOPLE.manager, VERBS.answer, { roundId: northRound, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'fully', level: 'supervisor' }));
    await send(personalMessage(url(), PEOPLE.manager, 'audit'));
    // Chloe is in both teams, but only North has an open round.
    expect(cardText(lastCardIn(personalConversation(PEOPLE.manager)))).toMatch(/Condition 2 of 12/);
  });

  it('refuses an answer for a team the person does not belong to, storing nothing', async () => {
    const reply = await send(cardAction(url(), PEOPLE.outsider, VERBS.answer, { roundId: northRound, teamId: TEAM.id, conditionId: 'C03', via: 'chat', rating: 'fully', level: 'practitioner' }, 'personal'));
    expect(cardText(cardOf(reply.body))).toMatch(/only answer audits for teams you belong to/);
    expect(await service.services.answers.countForCondition(northRound, 'C03')).toBe(0);
    await send(personalMessage(url(), PEOPLE.outsider, 'audit'));
    expect(cardText(lastCardIn(personalConversation(PEOPLE.outsider)))).toMatch(/no open audit rounds in your teams/);
  });

  it('lets a person in two teams with open rounds choose which to answer', async () => {
    const southRound = await openRound(OTHER_TEAM);
    await send(personalMessage(url(), PEOPLE.manager, 'audit'));
    const choice = lastCardIn(personalConversation(PEOPLE.manager));
    const buttons = executeActions(choice);
    expect(buttons.map((b) => b.title)).toEqual(expect.arrayContaining([expect.stringMatching(/North/), expect.stringMatching(/South \(12 to go\)/)]));
    const south = buttons.find((b) => b.data.roundId === southRound)!;
    const reply = await send(cardAction(url(), PEOPLE.manager, VERBS.answerInChat, south.data, 'personal'));
    const card = cardOf(reply.body);
    expect(cardText(card)).toMatch(/Condition 1 of 12/);
    expect(executeActions(card)[0]?.data).toMatchObject({ roundId: southRound, teamId: OTHER_TEAM.id });
  });

  it('thanks a person who has answered everything', async () => {
    const conditions = ['C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12'];
    for (const conditionId of conditions) {
      await send(cardAction(url(), PEOPLE.practitioner, VERBS.answer, { roundId: northRound, teamId: TEAM.id, conditionId, via: 'chat', rating: 'mostly' }, 'personal'));
      await service.settled(); // a person answers the card they were sent
    }
    expect(cardText(lastCardIn(personalConversation(PEOPLE.practitioner)))).toMatch(/answered every condition/);
    expect((await service.services.answers.footprints(northRound)).filter((f) => f.level === 'practitioner')).toHaveLength(12);
  });
});

describe('when Teams cannot say who is in the team', () => {
  it('"Answer for …" says something went wrong, in the one wording, and never that no round is open', async () => {
    const northRound = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
    // The roster read fails on every try (nobody has asked about Ewa yet, so nothing is cached).
    connector.failNext(5, { status: 500, retryAfterSeconds: 0 }, (call) => call.path.includes('/members/'));

    const reply = await send(cardAction(url(), PEOPLE.admin, VERBS.answerInChat, { teamId: TEAM.id, roundId: northRound }, 'personal'));

    expect(cardText(cardOf(reply.body))).toContain(SOMETHING_WENT_WRONG);
    expect(cardText(cardOf(reply.body))).not.toMatch(/no open audit rounds/);
  });
});
