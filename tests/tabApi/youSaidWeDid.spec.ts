import type { RunningService } from '../../bot/service';
import { tabCaller } from '../support/tabCalls';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText } from '../support/cardText';
import { closeRoundNow } from '../support/closeRoundNow';
import type { FakeConnector, RecordedCall } from '../support/fakeConnector';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import type { LocalIdentityProvider } from '../support/ssoTokens';
import { cardAction, PEOPLE, TEAM, TENANT_ID, type TestPerson } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * Issue 11, "Staff hear back", through the tab's API: a champion previews a closed round's "You
 * said, we did" card and posts it in the channel, once; a done action's "We did" update likewise.
 * Each POST answers only once Teams has taken the post, and says so truthfully when it has not.
 */
let team: SignedInTeam;
let identity: LocalIdentityProvider;
let service: RunningService;
let connector: FakeConnector;
let roundPath = '';
const teamPath = `/api/teams/${encodeURIComponent(TEAM.id)}`;

beforeAll(async () => {
  team = await startSignedInTeam();
  ({ identity, service, connector } = team);
  roundPath = `${teamPath}/rounds/${team.roundId}`;
  await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.practitioner, VERBS.answer, { roundId: team.roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'practitioner' }));
});
afterAll(async () => team?.stop());

/** The tab's API as `who` (tests/support/tabCalls.ts). */
const call = (...args: Parameters<ReturnType<typeof tabCaller>>) => tabCaller(identity, service)(...args);

const inChannel = (title: RegExp) => connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id) && title.test(cardText(cardOf(s.activity))));
const isChannelPost = (call: RecordedCall) => call.method === 'POST' && (call.conversationId ?? '').startsWith(TEAM.id) && call.path.includes('/activities');

describe('"You said, we did" from the tab', () => {
  it('is not there while the round is open', async () => {
    const reply = await call(PEOPLE.champion, 'GET', `${roundPath}/you-said-we-did`);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'RESULTS_AT_CLOSE' });
    expect((await call(PEOPLE.champion, 'POST', `${roundPath}/you-said-we-did`)).status).toBe(409);
  });

  it("previews a closed round's card for a champion, and for no one else", async () => {
    const token = await identity.sign({ oid: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name });
    await closeRoundNow(service, { authorization: `Bearer ${token}` });
    const preview = await call(PEOPLE.champion, 'GET', `${roundPath}/you-said-we-did`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      facts: { roundNumber: 1, respondents: 1, teamSize: { known: true, members: 2 }, extremes: { kind: 'too-few', scored: 0 }, disagreements: { comparable: false, gaps: [] } },
      posted: null,
    });
    const member = await call(PEOPLE.practitioner, 'GET', `${roundPath}/you-said-we-did`);
    expect(member).toEqual({ status: 403, body: { error: { code: 'NOT_A_CHAMPION', message: "Only the team's practice champions can post in the channel." } } });
    expect((await call(PEOPLE.outsider, 'GET', `${roundPath}/you-said-we-did`)).status).toBe(403);
    expect((await call(PEOPLE.practitioner, 'POST', `${roundPath}/you-said-we-did`)).status).toBe(403);
    expect(inChannel(/^You said, we did/)).toEqual([]);
  });

  it('says so, and keeps nothing, when Teams refuses the post; then posts it once, however often it is asked', async () => {
    connector.failNext(1, { status: 413, body: { error: { code: 'MessageSizeTooBig', message: 'Message is too big' } } }, isChannelPost);
    const refused = await call(PEOPLE.champion, 'POST', `${roundPath}/you-said-we-did`);
    expect(refused).toEqual({ status: 502, body: { error: { code: 'TEAMS_REFUSED_POST', message: 'Teams did not accept the card, so it was not posted in the channel. Please try again in a moment.' } } });
    expect(inChannel(/^You said, we did/)).toEqual([]);
    expect((await call(PEOPLE.champion, 'GET', `${roundPath}/you-said-we-did`)).body.posted).toBeNull();

    const posted = await call(PEOPLE.champion, 'POST', `${roundPath}/you-said-we-did`);
    expect(posted).toEqual({ status: 201, body: { posted: true, postedAt: expect.any(String) } });
    const cards = inChannel(/^You said, we did: audit round 1\n1 of 2 members \(50%\) took part in audit round 1/);
    expect(cards).toHaveLength(1);
    // Answered once Teams had taken it: the post was there before the answer.
    expect(Date.parse(posted.body.postedAt as string)).toBeGreaterThanOrEqual(cards[0]!.at);

    const again = await Promise.all([call(PEOPLE.champion, 'POST', `${roundPath}/you-said-we-did`), call(PEOPLE.champion, 'POST', `${roundPath}/you-said-we-did`)]);
    expect(again.map((r) => r.body)).toEqual([posted.body, posted.body]);
    expect(inChannel(/^You said, we did/)).toHaveLength(1);
    expect((await call(PEOPLE.champion, 'GET', `${roundPath}/you-said-we-did`)).body.posted).toEqual({ postedAt: posted.body.postedAt, postedBy: 'Amara Okafor' });
  });
});

