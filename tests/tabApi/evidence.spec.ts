import type { RunningService } from '../../bot/service';
import { closeRoundNow } from '../support/closeRoundNow';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import type { LocalIdentityProvider } from '../support/ssoTokens';
import { startTheRound } from '../support/startRound';
import { OTHER_TEAM, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';

/**
 * Evidence notes ("how do you know?", issue 11) through the real service and Azurite: members of
 * the team read a round's notes, its practice champions add, change and remove them, open round
 * or closed, and no edit is lost to another made at the same time.
 */
let identity: LocalIdentityProvider;
let service: RunningService;
let team: SignedInTeam | undefined;
let roundId = '';
let otherRoundId = '';

const teamPath = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const evidencePath = (teamId = TEAM.id, round = roundId) => `${teamPath(teamId)}/rounds/${round}/evidence`;

beforeAll(async () => {
  team = await startSignedInTeam();
  ({ identity, service, roundId } = team);
  // The other team's own round, opened by its champion (who installed the app there).
  await startTheRound(service, team.connector, { who: PEOPLE.outsider, team: OTHER_TEAM });
  await service.settled();
  otherRoundId = (await service.services.rounds.findOpen(OTHER_TEAM.id))!.roundId;
});
afterAll(async () => team?.stop());

type Note = Record<string, unknown> & { noteId: string; version: string };
interface Reply {
  status: number;
  body: Record<string, unknown> & { notes?: Note[]; error?: { code: string; message: string } };
}

async function call(who: TestPerson, method: string, path: string, body?: unknown, version?: string): Promise<Reply> {
  const token = await identity.sign({ oid: who.aadObjectId, name: who.name });
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(version ? { 'if-match': version } : {}) };
  const response = await fetch(`${service.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

const notesOf = async (who: TestPerson = PEOPLE.champion): Promise<Note[]> => (await call(who, 'GET', evidencePath())).body.notes!;

const caseAudit = {
  conditionId: 'C06',
  kind: 'case-audit',
  source: 'QA team’s audit of 20 CIN cases',
  date: '2026-10-14',
  found: 'Supervision recorded in 17 of 20 files; <b>reflective</b> discussion in 6.\nGroup case discussion in none.',
};

describe('evidence notes', () => {
  it('lets a champion add a note that every member of the team reads as written, with who added it', async () => {
    const added = await call(PEOPLE.champion, 'POST', evidencePath(), caseAudit);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ...caseAudit, roundId, addedBy: 'Amara Okafor', noteId: expect.any(String), version: expect.stringMatching(/^W\//) });

    const read = await call(PEOPLE.practitioner, 'GET', evidencePath());
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ notes: [added.body], canEdit: false });
    expect((await call(PEOPLE.champion, 'GET', evidencePath())).body.canEdit).toBe(true);
  });

  it('lists a round’s notes by condition, then by the date of the evidence', async () => {
    const later = await call(PEOPLE.champion, 'POST', evidencePath(), { ...caseAudit, kind: 'practice-week', source: '', date: '2026-11-02', found: 'Practice week: group case discussion started in two teams.' });
    const earlier = await call(PEOPLE.champion, 'POST', evidencePath(), { conditionId: 'C02', kind: 'family-feedback', date: '2026-09-30', found: 'Families said they knew who their worker was.' });
    expect([later.status, earlier.status]).toEqual([201, 201]);
    expect(earlier.body.source).toBe('');
    const notes = await notesOf();
    expect(notes.map((n) => [n.conditionId, n.date])).toEqual([['C02', '2026-09-30'], ['C06', '2026-10-14'], ['C06', '2026-11-02']]);
    for (const note of [later.body, earlier.body] as Note[]) {
      expect((await call(PEOPLE.champion, 'DELETE', `${evidencePath()}/${note.noteId}`, undefined, note.version)).status).toBe(204);
    }
    expect(await notesOf()).toHaveLength(1);
  });

  it('refuses changes from members who are not champions, changing nothing', async () => {
    const [note] = await notesOf();
    const path = `${evidencePath()}/${note!.noteId}`;
    for (const [method, target, body] of [['POST', evidencePath(), caseAudit], ['PUT', path, { ...caseAudit, found: 'Nothing much' }], ['DELETE', path, undefined]] as const) {
      const refused = await call(PEOPLE.practitioner, method, target, body, note!.version);
      expect([method, refused.status, refused.body.error?.code]).toEqual([method, 403, 'NOT_A_CHAMPION']);
    }
    expect(await notesOf()).toEqual([note]);
  });

  it("keeps a team's notes from everyone outside it, and another team's champion cannot reach them through their own team", async () => {
    const [note] = await notesOf();
    const path = `${evidencePath()}/${note!.noteId}`;
    // A member of another team, on this team's routes: not a member, so 403 whatever they ask.
    for (const [method, target, body] of [['GET', evidencePath(), undefined], ['POST', evidencePath(), caseAudit], ['PUT', path, caseAudit], ['DELETE', path, undefined]] as const) {
      expect([method, (await call(PEOPLE.outsider, method, target, body, note!.version)).status]).toEqual([method, 403]);
    }
    // The other team's champion, naming this team's round under their own team: no such round there.
    const viaOwnTeam = `${evidencePath(OTHER_TEAM.id, roundId)}/${note!.noteId}`;
    for (const [method, target, body] of [['GET', evidencePath(OTHER_TEAM.id, roundId), undefined], ['POST', evidencePath(OTHER_TEAM.id, roundId), caseAudit], ['PUT', viaOwnTeam, caseAudit], ['DELETE', viaOwnTeam, undefined]] as const) {
      const refused = await call(PEOPLE.outsider, method, target, body, note!.version);
      expect([method, refused.status, refused.body.error?.code]).toEqual([method, 404, 'ROUND_NOT_FOUND']);
    }
    // This team's champion, naming the other team's round under this team: likewise.
    expect((await call(PEOPLE.champion, 'GET', evidencePath(TEAM.id, otherRoundId))).status).toBe(404);
    expect((await call(PEOPLE.champion, 'POST', evidencePath(TEAM.id, otherRoundId), caseAudit)).status).toBe(404);
    expect(await notesOf()).toEqual([note]);
    expect((await call(PEOPLE.outsider, 'GET', evidencePath(OTHER_TEAM.id, otherRoundId))).body).toEqual({ notes: [], canEdit: true });
  });

  it('refuses every change without a valid token', async () => {
    const [note] = await notesOf();
    const unsigned = (method: string, path: string) =>
      fetch(`${service.url}${path}`, { method, headers: { 'content-type': 'application/json', 'if-match': note!.version }, body: JSON.stringify(caseAudit) });
    expect((await unsigned('POST', evidencePath())).status).toBe(401);
    expect((await unsigned('PUT', `${evidencePath()}/${note!.noteId}`)).status).toBe(401);
    expect((await unsigned('DELETE', `${evidencePath()}/${note!.noteId}`)).status).toBe(401);
    expect(await notesOf()).toEqual([note]);
  });

  it('says which field of a note is wrong, and keeps nothing of it', async () => {
    const problems: [Record<string, unknown>, RegExp][] = [
      [{ ...caseAudit, found: '   ' }, /note's found is not valid: say what the evidence found/],
      [{ ...caseAudit, kind: 'hearsay' }, /note's kind is not valid: choose one of case-audit, practice-week, supervision-audit, family-feedback, other/],
      [{ ...caseAudit, date: '14/10/2026' }, /note's date is not valid: give the day the evidence was gathered, as YYYY-MM-DD/],
      [{ ...caseAudit, date: undefined }, /note's date is not valid/],
      [{ ...caseAudit, conditionId: 'C13' }, /note's conditionId is not valid: that condition is not one of the audit's conditions/],
      [{ ...caseAudit, source: 'x'.repeat(201) }, /note's source is not valid: at most 200 characters/],
      // Evidence is what was found: a day still to come is a slip, and would stand in a report for Ofsted.
      [{ ...caseAudit, date: '2999-02-12' }, /note's date is not valid: give the day the evidence was gathered, today or before/],
    ];
    for (const [body, message] of problems) {
      const reply = await call(PEOPLE.champion, 'POST', evidencePath(), body);
      expect([reply.status, reply.body.error?.code]).toEqual([400, 'BAD_REQUEST']);
      expect(reply.body.error!.message).toMatch(message);
    }
    expect(await notesOf()).toHaveLength(1);
  });

  it('refuses what it found, or its source, holding characters no report can hold (control characters, U+FFFE/U+FFFF, half an emoji), keeping nothing of it', async () => {
    const before = await notesOf();
    for (const [body, message] of [
      [{ ...caseAudit, found: 'Supervision\u0001 recorded' }, /note's found is not valid: .*character/],
      [{ ...caseAudit, source: 'QA team \uFFFE' }, /note's source is not valid: .*character/],
      [{ ...caseAudit, found: 'Half an emoji \uDE00' }, /note's found is not valid/],
    ] as const) {
      const reply = await call(PEOPLE.champion, 'POST', evidencePath(), body);
      expect([reply.status, reply.body.error?.code]).toEqual([400, 'BAD_REQUEST']);
      expect(reply.body.error!.message).toMatch(message);
    }
    expect(await notesOf()).toEqual(before);
  });

  it('takes what it found up to 2,000 characters, refuses longer, and a body over the request limit, losing none of what was kept', async () => {
    const tooLong = await call(PEOPLE.champion, 'POST', evidencePath(), { ...caseAudit, found: 'a'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error!.message).toMatch(/note's found is not valid: at most 2,000 characters/);
    // 2,000 characters, none of them ASCII (6,000 bytes in UTF-8), come back exactly as written.
    const longest = '–é£'.repeat(666) + 'ß€';
    const kept = await call(PEOPLE.champion, 'POST', evidencePath(), { ...caseAudit, found: longest });
    expect(kept.status).toBe(201);
    const huge = await call(PEOPLE.champion, 'POST', evidencePath(), JSON.stringify({ ...caseAudit, found: 'a'.repeat(300_000) }));
    expect(huge.status).toBe(413);
    const notes = await notesOf();
    expect(notes.map((n) => n.found)).toEqual([caseAudit.found, longest]);
    const removed = await call(PEOPLE.champion, 'DELETE', `${evidencePath()}/${String(kept.body.noteId)}`, undefined, String(kept.body.version));
    expect(removed.status).toBe(204);
  });

  it('refuses a change made on a version someone else has since changed, so neither edit is lost silently', async () => {
    const [current] = await notesOf();
    const path = `${evidencePath()}/${current!.noteId}`;
    const first = await call(PEOPLE.champion, 'PUT', path, { ...caseAudit, found: 'Supervision in 18 of 20 files, after a recount.' }, current!.version);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ noteId: current!.noteId, addedBy: 'Amara Okafor', addedAt: current!.addedAt });
    const stale = await call(PEOPLE.champion, 'PUT', path, { ...caseAudit, found: 'The other champion’s wording' }, current!.version);
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'EVIDENCE_CHANGED']);
    expect((await call(PEOPLE.champion, 'PUT', path, caseAudit)).status).toBe(400); // no version at all
    for (const version of ['*', 'W/"*"', 'made-up']) {
      const overwrite = await call(PEOPLE.champion, 'PUT', path, caseAudit, version);
      expect([version, overwrite.status, overwrite.body.error?.code]).toEqual([version, 428, 'VERSION_NOT_VALID']);
      expect(overwrite.body.error!.message).toMatch(/evidence note .* If-Match/);
      expect((await call(PEOPLE.champion, 'DELETE', path, undefined, version)).status).toBe(428);
    }
    const [after] = await notesOf();
    expect(after).toMatchObject({ found: 'Supervision in 18 of 20 files, after a recount.', version: first.body.version });

    expect((await call(PEOPLE.champion, 'DELETE', path, undefined, current!.version)).status).toBe(409);
    expect((await call(PEOPLE.champion, 'DELETE', path, undefined, after!.version)).status).toBe(204);
    expect(await notesOf()).toEqual([]);
    const gone = await call(PEOPLE.champion, 'PUT', path, caseAudit, after!.version);
    expect([gone.status, gone.body.error?.code]).toEqual([404, 'EVIDENCE_NOT_FOUND']);
    expect((await call(PEOPLE.champion, 'DELETE', path, undefined, after!.version)).status).toBe(404);
    // An id that cannot be a row's key names no note (rather than storage failing on it).
    const notAKey = await call(PEOPLE.champion, 'PUT', `${evidencePath()}/${encodeURIComponent('a/b#c')}`, caseAudit, after!.version);
    expect([notAKey.status, notAKey.body.error?.code]).toEqual([404, 'EVIDENCE_NOT_FOUND']);
  });

  it('takes notes for a closed round too: evidence often arrives after the close', async () => {
    const token = await identity.sign({ oid: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name });
    await closeRoundNow(service, { authorization: `Bearer ${token}` });
    const added = await call(PEOPLE.champion, 'POST', evidencePath(), { ...caseAudit, kind: 'supervision-audit', date: '2026-11-20' });
    expect(added.status).toBe(201);
    const changed = await call(PEOPLE.champion, 'PUT', `${evidencePath()}/${String(added.body.noteId)}`, { ...caseAudit, kind: 'supervision-audit', date: '2026-11-21' }, String(added.body.version));
    expect(changed.status).toBe(200);
    expect(await notesOf(PEOPLE.practitioner)).toEqual([changed.body]);
  });
});
