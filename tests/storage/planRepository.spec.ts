import { odata } from '@azure/data-tables';
import type { ActionFields } from '../../bot/app/plan/planStore';
import { frozenPartition } from '../../bot/storage/frozenPlans';
import { PlanRepository } from '../../bot/storage/planRepository';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/** The team's living plan in Table storage: actions with their notes and status history, and plans kept at close. */
let tables: AuditTables;
let plans: PlanRepository;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  plans = new PlanRepository(tables.plans, new RoundsRepository(tables.rounds));
});

// Teams ids are not ours to choose: keys must survive whatever they contain.
const TEAM = '19:a/b\\c#d?e%f@thread.tacv2';
const fields: ActionFields = {
  conditionId: 'C06',
  need: 'Monthly group case discussion',
  progress: 'Pilot in the north team',
  owner: 'Ben Hughes',
  ownerMember: { teamsUserId: '29:user-2', entraObjectId: '00000000-0000-4000-8000-000000000002' },
  dueDate: '2027-03-31',
  status: 'not-started',
};
const at = (minute: number) => `2027-01-04T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe("a team's plan", () => {
  it('keeps an action with its owner, and a history entry for every status it moves to', async () => {
    const created = await plans.create(TEAM, 'act-1', fields, { at: at(0), by: 'Amara Okafor', roundId: 'round-1' });
    expect(created).toMatchObject({ ...fields, actionId: 'act-1', createdAt: at(0), createdInRoundId: 'round-1', doneAt: null, statusHistory: [{ status: 'not-started', changedAt: at(0), changedBy: 'Amara Okafor' }] });

    const started = await plans.update(TEAM, 'act-1', created.version, { ...fields, status: 'in-progress' }, { at: at(1), by: 'Chloe Singh' });
    const reworded = await plans.update(TEAM, 'act-1', started.version, { ...fields, status: 'in-progress', need: 'Fortnightly' }, { at: at(2), by: 'Chloe Singh' });
    const done = await plans.update(TEAM, 'act-1', reworded.version, { ...fields, need: 'Fortnightly', status: 'done' }, { at: at(3), by: 'Amara Okafor' });
    expect(done).toMatchObject({ need: 'Fortnightly', doneAt: at(3), updatedAt: at(3), updatedBy: 'Amara Okafor', createdAt: at(0) });
    expect(done.statusHistory.map((change) => [change.status, change.changedAt])).toEqual([['not-started', at(0)], ['in-progress', at(1)], ['done', at(3)]]);

    const reopened = await plans.update(TEAM, 'act-1', done.version, { ...fields, status: 'in-progress' }, { at: at(4), by: 'Amara Okafor' });
    expect(reopened.doneAt).toBeNull();
    expect(await plans.get(TEAM, 'act-1')).toEqual(reopened);
    expect(await plans.list(TEAM)).toEqual([reopened]);
  });

  it('refuses a change at a version someone else has replaced, and changes nothing', async () => {
    const created = await plans.create(TEAM, 'act-2', { ...fields, conditionId: 'C01' }, { at: at(10), by: 'Amara Okafor', roundId: null });
    const theirs = await plans.update(TEAM, 'act-2', created.version, { ...fields, conditionId: 'C01', status: 'in-progress' }, { at: at(11), by: 'Chloe Singh' });
    await expect(plans.update(TEAM, 'act-2', created.version, { ...fields, conditionId: 'C01', status: 'done' }, { at: at(12), by: 'Amara Okafor' })).rejects.toMatchObject({ code: 'PLAN_CHANGED' });
    await expect(plans.remove(TEAM, 'act-2', created.version)).rejects.toMatchObject({ code: 'PLAN_CHANGED' });
    await expect(plans.update(TEAM, 'act-2', '*', fields, { at: at(12), by: 'Amara Okafor' })).rejects.toMatchObject({ code: 'VERSION_NOT_VALID' });
    expect(await plans.get(TEAM, 'act-2')).toEqual(theirs);
    expect(theirs.statusHistory).toHaveLength(2);
  });

  it("reads an action with its progress notes, oldest first, and removes them with it", async () => {
    const created = await plans.create(TEAM, 'act-3', { ...fields, conditionId: 'C09' }, { at: at(20), by: 'Amara Okafor', roundId: null });
    await plans.addNote(TEAM, 'act-3', { date: '2027-01-20', text: 'Second session held', writtenAt: at(22), writtenBy: 'Amara Okafor' });
    await plans.addNote(TEAM, 'act-3', { date: '2027-01-06', text: 'First session held', writtenAt: at(23), writtenBy: 'Chloe Singh' });
    const read = (await plans.get(TEAM, 'act-3'))!;
    expect(read.notes.map((note) => [note.date, note.text, note.writtenBy])).toEqual([['2027-01-06', 'First session held', 'Chloe Singh'], ['2027-01-20', 'Second session held', 'Amara Okafor']]);
    // A note moves the action's version: an edit made on what was read before it is refused.
    expect(read.version).not.toBe(created.version);
    await expect(plans.update(TEAM, 'act-3', created.version, fields, { at: at(24), by: 'Amara Okafor' })).rejects.toMatchObject({ code: 'PLAN_CHANGED' });

    await plans.remove(TEAM, 'act-3', read.version);
    expect(await plans.get(TEAM, 'act-3')).toBeUndefined();
    await expect(plans.addNote(TEAM, 'act-3', { date: '2027-01-21', text: 'Too late', writtenAt: at(25), writtenBy: 'Amara Okafor' })).rejects.toMatchObject({ code: 'ACTION_NOT_FOUND' });
    await expect(plans.remove(TEAM, 'act-3', read.version)).rejects.toMatchObject({ code: 'ACTION_NOT_FOUND' });
    const left: string[] = [];
    for await (const row of tables.plans.listEntities<{ actionId?: string }>()) if (row.actionId === 'act-3') left.push(row.rowKey!);
    expect(left).toEqual([]);
  });

  it("keeps each team's plan apart", async () => {
    const other = '19:other@thread.tacv2';
    await plans.create(other, 'act-other', fields, { at: at(30), by: 'Frank Moore', roundId: null });
    expect((await plans.list(other)).map((a) => a.actionId)).toEqual(['act-other']);
    expect(await plans.get(TEAM, 'act-other')).toBeUndefined();
    expect((await plans.list(TEAM)).map((a) => a.actionId)).not.toContain('act-other');
  });
});

describe('a plan kept at a round\'s close', () => {
  it('is the first freeze of the round, whatever freezes come after, on any instance', async () => {
    const team = '19:freezing@thread.tacv2';
    const action = await plans.create(team, 'act-f', fields, { at: at(40), by: 'Amara Okafor', roundId: 'round-1' });
    const other = new PlanRepository(tables.plans, new RoundsRepository(tables.rounds));
    await Promise.all([plans.freeze(team, 'round-1', [action], at(41)), other.freeze(team, 'round-1', [], at(41))]);
    const kept = (await plans.frozen(team, 'round-1'))!;
    await plans.freeze(team, 'round-1', [], at(45));
    expect(await other.frozen(team, 'round-1')).toEqual(kept);
    expect([[], [{ ...action, version: '' }]]).toContainEqual(kept.actions);
    expect(kept.frozenAt).toBe(at(41));
    expect(await plans.frozen(team, 'round-2')).toBeUndefined();
  });

  it('keeps a large plan whole (in parts)', async () => {
    const team = '19:large@thread.tacv2';
    const long = 'x'.repeat(2000);
    const actions = await Promise.all(Array.from({ length: 40 }, (_, i) => plans.create(team, `act-${i}`, { ...fields, need: long, progress: long }, { at: at(50), by: 'Amara Okafor', roundId: null })));
    await plans.freeze(team, 'round-1', actions, at(51));
    expect((await plans.frozen(team, 'round-1'))!.actions).toEqual(actions.map((a) => ({ ...a, version: '' })));
  });

  it('never stores half an emoji in a part: each part is whole text, as Table storage keeps strings (UTF-16)', async () => {
    const team = '19:emoji@thread.tacv2';
    const emoji = '\u{1F600}';
    // An action whose text starts with one letter or none, so that one of the two puts a part's end inside an emoji.
    const plan = (lead: number) => Array.from({ length: 20 }, (_, i) => ({ ...fields, actionId: `act-${i}`, need: `${i === 0 ? 'x'.repeat(lead) : ''}${emoji.repeat(999)}`, progress: emoji.repeat(999) }));
    for (const [round, lead] of [['round-1', 0], ['round-2', 1]] as const) {
      const actions = plan(lead).map((a) => ({ ...a, createdAt: at(60), createdInRoundId: null, doneAt: null, updatedAt: at(60), updatedBy: 'Amara Okafor', notes: [], statusHistory: [], version: '' }));
      await plans.freeze(team, round, actions, at(61));
      expect((await plans.frozen(team, round))!.actions).toEqual(actions);
    }
    const parts = tables.plans.listEntities<{ json: string }>({ queryOptions: { filter: odata`PartitionKey eq ${frozenPartition(team)}` } });
    let count = 0;
    for await (const part of parts) {
      count += 1;
      expect([part.rowKey, /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(part.json)]).toEqual([part.rowKey, false]);
    }
    expect(count).toBeGreaterThan(4);
  });
});
