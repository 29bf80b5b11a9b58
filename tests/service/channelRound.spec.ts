import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions, inputValues } from '../support/cardText';
import { closeTheRound } from '../support/closeRound';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { asRosterMember, cardAction, channelCommand, installedInTeam, OTHER_TEAM, PEOPLE, TEAM } from '../support/teamsActivities';
import { openRoundCardIn, pressOpenRound } from '../support/startRound';
import { postToBot, startTestService } from '../support/testService';

/**
 * A practice champion runs a round in their channel, end to end: the real service over
 * HTTP, real Azurite, and a local stand-in for Teams' connector recording what the bot sends.
 */
let connector: FakeConnector;
let service: RunningService;
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const sentCards = () => connector.sentActivities().map((s) => ({ ...s, card: cardOf(s.activity), text: cardText(cardOf(s.activity)) }));
const lastSentText = () => sentCards().at(-1)?.text ?? '';

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, Object.values(PEOPLE).filter((p) => p !== PEOPLE.outsider).map(asRosterMember));
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

let roundId = '';
const answer = (who: (typeof PEOPLE)[keyof typeof PEOPLE], conditionId: string, inputs: Record<string, unknown>, team = TEAM) =>
  send(cardAction(url(), who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId, via: 'channel', ...inputs }, 'channel', team));

