import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningService } from '../../bot/service';
import { respondentIdFor } from '../../bot/domain/respondent';
import { VERBS } from '../../bot/teams/cards/actions';
import { buttonWithVerb, cardOf, cardText, executeActions } from '../support/cardText';
import { closeRoundNow } from '../support/closeRoundNow';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { startTheRound } from '../support/startRound';
import { asRosterMember, cardAction, channelCommand, installedInTeam, PEOPLE, personalMessage, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, startTestService, TEST_HMAC_KEY } from '../support/testService';

/**
 * A person's own data (issue 12), through the Teams stand-in: `my answers` lists their answers in
 * open and closed rounds, `delete my answers` erases them (the figures go down by exactly theirs),
 * `my data` sends them a file of everything held about them. Ben answers; Chloe answers beside him
 * and must be untouched and absent throughout.
 */
let connector: FakeConnector;
let service: RunningService;
let closedRound = '';
let openRound = '';
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const ben = PEOPLE.practitioner;
const chloe = PEOPLE.manager;
const respondent = (p: TestPerson) => respondentIdFor(p.aadObjectId, TEST_HMAC_KEY);
const chatOf = (p: TestPerson) => `a:personal-${p.aadObjectId}`;
const sentIn = (p: TestPerson) => connector.sentActivities().filter((s) => s.conversationId === chatOf(p));
const lastCardTo = (p: TestPerson) => cardOf(sentIn(p).at(-1)?.activity);
const answer = (who: TestPerson, roundId: string, conditionId: string, rating: string, comment = '') =>
  send(cardAction(url(), who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId, via: 'channel', rating, level: who === ben ? 'practitioner' : 'supervisor', comment }));
