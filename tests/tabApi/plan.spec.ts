import type { RunningService } from '../../bot/service';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import type { LocalIdentityProvider } from '../support/ssoTokens';
import { PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';

/** The Appendix 2 plan: members read it, the team's practice champions write it, and no edit is lost. */
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