describe('a round in a team channel', () => {
  it('welcomes the team once when the app is added, naming the installer as champion', async () => {
    expect((await send(installedInTeam(url(), PEOPLE.champion))).status).toBe(200);
    await send(installedInTeam(url(), PEOPLE.champion));
    const welcomes = sentCards().filter((c) => /Start an audit round/.test(c.text));
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0]!.text).toContain('Amara Okafor');
  });

  it('explains politely to a non-champion who tries to start, naming the champions', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'start'));
    expect(lastSentText()).toMatch(/Only the team's practice champions can do that\. This team's practice champion is Amara Okafor\./);
    expect(await service.services.rounds.findOpen(TEAM.id)).toBeUndefined();
  });

  it('opens a round and posts the intro and twelve condition cards in order, paced to Teams limits', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'start'));
    const asked = openRoundCardIn(connector.sentActivities())!;
    connector.reset();
    await pressOpenRound(service, connector, PEOPLE.champion, asked);
    await service.settled();
    const posted = sentCards();
    expect(posted).toHaveLength(13);
    expect(posted[0]!.text).toMatch(/Audit round 1 is open/);
    expect(posted.slice(1).map((p) => p.text.match(/Condition (\d+) of 12/)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    // Teams allows a bot 8 sends per conversation in any 2 s (and 7 in 1 s).
    const times = posted.map((p) => p.at);
    for (const t of times) {
      expect(times.filter((u) => u >= t && u < t + 2000).length).toBeLessThanOrEqual(8);
      expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(7);
    }
    const round = await service.services.rounds.findOpen(TEAM.id);
    expect(Object.keys(round!.conditionMessageIds)).toHaveLength(12);
    roundId = round!.roundId;
  });

  it('answers a second start with the round already open', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'start'));
    expect(lastSentText()).toMatch(/Audit round 1 is already open/);
    expect(await service.services.rounds.countForTeam(TEAM.id)).toBe(1);
  });

  it("records an answer and shows the person their answer, then the shared card's count", async () => {
    connector.reset();
    const reply = await answer(PEOPLE.practitioner, 'C01', { rating: 'mostly', level: 'practitioner', comment: 'Health and police share our aims.' });
    expect(reply.status).toBe(200);
    const text = cardText(cardOf(reply.body));
    expect(text).toMatch(/Mostly in place/);
    expect(text).toMatch(/Practitioner/);
    expect(executeActions(cardOf(reply.body)).map((a) => a.title)).toEqual(['Change my answer']);
    await service.settled();
    const update = connector.updates().at(-1);
    expect(update?.activityId).toBe((await service.services.rounds.get(TEAM.id, roundId))!.conditionMessageIds.C01);
    expect(cardText(cardOf(update?.body))).toMatch(/1 person has answered/);
  });

  it('lets a person change their answer: the second replaces the first, and a double click adds nothing', async () => {
    await answer(PEOPLE.practitioner, 'C01', { rating: 'partly', level: 'practitioner', comment: 'Actually, only partly.' });
    const twice = { rating: 'fully', level: 'supervisor', comment: '' };
    await Promise.all([answer(PEOPLE.manager, 'C01', twice), answer(PEOPLE.manager, 'C01', twice)]);
    await service.settled();
    expect(await service.services.answers.countForCondition(roundId, 'C01')).toBe(2);
    expect(cardText(cardOf(connector.updates().at(-1)?.body))).toMatch(/2 people have answered/);
  });

  it('remembers a level, so it is given once per team', async () => {
    const reply = await answer(PEOPLE.practitioner, 'C02', { rating: 'dont-know' });
    expect(cardText(cardOf(reply.body))).toMatch(/Don't know[\s\S]*Practitioner|Practitioner[\s\S]*Don't know/);
  });

  it('asks a first-time person for their level, keeping what they typed, and stores nothing', async () => {
    const reply = await answer(PEOPLE.leader, 'C03', { rating: 'fully', comment: 'We have a clear model.' });
    const card = cardOf(reply.body);
    expect(cardText(card)).toMatch(/Please tell us your level/);
    expect(JSON.stringify(card)).toContain('"value":"We have a clear model."');
    expect(await service.services.answers.countForCondition(roundId, 'C03')).toBe(0);
  });

  it('refuses a comment over 1,000 characters, keeping what was typed up to the limit and saying it was cut', async () => {
    const long = 'Supervision is patchy. '.repeat(50);
    const reply = await answer(PEOPLE.admin, 'C06', { rating: 'partly', level: 'business-support', comment: long });
    expect(cardText(cardOf(reply.body))).toMatch(/the limit is 1,000/);
    expect(inputValues(cardOf(reply.body)).comment).toBe(long.slice(0, 1000));
    expect(cardText(cardOf(reply.body))).toMatch(/Your comment was cut to the limit of 1,000 characters/);
    expect(await service.services.answers.countForCondition(roundId, 'C06')).toBe(0);
  });

  it('answers a 100,000-character comment with a card Teams can show (under its ~28 KB limit), saying the comment was cut', async () => {
    const huge = 'We need more time for reflective supervision. '.repeat(2200).slice(0, 100_000);
    for (const inputs of [{ rating: 'partly', level: 'business-support' }, { level: 'business-support' }]) {
      const reply = await answer(PEOPLE.admin, 'C06', { ...inputs, comment: huge });
      expect(reply.status).toBe(200);
      expect(Buffer.byteLength(JSON.stringify(reply.body))).toBeLessThan(28 * 1024);
      expect(inputValues(cardOf(reply.body)).comment).toBe(huge.slice(0, 1000));
      expect(cardText(cardOf(reply.body))).toMatch(/Your comment was cut to the limit of 1,000 characters/);
    }
    expect(await service.services.answers.countForCondition(roundId, 'C06')).toBe(0);
  });

  it('answers unknown actions and malformed data with an error response, writing nothing', async () => {
    const unknown = await send(cardAction(url(), PEOPLE.practitioner, 'audit.delete', { roundId }));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'UNKNOWN_ACTION' } });
    const malformed = await send(cardAction(url(), PEOPLE.practitioner, VERBS.answer, { conditionId: 'C04', rating: 'fully' }));
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'BAD_REQUEST' } });
    const unknownCondition = await answer(PEOPLE.practitioner, 'C99', { rating: 'fully', level: 'practitioner' });
    expect(unknownCondition.status).toBe(400);
    expect(await service.services.answers.footprints(roundId)).toHaveLength(3);
  });

  it("refuses an answer sent from another team's channel for this team's round", async () => {
    const reply = await answer(PEOPLE.outsider, 'C05', { rating: 'fully', level: 'practitioner' }, OTHER_TEAM);
    expect(cardText(cardOf(reply.body))).toMatch(/only answer audits for teams you belong to/);
    expect(await service.services.answers.countForCondition(roundId, 'C05')).toBe(0);
  });

  it('gives champions participation by condition, and no level while the round is open', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'status'));
    expect(lastSentText()).toMatch(/Only the team's practice champions/);
    await send(channelCommand(url(), PEOPLE.champion, 'status'));
    const status = lastSentText();
    expect(status).toMatch(/2 people have answered at least one condition/);
    // Issue 10: of the team's five members (its roster, read from Teams).
    expect(status).toMatch(/Response rate: 2 of 5 members \(40%\)\./);
    expect(status).toMatch(/Figures by level appear when the round closes/);
    expect(status).not.toMatch(/Practitioner|fewer than 5/);
  });

  it('lets champions name others and step down, but never leaves a team without one', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'champions add', { mention: [PEOPLE.manager] }));
    expect(lastSentText()).toMatch(/Chloe Singh was added\. This team's practice champions are now Amara Okafor and Chloe Singh\./);
    await send(channelCommand(url(), PEOPLE.champion, 'champions add', { mention: [PEOPLE.outsider] }));
    expect(lastSentText()).toMatch(/Frank Moore is not a member of this team/);
    await send(channelCommand(url(), PEOPLE.champion, 'champions remove'));
    expect(lastSentText()).toMatch(/Amara Okafor was removed\. This team's practice champion is now Chloe Singh\./);
    await send(channelCommand(url(), PEOPLE.manager, 'champions remove'));
    expect(lastSentText()).toMatch(/at least one practice champion/);
    await send(channelCommand(url(), PEOPLE.manager, 'champions add', { mention: [PEOPLE.champion] }));
  });

  it('tells each person the commands they may use', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'help'));
    const help = lastSentText();
    // Commands are listed one to a line; a non-champion is not offered the champions' ones.
    expect(help).toMatch(/^help$/m);
    expect(help).not.toMatch(/^(start|close|status)$/m);
    expect(help).toMatch(/Amara Okafor/);
    await send(channelCommand(url(), PEOPLE.champion, 'help'));
    expect(lastSentText()).toMatch(/^start$[\s\S]*^close$/m);
  });

  it('closes the round: every card says so with the figures, and later answers change nothing', async () => {
    connector.reset();
    await closeTheRound(service, connector, PEOPLE.champion);
    await service.settled();
    const round = (await service.services.rounds.get(TEAM.id, roundId))!;
    const roundCards = new Set([round.introMessageId, ...Object.values(round.conditionMessageIds)]);
    const updated = connector.updates().filter((u) => roundCards.has(u.activityId));
    expect(updated).toHaveLength(13);
    expect(updated.every((u) => /closed/i.test(cardText(cardOf(u.body))))).toBe(true);
    expect(updated.every((u) => executeActions(cardOf(u.body)).length === 0)).toBe(true);
    // The card that asked now gives the outcome.
    expect(cardText(cardOf(connector.updates().at(-1)?.body))).toMatch(/Audit round 1 is closed\. 2 people took part\. Response rate: 2 of 5 members \(40%\)\./);

    // Ewa never answered condition 1: nothing to change, so nothing says "changed".
    const late = await answer(PEOPLE.admin, 'C01', { rating: 'fully', level: 'business-support' });
    expect(late.status).toBe(200);
    expect(cardText(cardOf(late.body))).toMatch(/This audit round is closed, so no more answers are taken\./);
    expect(cardText(cardOf(late.body))).not.toMatch(/can no longer be changed/);
    expect(await service.services.answers.countForCondition(roundId, 'C01')).toBe(2);
  });
});