const participation = async (roundId: string) =>
  (await (await fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${encodeURIComponent(roundId)}/participation`)).json()) as { respondents: number };

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, ben, chloe].map(asRosterMember));
  service = await startTestService({ RETENTION_DAYS: '400' });
  await send(installedInTeam(url(), PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
  closedRound = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
  await answer(ben, closedRound, 'C01', 'partly', 'Supervision slipped in round one');
  await answer(chloe, closedRound, 'C01', 'fully', 'Caseloads high in round one');
  await closeRoundNow(service);
  await startTheRound(service, connector);
  await service.settled();
  openRound = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
  await answer(ben, openRound, 'C01', 'mostly', 'Supervision better in round two');
  await answer(ben, openRound, 'C03', 'partly');
  await answer(chloe, openRound, 'C01', 'mostly', 'Caseloads lower in round two');
  await answer(chloe, openRound, 'C03', 'fully');
  await send(personalMessage(url(), ben, 'stop reminders'));
  await service.settled();
}, 60_000);
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('"my answers" in chat', () => {
  it("lists the person's answers in the open and the closed round, newest first, and nobody else's", async () => {
    await send(personalMessage(url(), ben, 'my answers'));
    const card = lastCardTo(ben);
    const text = cardText(card);
    expect(text.indexOf(`${TEAM.name}, round 2`)).toBeGreaterThan(-1);
    expect(text.indexOf(`${TEAM.name}, round 1 (closed)`)).toBeGreaterThan(text.indexOf(`${TEAM.name}, round 2`));
    expect(text).toContain('Supervision better in round two');
    expect(text).toContain('Supervision slipped in round one');
    expect(text).toMatch(/Your answers in it will be deleted on \d{1,2} \w+ \d{4}, 400 days after it closed; the round keeps only its counts/);
    expect(text).not.toMatch(/Chloe/);
    // Only the open round's answers can be changed.
    expect(executeActions(card).map((b) => b.data.roundId)).toEqual([openRound, openRound]);
  });

  it.each(['my data', 'delete my answers'])('"%s" in the channel, where everyone would see it, says where it works and offers nothing', async (words) => {
    const before = connector.sentActivities().length;
    await send(channelCommand(url(), ben, words));
    const sent = connector.sentActivities().slice(before);
    expect(sent).toHaveLength(1);
    expect(cardText(cardOf(sent[0]!.activity))).toMatch(/shown only to you: say "my answers", "delete my answers" or "my data" in your one-to-one chat/);
    expect(JSON.stringify(sent)).not.toMatch(/file\.consent|Supervision (slipped|better) in round/);
  });
});

describe('"my data" in chat', () => {
  const offer = () => sentIn(ben).at(-1)!.activity as { attachments: { contentType: string; name: string; content: { sizeInBytes: number; acceptContext: unknown; declineContext: unknown } }[] };
  const consent = (action: 'accept' | 'decline', context: unknown, uploadInfo?: unknown) => ({
    ...personalMessage(url(), ben, ''),
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: { type: 'fileUpload', action, context, ...(uploadInfo ? { uploadInfo } : {}) },
  });

  it('offers a file, and once accepted puts exactly their data in it and shows it in the chat', async () => {
    await send(personalMessage(url(), ben, 'my data'));
    const [attachment] = offer().attachments;
    expect(attachment).toMatchObject({ contentType: 'application/vnd.microsoft.teams.card.file.consent', name: expect.stringMatching(/\.json$/) });
    expect(attachment!.content.sizeInBytes).toBeGreaterThan(0);

    const uploadInfo = connector.files.accept(attachment!.name);
    const reply = await send(consent('accept', attachment!.content.acceptContext, uploadInfo));
    expect(reply.status).toBe(200);

    const [upload] = connector.files.received();
    expect(upload!.contentRange).toBe(`bytes 0-${upload!.bytes.length - 1}/${upload!.bytes.length}`);
    const text = upload!.bytes.toString('utf8');
    const data = JSON.parse(text) as { you: { entraObjectId: string }; teams: { team: string; rememberedLevel: string; rounds: { round: number; status: string; optedOutOfReminders: boolean; answers: { condition: number; comment: string }[] }[] }[] };
    expect(data.you.entraObjectId).toBe(ben.aadObjectId);
    const [team] = data.teams;
    expect(team).toMatchObject({ team: TEAM.name, rememberedLevel: expect.stringMatching(/Practitioner/) });
    expect(team!.rounds.map((r) => [r.round, r.status, r.optedOutOfReminders, r.answers.map((a) => `${a.condition}:${a.comment}`)])).toEqual([
      [2, 'open', true, ['1:Supervision better in round two', '3:']],
      [1, 'closed', false, ['1:Supervision slipped in round one']],
    ]);
    expect(text).not.toMatch(/Chloe|supervisor/i);
    expect(text).not.toContain(respondent(chloe));

    const shown = sentIn(ben).at(-1)!.activity as { attachments: unknown[] };
    expect(shown.attachments).toEqual([
      { contentType: 'application/vnd.microsoft.teams.card.file.info', contentUrl: uploadInfo.contentUrl, name: uploadInfo.name, content: { uniqueId: uploadInfo.uniqueId, fileType: 'json' } },
    ]);
  });

  it('says the file was not sent when the person declines, and uploads nothing', async () => {
    await send(personalMessage(url(), ben, 'my data'));
    const uploads = connector.files.received().length;
    const reply = await send(consent('decline', offer().attachments[0]!.content.declineContext));
    expect(reply.status).toBe(200);
    expect(cardText(lastCardTo(ben))).toMatch(/Your data file was not sent, as you chose/);
    expect(connector.files.received()).toHaveLength(uploads);
  });

  it('says plainly that the file was not sent when the upload fails, and never shows it', async () => {
    const filesShown = () => sentIn(ben).filter((s) => JSON.stringify(s.activity).includes('card.file.info')).length;
    const shownBefore = filesShown();
    await send(personalMessage(url(), ben, 'my data'));
    const [attachment] = offer().attachments;
    connector.files.failNext(1, 503);
    const reply = await send(consent('accept', attachment!.content.acceptContext, connector.files.accept(attachment!.name)));
    expect(reply.status).toBe(200);
    expect(cardText(lastCardTo(ben))).toMatch(/could not be put in your OneDrive, so it was not sent\. Please say "my data" to try again/);
    expect(filesShown()).toBe(shownBefore);
  });
  it('puts the file nowhere but the upload URL itself: a redirect to elsewhere is not followed', async () => {
    // An upload URL that answers with a redirect to another address on the network (an internal
    // service, the cloud's metadata endpoint): the person's data must never reach it.
    const elsewhere: string[] = [];
    const internal = createServer((req, res) => {
      elsewhere.push(`${req.method} ${req.url}`);
      res.writeHead(201);
      res.end();
    });
    const redirecting = createServer((_req, res) => {
      res.writeHead(303, { location: `http://127.0.0.1:${(internal.address() as AddressInfo).port}/latest/meta-data` });
      res.end();
    });
    await Promise.all([internal, redirecting].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    try {
      await send(personalMessage(url(), ben, 'my data'));
      const [attachment] = offer().attachments;
      const uploadInfo = { ...connector.files.accept(attachment!.name), uploadUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/upload` };
      expect((await send(consent('accept', attachment!.content.acceptContext, uploadInfo))).status).toBe(200);
      expect(cardText(lastCardTo(ben))).toMatch(/could not be put in your OneDrive, so it was not sent/);
      expect(elsewhere).toEqual([]);
    } finally {
      await Promise.all([internal, redirecting].map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});

describe('"delete my answers" in chat', () => {
  const conditionCardCount = (conditionId: string) => {
    const updates = connector.updates().filter((u) => JSON.stringify(u.body).includes(`"conditionId":"${conditionId}"`) && JSON.stringify(u.body).includes(openRound));
    return cardText(cardOf(updates.at(-1)?.body));
  };

  it('asks first, saying how many answers in which open rounds and why closed rounds keep theirs; Cancel deletes nothing', async () => {
    await send(personalMessage(url(), ben, 'delete my answers'));
    const card = lastCardTo(ben);
    expect(cardText(card)).toMatch(/Delete your 2 answers\?/);
    expect(cardText(card)).toContain(`${TEAM.name}, round 2 (open): 2 answers`);
    expect(cardText(card)).not.toContain(`${TEAM.name}, round 1 (closed)`);
    expect(cardText(card)).toMatch(/Answers in closed rounds are not deleted now: those rounds' results have been read/);

    const reply = await send(cardAction(url(), ben, VERBS.keepMyAnswers, buttonWithVerb(card, VERBS.keepMyAnswers).data, 'personal'));
    expect(cardText(cardOf(reply.body))).toMatch(/Nothing was deleted/);
    expect(await service.services.answers.answersOf(openRound, respondent(ben))).toHaveLength(2);
  });

  it("erases their answers in open rounds, every figure going down by exactly theirs, others' staying; a closed round's stay as they were", async () => {
    // The caches that keep counts by reading what changed have read the round already.
    expect((await participation(openRound)).respondents).toBe(2);
    expect((await service.services.reminders.completion.answeredIn(openRound)).has(respondent(ben))).toBe(true);
    const closedBefore = await participation(closedRound);
    await send(personalMessage(url(), ben, 'delete my answers'));
    const confirm = cardAction(url(), ben, VERBS.eraseMyAnswers, buttonWithVerb(lastCardTo(ben), VERBS.eraseMyAnswers).data, 'personal');

    const reply = await send(confirm);
    expect(cardText(cardOf(reply.body))).toMatch(/Deleted: your 2 answers/);
    await service.settled();

    expect(await service.services.answers.answersOf(openRound, respondent(ben))).toEqual([]);
    // A closed round's answers stay until the retention period ends: taking them out would show what Ben said.
    expect((await service.services.answers.answersOf(closedRound, respondent(ben))).map((a) => a.comment)).toEqual(['Supervision slipped in round one']);
    expect((await service.services.answers.answersOf(openRound, respondent(chloe))).map((a) => a.comment)).toEqual(['Caseloads lower in round two', '']);
    expect((await service.services.answers.answersOf(closedRound, respondent(chloe))).map((a) => a.comment)).toEqual(['Caseloads high in round one']);
    // The open round: participation in the tab, the reminders' completion, the channel's cards.
    await eventually(async () => ((await participation(openRound)).respondents === 1 ? true : undefined), 10_000, "the tab's participation without Ben");
    expect((await service.services.reminders.completion.answeredIn(openRound)).has(respondent(ben))).toBe(false);
    expect(conditionCardCount('C01')).toMatch(/1 person has answered/);
    expect(conditionCardCount('C03')).toMatch(/1 person has answered/);
    // The closed round keeps the counts kept at its close.
    expect(await participation(closedRound)).toEqual(closedBefore);
    // Their remembered level and their opt-out go too.
    expect(await service.services.levels.levelOf(TEAM.id, respondent(ben))).toBeUndefined();
    expect(await service.services.reminders.optOuts.optedOut(openRound)).not.toContain(respondent(ben));
    // The team's activity log counts the deletion once, naming nobody.
    const deletions = (await service.services.activityLog.read(TEAM.id)).entries.filter((e) => e.kind === 'answers-deleted');
    expect(deletions.map((e) => [e.actor, e.summary])).toEqual([[{ kind: 'someone' }, 'Someone deleted their own answers.']]);

    // Teams delivers the confirm again: nothing more goes, and the card says so truthfully.
    const again = await send(confirm);
    expect(cardText(cardOf(again.body))).toMatch(/You have no answers in an open round now, so nothing was deleted/);
    expect(await service.services.answers.countForCondition(openRound, 'C01')).toBe(1);
    expect((await participation(openRound)).respondents).toBe(1);
    expect((await service.services.activityLog.read(TEAM.id)).entries.filter((e) => e.kind === 'answers-deleted')).toHaveLength(1);
  });

  it('then says there is nothing to delete, and "my answers" lists only the closed round, with when its answers go', async () => {
    await send(personalMessage(url(), ben, 'delete my answers'));
    expect(cardText(lastCardTo(ben))).toMatch(/nothing to delete\. Answers in closed rounds are not deleted now/);
    await send(personalMessage(url(), ben, 'my answers'));
    const text = cardText(lastCardTo(ben));
    expect(text).toContain(`${TEAM.name}, round 1 (closed)`);
    expect(text).not.toContain(`${TEAM.name}, round 2`);
  });
});
