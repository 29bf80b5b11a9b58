import { entryRowKey } from '../../bot/storage/activityLogRepository';
import { encodeKey } from '../../bot/storage/keys';
import { openAuditTables } from '../../bot/storage/tables';
import type { RunningService } from '../../bot/service';
import { closeRoundNow } from '../support/closeRoundNow';
import { parseCsv } from '../support/csvParse';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import type { LocalIdentityProvider } from '../support/ssoTokens';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';
import { tabCaller, type TabReply } from '../support/tabCalls';
import { PEOPLE, TEAM } from '../support/teamsActivities';

/**
 * The team's activity log (issue 12): what champions did is recorded as they do it, champions
 * (only) read it in the tab and as a CSV file, and an entry changed behind the app's back, in
 * storage, is found.
 */
const prefix = uniqueTablePrefix();
let identity: LocalIdentityProvider;
let service: RunningService;
let team: SignedInTeam | undefined;
let call: ReturnType<typeof tabCaller>;
const activityPath = `/api/teams/${encodeURIComponent(TEAM.id)}/activity`;
const actionsPath = `/api/teams/${encodeURIComponent(TEAM.id)}/plan/actions`;

beforeAll(async () => {
  team = await startSignedInTeam({ env: { TABLES_PREFIX: prefix } });
  ({ identity, service } = team);
  call = tabCaller(identity, service);
});
afterAll(async () => team?.stop());

type Entries = { sequence: number; kind: string; actor: string; summary: string; roundId?: string }[];
const bearer = async (name = PEOPLE.champion.name) => `Bearer ${await identity.sign({ oid: PEOPLE.champion.aadObjectId, name })}`;
const entriesOf = (reply: TabReply) => reply.body.entries as Entries;

describe("the team's activity log", () => {
  it("records, newest first, who opened the round, changed the plan and closed the round, saying what changed; never a champion's Entra id", async () => {
    const added = await call(PEOPLE.champion, 'POST', actionsPath, { conditionId: 'C06', need: 'Monthly group case discussion', owner: 'Head of service', dueDate: '2027-03-31' });
    expect(added.status).toBe(201);
    const action = added.body as { actionId: string; version: string };
    const changed = await call(PEOPLE.champion, 'PUT', `${actionsPath}/${action.actionId}`, { conditionId: 'C06', need: 'Monthly group case discussion', owner: 'Head of service', dueDate: '2027-04-30', status: 'in-progress' }, action.version);
    expect(changed.status).toBe(200);
    expect((await call(PEOPLE.champion, 'DELETE', `${actionsPath}/${action.actionId}`, undefined, (changed.body as { version: string }).version)).status).toBe(204);
    const closed = await closeRoundNow(service, { authorization: await bearer() });

    const reply = await call(PEOPLE.champion, 'GET', activityPath);
    expect(reply.status).toBe(200);
    expect(reply.body.check).toEqual({ intact: true, entries: 6 });
    expect(entriesOf(reply).map(({ sequence, kind, actor, summary }) => ({ sequence, kind, actor, summary }))).toEqual([
      { sequence: 6, kind: 'round-closed', actor: 'Amara Okafor', summary: 'Amara Okafor closed audit round 1.' },
      { sequence: 5, kind: 'action-removed', actor: 'Amara Okafor', summary: 'Amara Okafor removed the action "Monthly group case discussion" (condition 6), with its notes.' },
      {
        sequence: 4,
        kind: 'action-changed',
        actor: 'Amara Okafor',
        summary: 'Amara Okafor changed the action "Monthly group case discussion": status from Not started to In progress; due date from Wednesday 31 March 2027 to Friday 30 April 2027.',
      },
      { sequence: 3, kind: 'action-added', actor: 'Amara Okafor', summary: expect.stringMatching(/^Amara Okafor added an action for condition 6: "Monthly group case discussion" \(owner Head of service, due Wednesday 31 March 2027, not started\)\.$/) },
      { sequence: 2, kind: 'round-opened', actor: 'Amara Okafor', summary: expect.stringMatching(/^Amara Okafor opened audit round 1, closing on \w+day \d+ \w+ \d{4}\.$/) },
      { sequence: 1, kind: 'champion-named', actor: 'Amara Okafor', summary: 'Amara Okafor became a practice champion by adding Practice Audit to the team.' },
    ]);
    expect(entriesOf(reply)[0]!.roundId).toBe(closed.round.roundId);
    expect(JSON.stringify(reply.body)).not.toContain(PEOPLE.champion.aadObjectId);
  });

  it('is for the practice champions only', async () => {
    expect((await call(PEOPLE.practitioner, 'GET', activityPath)).body.error).toMatchObject({ code: 'NOT_A_CHAMPION', message: "Only the team's practice champions can read its activity log." });
    expect((await call(PEOPLE.outsider, 'GET', activityPath)).status).toBe(403);
    expect((await call(PEOPLE.practitioner, 'GET', `${activityPath}.csv`)).status).toBe(403);
    expect((await fetch(`${service.url}${activityPath}.csv`)).status).toBe(401);
  });

  it('downloads as a CSV file: the check of the chain, then the entries newest first, each cell safe from formula injection', async () => {
    // A champion whose display name a spreadsheet would read as a formula.
    await fetch(`${service.url}${actionsPath}`, { method: 'POST', headers: { authorization: await bearer('=HYPERLINK("http://x.example")'), 'content-type': 'application/json' }, body: JSON.stringify({ conditionId: 'C01', need: '+1 more' }) });
    const response = await fetch(`${service.url}${activityPath}.csv`, { headers: { authorization: await bearer() } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('activity log.csv');
    const lines = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
    expect(lines[1]!.slice(0, 2)).toEqual(['Chain', 'The record is complete and unchanged.']);
    expect(lines[4]).toEqual(['Entry', 'Appended at (UTC)', 'Happened at (UTC)', 'What', 'Who', 'Round id', 'Summary', 'Hash', 'Previous hash']);
    const newest = lines[5]!;
    expect(newest.slice(0, 1)).toEqual(['7']);
    expect(newest[3]).toBe('Action added');
    expect(newest[4]).toBe(`'=HYPERLINK("http://x.example")`);
    expect(newest[6]).toMatch(/^'=HYPERLINK\("http:\/\/x\.example"\) added an action for condition 1: "\+1 more"/);
    expect(newest[7]).toMatch(/^[0-9a-f]{64}$/);
    expect(lines.slice(5).map((line) => line[0])).toEqual(['7', '6', '5', '4', '3', '2', '1']);
    expect(lines.flat().join(' ')).not.toContain(PEOPLE.champion.aadObjectId);
  });

  it('says which entry was changed in storage behind the app, in the tab and in the CSV', async () => {
    const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, prefix);
    await tables.activityLog.updateEntity({ partitionKey: encodeKey(TEAM.id), rowKey: entryRowKey(2), summary: 'Ben Hughes opened audit round 1.' }, 'Merge');
    const reply = await call(PEOPLE.champion, 'GET', activityPath);
    expect(reply.body.check).toEqual({ intact: false, entries: 7, firstBrokenSequence: 2 });
    const csv = await fetch(`${service.url}${activityPath}.csv`, { headers: { authorization: await bearer() } });
    expect(parseCsv((await csv.text()).replace(/^\uFEFF/, ''))[1]!.slice(0, 2)).toEqual(['Chain', 'Entry 2 was changed outside Practice Audit.']);
  });
});