describe("a done action's update", () => {
  const ACTION = { conditionId: 'C06', need: 'Monthly group case discussion in every team', progress: '', owner: 'Head of service', ownerMemberId: null, dueDate: '2027-03-31' };
  /** Adds an action to the team's plan as a champion does in the tab. */
  const addAction = async (fields: Record<string, unknown>) => {
    const added = await call(PEOPLE.champion, 'POST', `${teamPath}/plan/actions`, { ...ACTION, ...fields });
    expect(added.status).toBe(201);
    return added.body.actionId as string;
  };
  /** Sets an action's status as a champion does in the tab, at its current version. */
  const setStatus = async (actionId: string, status: string) => {
    const current = ((await call(PEOPLE.champion, 'GET', `${teamPath}/plan`)).body.actions as { actionId: string; version: string }[]).find((a) => a.actionId === actionId)!;
    expect((await call(PEOPLE.champion, 'PUT', `${teamPath}/plan/actions/${actionId}`, { ...ACTION, status }, current.version)).status).toBe(200);
  };
  const announce = (who: TestPerson, actionId: string) => call(who, 'POST', `${teamPath}/plan/actions/${encodeURIComponent(actionId)}/announce`);

  it('posts a done action as "We did" in the team\'s channel, once', async () => {
    const done = await addAction({ status: 'done' });
    expect((await announce(PEOPLE.practitioner, done)).status).toBe(403);
    const posted = await announce(PEOPLE.champion, done);
    expect(posted).toEqual({ status: 201, body: { posted: true, postedAt: expect.any(String) } });
    const cards = inChannel(/^We did: condition 6\n/);
    expect(cards).toHaveLength(1);
    expect(cardText(cardOf(cards[0]!.activity))).toContain('What was done\nMonthly group case discussion in every team\nDone on');
    expect((await announce(PEOPLE.champion, done)).body).toEqual(posted.body);
    expect(inChannel(/^We did/)).toHaveLength(1);

    // Reopened, then done again: a new update, posted once more.
    await setStatus(done, 'in-progress');
    expect((await announce(PEOPLE.champion, done)).body.error).toMatchObject({ code: 'ACTION_NOT_DONE' });
    await setStatus(done, 'done');
    expect((await announce(PEOPLE.champion, done)).status).toBe(201);
    expect(inChannel(/^We did: condition 6\n/)).toHaveLength(2);
  });

  it("shows the plan's actions on a closed round's card as the plan stands now (the round is the team's latest)", async () => {
    const preview = await call(PEOPLE.champion, 'GET', `${roundPath}/you-said-we-did`);
    expect(preview.body.facts).toMatchObject({
      actions: expect.arrayContaining([expect.objectContaining({ conditionId: 'C06', need: 'Monthly group case discussion in every team', owner: 'Head of service', dueDate: '2027-03-31' })]),
      planAsOf: { kind: 'living', on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
  });

  it('refuses an action that is not done, or is not in the plan, posting nothing', async () => {
    const before = inChannel(/^We did/).length;
    const started = await addAction({ status: 'in-progress' });
    expect(await announce(PEOPLE.champion, started)).toEqual({
      status: 409,
      body: { error: { code: 'ACTION_NOT_DONE', message: 'Only a done action can be announced, and this one is in progress: mark it done in the plan first.' } },
    });
    expect((await announce(PEOPLE.champion, 'no-such-action')).body.error).toMatchObject({ code: 'ACTION_NOT_FOUND' });
    expect((await announce(PEOPLE.champion, 'no-such-action')).status).toBe(404);
    expect(inChannel(/^We did/)).toHaveLength(before);
  });

  it('says Teams could not be reached (503), never that it was posted, when Teams does not answer; and lets it be tried again', async () => {
    const done = await addAction({ status: 'done', conditionId: 'C08', need: 'A business support officer for each team' });
    const moved = (to: string) => service.services.teams.readdress(TEAM.id, TENANT_ID, (postTo) => ({ ...postTo, serviceUrl: to }));
    // Nothing listens on port 9 (discard): the connection is refused, as when Teams cannot be reached.
    await moved('http://127.0.0.1:9/');
    expect(await announce(PEOPLE.champion, done)).toEqual({
      status: 503,
      body: { error: { code: 'TEAMS_UNREACHABLE', message: 'Practice Audit could not reach Teams just now, so the post was not confirmed. Look in the channel, and try again if the card is not there.' } },
    });
    await moved(connector.serviceUrl);
    expect((await announce(PEOPLE.champion, done)).status).toBe(201);
    expect(inChannel(/^We did: condition 8/)).toHaveLength(1);
  });
});
