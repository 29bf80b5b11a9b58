import type { RunningService } from '../../bot/service';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import type { LocalIdentityProvider } from '../support/ssoTokens';
import { asRosterMember, OTHER_TEAM, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';

/**
 * The Appendix 2 plan, which belongs to the team (issue 11): members read it, the team's practice
 * champions write it (actions, progress notes, an owner from the roster), and no edit is lost.
 */
let identity: LocalIdentityProvider;
let service: RunningService;
let planPath = '';
let team: SignedInTeam | undefined;

beforeAll(async () => {
  team = await startSignedInTeam();
  ({ identity, service } = team);
  planPath = `/api/teams/${encodeURIComponent(TEAM.id)}/plan`;
});
afterAll(async () => team?.stop());

async function call(who: TestPerson, method: string, path: string, body?: unknown, version?: string) {
  const token = await identity.sign({ oid: who.aadObjectId, name: who.name });
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(version ? { 'if-match': version } : {}) };
  const response = await fetch(`${service.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { actions?: (Record<string, unknown> & { actionId: string; version: string })[] } };
}

const action = {
  conditionId: 'C06',
  need: 'Monthly group case discussion in every team <b>not optional</b>',
  progress: 'Clinical lead to run a pilot in the north team',
  owner: 'Head of service',
  dueDate: '2027-03-31',
  status: 'in-progress',
};

describe('the plan', () => {
  it('lets a champion add an action that everyone in the team can read, as written', async () => {
    const added = await call(PEOPLE.champion, 'POST', `${planPath}/actions`, action);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ...action, updatedBy: 'Amara Okafor' });
    const read = await call(PEOPLE.practitioner, 'GET', planPath);
    expect(read.status).toBe(200);
    expect(read.body.canEdit).toBe(false);
    expect(read.body.actions).toEqual([expect.objectContaining(action)]);
    expect((await call(PEOPLE.champion, 'GET', planPath)).body.canEdit).toBe(true);
  });

  it('refuses changes from members who are not champions, and any access from other teams', async () => {
    expect((await call(PEOPLE.practitioner, 'POST', `${planPath}/actions`, action)).status).toBe(403);
    expect((await call(PEOPLE.outsider, 'GET', planPath)).status).toBe(403);
    expect((await call(PEOPLE.outsider, 'POST', `${planPath}/actions`, action)).status).toBe(403);
    expect((await call(PEOPLE.champion, 'GET', planPath)).body.actions).toHaveLength(1);
  });

  it('refuses every change without a valid token', async () => {
    const [current] = (await call(PEOPLE.champion, 'GET', planPath)).body.actions!;
    const unsigned = (method: string, path: string) => fetch(`${service.url}${path}`, { method, headers: { 'content-type': 'application/json', 'if-match': current!.version }, body: JSON.stringify(action) });
    expect((await unsigned('POST', `${planPath}/actions`)).status).toBe(401);
    expect((await unsigned('PUT', `${planPath}/actions/${current!.actionId}`)).status).toBe(401);
    expect((await unsigned('DELETE', `${planPath}/actions/${current!.actionId}`)).status).toBe(401);
    expect((await call(PEOPLE.champion, 'GET', planPath)).body.actions).toEqual([expect.objectContaining(action)]);
  });

  it('explains what is wrong with an action, field by field', async () => {
    const problems: [Record<string, unknown>, RegExp][] = [
      [{ ...action, need: '  ' }, /need is not valid: say what needs to happen/],
      [{ ...action, dueDate: '31/03/2027' }, /dueDate is not valid/],
      [{ ...action, status: 'abandoned' }, /status is not valid/],
      [{ ...action, conditionId: 'C13' }, /not one of the audit's conditions/],
      [{ ...action, progress: 'x'.repeat(2001) }, /progress is not valid: at most 2,000 characters/],
    ];
    for (const [body, message] of problems) {
      const reply = await call(PEOPLE.champion, 'POST', `${planPath}/actions`, body);
      expect(reply.status).toBe(400);
      expect((reply.body.error as { message: string }).message).toMatch(message);
    }
    expect((await call(PEOPLE.champion, 'GET', planPath)).body.actions).toHaveLength(1);
  });

  it('refuses text that no card, Word file or workbook can hold (control characters, U+FFFE/U+FFFF, half an emoji), naming the field, and keeps line breaks, tabs and emoji', async () => {
    const before = (await call(PEOPLE.champion, 'GET', planPath)).body.actions!;
    const unshowable: [Record<string, unknown>, RegExp][] = [
      [{ ...action, need: 'Monthly\u0001 discussion' }, /need is not valid: .*character/],
      [{ ...action, progress: 'Pilot \uFFFF first' }, /progress is not valid: .*character/],
      [{ ...action, owner: 'Head of service \uD83D' }, /owner is not valid: .*character/],
      [{ ...action, need: 'Form feed\u000C here' }, /need is not valid/],
    ];
    for (const [body, message] of unshowable) {
      const reply = await call(PEOPLE.champion, 'POST', `${planPath}/actions`, body);
      expect([reply.status, (reply.body.error as { code: string }).code]).toEqual([400, 'BAD_REQUEST']);
      expect((reply.body.error as { message: string }).message).toMatch(message);
    }
    expect((await call(PEOPLE.champion, 'GET', planPath)).body.actions).toEqual(before);
    const written = { ...action, need: 'Line one\r\nLine two\tindented \u{1F468}\u200D\u{1F469}\u200D\u{1F467}', owner: 'Siân Ó Briain' };
    const kept = await call(PEOPLE.champion, 'POST', `${planPath}/actions`, written);
    expect(kept.status).toBe(201);
    expect(kept.body).toMatchObject({ need: written.need, owner: written.owner });
    const note = await call(PEOPLE.champion, 'POST', `${planPath}/actions/${String(kept.body.actionId)}/notes`, { date: '2026-11-20', text: 'Met\u0007' });
    expect([note.status, (note.body.error as { message: string }).message]).toEqual([400, expect.stringMatching(/text is not valid: .*character/)]);
    expect((await call(PEOPLE.champion, 'DELETE', `${planPath}/actions/${String(kept.body.actionId)}`, undefined, String(kept.body.version))).status).toBe(204);
  });

  it('refuses an edit made on a version someone else has since changed, so neither is lost silently', async () => {
    const [current] = (await call(PEOPLE.champion, 'GET', planPath)).body.actions!;
    const path = `${planPath}/actions/${current!.actionId}`;
    const first = await call(PEOPLE.champion, 'PUT', path, { ...action, status: 'done' }, current!.version);
    expect(first.status).toBe(200);
    const stale = await call(PEOPLE.champion, 'PUT', path, { ...action, owner: 'Someone else' }, current!.version);
    expect(stale.status).toBe(409);
    expect((stale.body.error as { code: string }).code).toBe('PLAN_CHANGED');
    expect((await call(PEOPLE.champion, 'PUT', path, action)).status).toBe(400); // no version at all
    const [after] = (await call(PEOPLE.champion, 'GET', planPath)).body.actions!;
    expect(after).toMatchObject({ status: 'done', owner: 'Head of service' });

    expect((await call(PEOPLE.champion, 'DELETE', path, undefined, current!.version)).status).toBe(409);
    expect((await call(PEOPLE.champion, 'DELETE', path, undefined, after!.version)).status).toBe(204);
    expect((await call(PEOPLE.champion, 'GET', planPath)).body.actions).toEqual([]);
    expect((await call(PEOPLE.champion, 'DELETE', path, undefined, after!.version)).status).toBe(404);
  });

  it('takes only a real version in If-Match: "*" or a made-up value changes and removes nothing', async () => {
    const added = await call(PEOPLE.champion, 'POST', `${planPath}/actions`, action);
    const path = `${planPath}/actions/${String(added.body.actionId)}`;
    // A second champion's edit makes a newer version; the first still holds the old one.
    const newer = await call(PEOPLE.champion, 'PUT', path, { ...action, status: 'done', owner: 'Clinical lead' }, String(added.body.version));
    expect(newer.status).toBe(200);
    const notVersions = ['*', 'W/"*"', '"abc"', `${String(added.body.version)}, *`, 'W/"datetime\'yesterday\'"'];
    for (const version of notVersions) {
      const overwrite = await call(PEOPLE.champion, 'PUT', path, { ...action, owner: 'Someone else' }, version);
      expect([version, overwrite.status, (overwrite.body.error as { code: string }).code]).toEqual([version, 428, 'VERSION_NOT_VALID']);
      expect((overwrite.body.error as { message: string }).message).toMatch(/If-Match/);
      const removal = await call(PEOPLE.champion, 'DELETE', path, undefined, version);
      expect([version, removal.status]).toEqual([version, 428]);
    }
    const [kept] = (await call(PEOPLE.champion, 'GET', planPath)).body.actions!;
    expect(kept).toMatchObject({ status: 'done', owner: 'Clinical lead', version: newer.body.version });
  });
});

type Reply = Awaited<ReturnType<typeof call>>;
const codeOf = (reply: Reply) => (reply.body.error as { code: string } | undefined)?.code;
const added = async (fields: Record<string, unknown> = {}) => {
  const reply = await call(PEOPLE.champion, 'POST', `${planPath}/actions`, { ...action, ...fields });
  expect(reply.status).toBe(201);
  return reply.body as Record<string, unknown> & { actionId: string; version: string };
};
const current = async (actionId: string) => (await call(PEOPLE.practitioner, 'GET', planPath)).body.actions!.find((a) => a.actionId === actionId)!;

describe("an action's progress notes and status history", () => {
  it('keeps a dated note of what was done, in order, for everyone in the team to read', async () => {
    const { actionId } = await added({ status: 'not-started' });
    const first = await call(PEOPLE.champion, 'POST', `${planPath}/actions/${actionId}/notes`, { date: '2026-11-20', text: 'Pilot group met for the first time' });
    expect(first.status).toBe(201);
    const second = await call(PEOPLE.champion, 'POST', `${planPath}/actions/${actionId}/notes`, { date: '2026-11-06', text: 'Clinical lead agreed the <i>format</i>' });
    expect(second.body).toMatchObject({ actionId, notes: [{ date: '2026-11-06', text: 'Clinical lead agreed the <i>format</i>', writtenBy: 'Amara Okafor' }, { date: '2026-11-20', text: 'Pilot group met for the first time' }] });
    expect((await current(actionId)).notes).toEqual((second.body as { notes: unknown }).notes);
    // The reply's version is the action's own now: a change made on it goes through.
    expect((await call(PEOPLE.champion, 'PUT', `${planPath}/actions/${actionId}`, action, second.body.version as string)).status).toBe(200);
  });

  it('refuses a note without text, or dated after today, or on an action that is not there', async () => {
    const { actionId } = await added();
    const path = `${planPath}/actions/${actionId}/notes`;
    const empty = await call(PEOPLE.champion, 'POST', path, { date: '2026-11-20', text: '  ' });
    expect([empty.status, (empty.body.error as { message: string }).message]).toEqual([400, expect.stringMatching(/text is not valid: say what was done/)]);
    const future = await call(PEOPLE.champion, 'POST', path, { date: '2999-01-01', text: 'Will have happened' });
    expect([future.status, (future.body.error as { message: string }).message]).toEqual([400, expect.stringMatching(/today or before/)]);
    expect((await call(PEOPLE.champion, 'POST', path, { date: '20/11/2026', text: 'Met' })).status).toBe(400);
    const gone = await call(PEOPLE.champion, 'POST', `${planPath}/actions/no-such-action/notes`, { date: '2026-11-20', text: 'Met' });
    expect([gone.status, codeOf(gone)]).toEqual([404, 'ACTION_NOT_FOUND']);
    expect((await current(actionId)).notes).toEqual([]);
  });

  it('adds to the history each time the status moves, with who moved it, and says when it was done', async () => {
    const created = await added({ status: 'not-started' });
    const path = `${planPath}/actions/${created.actionId}`;
    const started = await call(PEOPLE.champion, 'PUT', path, { ...action, status: 'in-progress' }, created.version);
    const reworded = await call(PEOPLE.champion, 'PUT', path, { ...action, status: 'in-progress', need: 'Fortnightly' }, started.body.version as string);
    const done = await call(PEOPLE.champion, 'PUT', path, { ...action, status: 'done' }, reworded.body.version as string);
    const read = await current(created.actionId);
    expect((read.statusHistory as { status: string; changedBy: string }[]).map((s) => [s.status, s.changedBy])).toEqual([['not-started', 'Amara Okafor'], ['in-progress', 'Amara Okafor'], ['done', 'Amara Okafor']]);
    expect(read.doneAt).toBe((read.statusHistory as { changedAt: string }[])[2]!.changedAt);
    expect(read).toEqual(done.body);
  });
});

describe("an action's owner", () => {
  const guest = { id: '29:user-guest', name: 'Gail Guest', aadObjectId: '00000000-0000-4000-8000-000000000099', userRole: 'guest' };
  const roster = (people: { id: string; name: string; aadObjectId: string; userRole?: string }[]) => {
    team!.connector.setRoster(TEAM.id, people);
    service.services.roster.forget(TEAM.id);
  };
  beforeAll(() => roster([PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember).concat(guest)));

  it("is offered to champions from the team's roster, by name, guests left out", async () => {
    const members = await call(PEOPLE.champion, 'GET', `/api/teams/${encodeURIComponent(TEAM.id)}/members`);
    expect(members.body).toEqual({ members: [{ memberId: PEOPLE.champion.id, name: 'Amara Okafor' }, { memberId: PEOPLE.practitioner.id, name: 'Ben Hughes' }] });
    const practitioner = await call(PEOPLE.practitioner, 'GET', `/api/teams/${encodeURIComponent(TEAM.id)}/members`);
    expect([practitioner.status, codeOf(practitioner)]).toEqual([403, 'NOT_A_CHAMPION']);
    expect((await call(PEOPLE.outsider, 'GET', `/api/teams/${encodeURIComponent(TEAM.id)}/members`)).status).toBe(403);
  });

  it('is a member picked from the roster, named as the roster names them', async () => {
    const picked = await added({ owner: 'typed over', ownerMemberId: PEOPLE.practitioner.id });
    expect(picked).toMatchObject({ owner: 'Ben Hughes', ownerMember: { teamsUserId: PEOPLE.practitioner.id, entraObjectId: PEOPLE.practitioner.aadObjectId } });
    expect(await current(picked.actionId)).toMatchObject({ owner: 'Ben Hughes', ownerMember: { teamsUserId: PEOPLE.practitioner.id } });
  });

  it('is refused when the person picked is not in the team (or is a guest), and nothing is added or changed', async () => {
    const before = (await call(PEOPLE.champion, 'GET', planPath)).body.actions!.length;
    for (const memberId of [PEOPLE.outsider.id, guest.id, '29:made-up']) {
      const refused = await call(PEOPLE.champion, 'POST', `${planPath}/actions`, { ...action, ownerMemberId: memberId });
      expect([memberId, refused.status, codeOf(refused)]).toEqual([memberId, 400, 'OWNER_NOT_A_MEMBER']);
    }
    const free = await added({ owner: 'Head of service', ownerMemberId: null });
    const refused = await call(PEOPLE.champion, 'PUT', `${planPath}/actions/${free.actionId}`, { ...action, ownerMemberId: PEOPLE.outsider.id }, free.version);
    expect([refused.status, codeOf(refused)]).toEqual([400, 'OWNER_NOT_A_MEMBER']);
    expect(await current(free.actionId)).toMatchObject({ owner: 'Head of service', ownerMember: null, version: free.version });
    expect((await call(PEOPLE.champion, 'GET', planPath)).body.actions).toHaveLength(before + 1);
  });

  it('stays with an action whose other fields change after they have left the team', async () => {
    const picked = await added({ ownerMemberId: PEOPLE.practitioner.id });
    roster([PEOPLE.champion].map(asRosterMember));
    const changed = await call(PEOPLE.champion, 'PUT', `${planPath}/actions/${picked.actionId}`, { ...action, need: 'Reworded', ownerMemberId: PEOPLE.practitioner.id }, picked.version);
    expect(changed.body).toMatchObject({ need: 'Reworded', owner: 'Ben Hughes', ownerMember: { teamsUserId: PEOPLE.practitioner.id } });
    roster([PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember).concat(guest));
  });
});

describe("who may change the team's plan", () => {
  it('refuses every change from a member who is not a champion, and leaves the action as it was', async () => {
    const target = await added();
    const path = `${planPath}/actions/${target.actionId}`;
    const refusals = [
      await call(PEOPLE.practitioner, 'POST', `${planPath}/actions`, action),
      await call(PEOPLE.practitioner, 'PUT', path, { ...action, status: 'done' }, target.version),
      await call(PEOPLE.practitioner, 'DELETE', path, undefined, target.version),
      await call(PEOPLE.practitioner, 'POST', `${path}/notes`, { date: '2026-11-20', text: 'Met' }),
    ];
    expect(refusals.map((r) => [r.status, codeOf(r)])).toEqual(refusals.map(() => [403, 'NOT_A_CHAMPION']));
    expect(await current(target.actionId)).toMatchObject({ version: target.version, notes: [] });
  });

  it("refuses another team's champion, on this team's routes (403) and through their own team's (404)", async () => {
    const target = await added();
    const theirs = `/api/teams/${encodeURIComponent(OTHER_TEAM.id)}/plan`;
    const outsider = [
      await call(PEOPLE.outsider, 'GET', planPath),
      await call(PEOPLE.outsider, 'GET', `/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${team!.roundId}/plan`),
      await call(PEOPLE.outsider, 'PUT', `${planPath}/actions/${target.actionId}`, action, target.version),
      await call(PEOPLE.outsider, 'POST', `${planPath}/actions/${target.actionId}/notes`, { date: '2026-11-20', text: 'Met' }),
    ];
    expect(outsider.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    const ownTeam = [
      await call(PEOPLE.outsider, 'PUT', `${theirs}/actions/${target.actionId}`, action, target.version),
      await call(PEOPLE.outsider, 'DELETE', `${theirs}/actions/${target.actionId}`, undefined, target.version),
      await call(PEOPLE.outsider, 'POST', `${theirs}/actions/${target.actionId}/notes`, { date: '2026-11-20', text: 'Met' }),
    ];
    expect(ownTeam.map((r) => [r.status, codeOf(r)])).toEqual(ownTeam.map(() => [404, 'ACTION_NOT_FOUND']));
    expect((await call(PEOPLE.outsider, 'GET', theirs)).body.actions).toEqual([]);
    expect(await current(target.actionId)).toMatchObject({ version: target.version, notes: [] });
  });
});
