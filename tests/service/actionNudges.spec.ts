import type { DueJob } from '../../bot/app/dueWork';
import type { RunningService } from '../../bot/service';
import { loggedEvents } from '../support/dueWork';
import type { FakeConnector, RecordedCall } from '../support/fakeConnector';
import { chatOpenings, remindersSent } from '../support/reminders';
import { eventually } from '../support/serviceProcess';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { tabCaller } from '../support/tabCalls';
import { asRosterMember, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { startTestService } from '../support/testService';

/**
 * Issue 11: an action's owner, picked from the team's roster, is nudged one-to-one when the action
 * falls due (09:00 UK time on its due date), once per due date, through due work run by two
 * instances sharing storage and Teams (the fake connector). The service's clock is held a second
 * before 09:00 on each test's own day while the test sets its actions up, so they are all in
 * place before 09:00 however slow the machine, then runs on: the nudges fall due a second later.
 */
const STAFF = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager, PEOPLE.leader];
const clock = testClock('2027-03-01T12:00:00Z');
const logLines: string[] = [];
let team: SignedInTeam;
let second: RunningService;
let connector: FakeConnector;
let call: ReturnType<typeof tabCaller>;
const actionsPath = `/api/teams/${encodeURIComponent(TEAM.id)}/plan/actions`;

beforeAll(async () => {
  // The roster is read from Teams at each use: a member who leaves is gone at once.
  const shared = { TABLES_PREFIX: uniqueTablePrefix(), DUE_WORK_POLL_MS: '100', ROSTER_CACHE_MS: '0' };
  team = await startSignedInTeam({ roster: STAFF, env: shared, now: clock.now, logLines, logLevel: 'info' });
  second = await startTestService(shared, { now: clock.now, logLines, logLevel: 'info' });
  connector = team.connector;
  call = tabCaller(team.identity, team.service);
});
afterAll(async () => {
  await second?.stop();
  await team?.stop();
});
beforeEach(() => connector.reset());

const ACTION = { conditionId: 'C06', need: 'Monthly group case discussion in every team', progress: '', owner: '', status: 'in-progress' };

/** A champion adds an action through the tab's API; resolves its id and version. */
async function addAction(fields: Record<string, unknown>): Promise<{ actionId: string; version: string }> {
  const added = await call(PEOPLE.champion, 'POST', actionsPath, { ...ACTION, ...fields });
  expect(added.status).toBe(201);
  return added.body as { actionId: string; version: string };
}

async function changeAction(action: { actionId: string; version: string }, fields: Record<string, unknown>): Promise<void> {
  const changed = await call(PEOPLE.champion, 'PUT', `${actionsPath}/${action.actionId}`, { ...ACTION, ...fields }, action.version);
  expect(changed.status).toBe(200);
}

/** The nudges Teams accepted for this person since the last reset (cards in a one-to-one chat the bot opened). */
const nudgesTo = (who: TestPerson) => remindersSent(connector).get(who.id) ?? [];
const waitForNudge = (who: TestPerson) => eventually(() => (nudgesTo(who).length > 0 ? nudgesTo(who) : undefined), 30_000, `a nudge to ${who.name}`);
const actionDue = (actionId: string, dueDate: string): DueJob => ({ kind: 'actionDue', teamId: TEAM.id, actionId, dueDate });
/** How many times an action's nudge job was left alone for `reason`, on either instance. */
const skipped = (actionId: string, reason: string) => loggedEvents(logLines, 'action_nudge_skipped').filter((e) => e.actionId === actionId && e.reason === reason).length;
const waitForSkips = (actionId: string, reason: string, count = 1) => eventually(() => (skipped(actionId, reason) >= count ? true : undefined), 30_000, `${count} × ${reason} for ${actionId}`);
const opensChatWith = (who: TestPerson) => (c: RecordedCall) => c.method === 'POST' && c.path === '/v3/conversations' && (c.body as { members?: { id: string }[] }).members?.[0]?.id === who.id;
/** When (on the service's clock) Teams was asked to open the chat with this person. */
const chatOpenedAt = (who: TestPerson) => new Date(connector.calls.find(opensChatWith(who))!.at + (clock.now().getTime() - Date.now()));

