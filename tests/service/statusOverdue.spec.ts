import { cardOf, cardText } from '../support/cardText';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { tabCaller } from '../support/tabCalls';
import { channelCommand, PEOPLE, TEAM } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot } from '../support/testService';

/**
 * Issue 11: champions see overdue actions. A champion's `status` says how many of the team's
 * actions are overdue (not done, due before today in the UK) and where the plan is; none, nothing.
 */
const clock = testClock('2027-03-10T12:00:00Z');
let team: SignedInTeam;
let call: ReturnType<typeof tabCaller>;
const actionsPath = `/api/teams/${encodeURIComponent(TEAM.id)}/plan/actions`;

beforeAll(async () => {
  team = await startSignedInTeam({ now: clock.now });
  call = tabCaller(team.identity, team.service);
});
afterAll(async () => team?.stop());

async function addAction(dueDate: string | null, status: string): Promise<{ actionId: string; version: string }> {
  const added = await call(PEOPLE.champion, 'POST', actionsPath, { conditionId: 'C02', need: `Due ${dueDate ?? 'never'}, ${status}`, owner: 'Head of service', dueDate, status });
  expect(added.status).toBe(201);
  return added.body as { actionId: string; version: string };
}

async function statusText(): Promise<string> {
  const before = team.connector.sentActivities().length;
  expect((await postToBot(team.service, channelCommand(team.connector.serviceUrl, PEOPLE.champion, 'status'))).status).toBe(200);
  const [reply] = team.connector.sentActivities().slice(before);
  return cardText(cardOf(reply?.activity));
}

describe("a champion's status", () => {
  it("says how many of the team's actions are overdue, and where to see them; nothing while none is", async () => {
    await addAction('2027-03-10', 'not-started');
    await addAction(null, 'in-progress');
    await addAction('2027-03-01', 'done');
    expect(await statusText()).not.toMatch(/overdue/);

    const first = await addAction('2027-03-01', 'in-progress');
    await addAction('2027-03-09', 'not-started');
    expect(await statusText()).toMatch(/^2 actions are overdue: see the plan in the tab\.$/m);

    const done = await call(PEOPLE.champion, 'PUT', `${actionsPath}/${first.actionId}`, { conditionId: 'C02', need: 'Done now', owner: 'Head of service', dueDate: '2027-03-01', status: 'done' }, first.version);
    expect(done.status).toBe(200);
    expect(await statusText()).toMatch(/^1 action is overdue: see the plan in the tab\.$/m);
  });

  it('counts an action as overdue from the start of the day after its due date in the UK, not in UTC', async () => {
    clock.setTo('2027-07-01T12:00:00Z');
    await addAction('2027-07-09', 'in-progress');
    // 23:30 BST on 9 July: still its due date.
    clock.setTo('2027-07-09T22:30:00Z');
    expect(await statusText()).toMatch(/^2 actions are overdue/m);
    // 00:00 BST on 10 July, while it is still 9 July in UTC: overdue.
    clock.setTo('2027-07-09T23:00:01Z');
    expect(await statusText()).toMatch(/^3 actions are overdue/m);
  });
});