describe("an action's owner", () => {
  it('is nudged one-to-one at 09:00 UK time on the due date, once, however often the job is delivered and by whichever instance', async () => {
    clock.holdAt('2027-03-03T08:59:59Z');
    const { actionId } = await addAction({ ownerMemberId: PEOPLE.practitioner.id, dueDate: '2027-03-03' });
    clock.runOn();
    const [nudge] = await waitForNudge(PEOPLE.practitioner);
    expect(nudge).toMatch(/^An action you own is due today\n/);
    expect(nudge).toContain(TEAM.name);
    expect(nudge).toContain(ACTION.need);
    expect(nudge).toMatch(/^Condition\n6\. Effective supervision\nDue\n3 March 2027 \(today\)\nStatus\nIn progress$/m);
    expect(nudge).toMatch(/Practice audit tab/);
    expect(chatOpenedAt(PEOPLE.practitioner).getTime()).toBeGreaterThanOrEqual(Date.parse('2027-03-03T09:00:00Z'));

    // The same job again, to both instances: claimed already, nothing more is sent.
    await Promise.all([team.service, second].map((instance) => instance.services.dueWork.schedule(actionDue(actionId, '2027-03-03'), clock.now())));
    await waitForSkips(actionId, 'already_claimed', 2);
    expect(nudgesTo(PEOPLE.practitioner)).toHaveLength(1);
    expect(chatOpenings(connector, PEOPLE.practitioner.id)).toBe(1);
  });

  it('is nudged once when two instances take copies of the job at the same moment', async () => {
    clock.holdAt('2027-03-04T08:59:59Z');
    const { actionId } = await addAction({ ownerMemberId: PEOPLE.manager.id, dueDate: '2027-03-04' });
    const nine = new Date('2027-03-04T09:00:00Z');
    await Promise.all([team.service, second, team.service, second, team.service].map((instance) => instance.services.dueWork.schedule(actionDue(actionId, '2027-03-04'), nine)));
    clock.runOn();
    await waitForNudge(PEOPLE.manager);
    await waitForSkips(actionId, 'already_claimed', 5);
    expect(nudgesTo(PEOPLE.manager)).toHaveLength(1);
    expect(chatOpenings(connector, PEOPLE.manager.id)).toBe(1);
  });

  it('is nudged on the new due date when it moves, and not for the old one', async () => {
    clock.holdAt('2027-03-05T08:59:59Z');
    // Planned for tomorrow, then moved to today: nudged today.
    const earlier = await addAction({ ownerMemberId: PEOPLE.practitioner.id, dueDate: '2027-03-06' });
    await changeAction(earlier, { ownerMemberId: PEOPLE.practitioner.id, dueDate: '2027-03-05' });
    // Planned for today, then moved to next week: not nudged today.
    const later = await addAction({ ownerMemberId: PEOPLE.manager.id, dueDate: '2027-03-05' });
    await changeAction(later, { ownerMemberId: PEOPLE.manager.id, dueDate: '2027-03-12' });
    clock.runOn();

    const [nudge] = await waitForNudge(PEOPLE.practitioner);
    expect(nudge).toMatch(/Due\n5 March 2027 \(today\)/);
    await waitForSkips(later.actionId, 'due_date_moved');
    // The job planned for the first due date, delivered as it would be tomorrow, does nothing.
    await team.service.services.dueWork.schedule(actionDue(earlier.actionId, '2027-03-06'), clock.now());
    await waitForSkips(earlier.actionId, 'due_date_moved');
    expect(nudgesTo(PEOPLE.practitioner)).toHaveLength(1);
    expect(chatOpenings(connector, PEOPLE.manager.id)).toBe(0);
  });

  it('is not nudged for an action done or removed by the time it falls due; an owner named in free text never is', async () => {
    clock.holdAt('2027-03-08T08:59:59Z');
    const done = await addAction({ ownerMemberId: PEOPLE.practitioner.id, dueDate: '2027-03-08' });
    await changeAction(done, { ownerMemberId: PEOPLE.practitioner.id, dueDate: '2027-03-08', status: 'done' });
    const removed = await addAction({ ownerMemberId: PEOPLE.manager.id, dueDate: '2027-03-08' });
    expect((await call(PEOPLE.champion, 'DELETE', `${actionsPath}/${removed.actionId}`, undefined, removed.version)).status).toBe(204);
    const freeText = await addAction({ owner: 'Head of service', ownerMemberId: null, dueDate: '2027-03-08' });
    // Nothing is planned for it; a job for it anyway (as if planned) is left alone too.
    await team.service.services.dueWork.schedule(actionDue(freeText.actionId, '2027-03-08'), new Date('2027-03-08T09:00:00Z'));
    clock.runOn();

    await waitForSkips(done.actionId, 'action_done');
    await waitForSkips(removed.actionId, 'action_removed');
    await waitForSkips(freeText.actionId, 'owner_not_a_member');
    expect(connector.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations')).toEqual([]);
  });

  it('of an action whose due date has passed is told at once that it is overdue', async () => {
    clock.setTo('2027-03-09T14:00:00Z');
    await addAction({ ownerMemberId: PEOPLE.leader.id, dueDate: '2027-03-01', status: 'not-started' });
    const [nudge] = await waitForNudge(PEOPLE.leader);
    expect(nudge).toMatch(/^An action you own is overdue\n/);
    expect(nudge).toMatch(/Due\n1 March 2027\nStatus\nNot started/);
  });

  it('who blocked the app is counted as not reached once, and not tried again', async () => {
    clock.holdAt('2027-03-10T08:59:59Z');
    connector.failNext(10, { status: 403, body: { error: { code: 'BotDisabledByAdmin', message: 'The bot is blocked' } } }, opensChatWith(PEOPLE.manager));
    const { actionId } = await addAction({ ownerMemberId: PEOPLE.manager.id, dueDate: '2027-03-10' });
    clock.runOn();
    await eventually(() => loggedEvents(logLines, 'action_nudge_unreachable').find((e) => e.actionId === actionId), 30_000, 'the nudge counted as not reached');
    await team.service.services.dueWork.schedule(actionDue(actionId, '2027-03-10'), clock.now());
    await waitForSkips(actionId, 'already_claimed');
    expect(chatOpenings(connector, PEOPLE.manager.id)).toBe(1);
    expect(loggedEvents(logLines, 'action_nudge_unreachable').filter((e) => e.actionId === actionId)).toHaveLength(1);
    expect(loggedEvents(logLines, 'due_work_failed').filter((e) => e.kind === 'actionDue')).toEqual([]);
  });

  it('is nudged by a later delivery when Teams still failed after its retries: a nudge that did not go is not claimed', async () => {
    clock.holdAt('2027-03-11T08:59:59Z');
    connector.failNext(5, { status: 500, retryAfterSeconds: 0 }, opensChatWith(PEOPLE.leader));
    const { actionId } = await addAction({ ownerMemberId: PEOPLE.leader.id, dueDate: '2027-03-11' });
    clock.runOn();
    await eventually(() => loggedEvents(logLines, 'due_work_failed').find((e) => e.kind === 'actionDue'), 60_000, 'the nudge job to fail');
    expect(chatOpenings(connector, PEOPLE.leader.id)).toBe(5);
    expect(nudgesTo(PEOPLE.leader)).toEqual([]);

    await second.services.dueWork.schedule(actionDue(actionId, '2027-03-11'), clock.now());
    await waitForNudge(PEOPLE.leader);
    expect(nudgesTo(PEOPLE.leader)).toHaveLength(1);
  });

  it('who has left the team by the time the action falls due is not nudged', async () => {
    clock.holdAt('2027-03-12T08:59:59Z');
    const { actionId } = await addAction({ ownerMemberId: PEOPLE.leader.id, dueDate: '2027-03-12' });
    connector.setRoster(TEAM.id, STAFF.filter((p) => p !== PEOPLE.leader).map(asRosterMember));
    clock.runOn();
    try {
      await waitForSkips(actionId, 'owner_not_a_member');
    } finally {
      connector.setRoster(TEAM.id, STAFF.map(asRosterMember));
    }
    expect(chatOpenings(connector, PEOPLE.leader.id)).toBe(0);
  });
});
