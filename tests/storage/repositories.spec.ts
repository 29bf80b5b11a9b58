import { AnswersRepository } from '../../bot/storage/answersRepository';
import { ChampionsRepository } from '../../bot/storage/championsRepository';
import { MembersRepository } from '../../bot/storage/membersRepository';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import type { AuditRound } from '../../bot/domain/auditRound';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

// Teams ids are not ours to choose: keys must survive whatever they contain.
const AWKWARD_TEAM = '19:a/b\\c#d?e%f@thread.tacv2';

let tables: AuditTables;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
});

const round = (teamId: string, roundId: string, number = 1): AuditRound => ({
  teamId, roundId, number, status: 'open', openedAt: '2026-11-25T10:00:00.000Z', openedBy: 'Amara Okafor', conditionMessageIds: {},
});

describe('rounds', () => {
  it('keeps one open round per team, even when two starts race', async () => {
    const rounds = new RoundsRepository(tables.rounds);
    const outcomes = await Promise.all([rounds.open(round(AWKWARD_TEAM, 'r-one')), rounds.open(round(AWKWARD_TEAM, 'r-two'))]);
    expect(outcomes.filter((o) => o.opened)).toHaveLength(1);
    const loser = outcomes.find((o) => !o.opened);
    const open = await rounds.findOpen(AWKWARD_TEAM);
    expect(loser && !loser.opened && loser.openRound.roundId).toBe(open?.roundId);
    expect(open?.teamId).toBe(AWKWARD_TEAM);
  });

  it('records posted cards, closes atomically, and frees the team for the next round', async () => {
    const rounds = new RoundsRepository(tables.rounds);
    const teamId = '19:closing@thread.tacv2';
    await rounds.open(round(teamId, 'r-close'));
    await Promise.all([
      rounds.recordPosting(teamId, 'r-close', { introMessageId: 'intro-1' }),
      rounds.recordPosting(teamId, 'r-close', { conditionId: 'C01', messageId: 'm-1' }),
      rounds.recordPosting(teamId, 'r-close', { conditionId: 'C12', messageId: 'm-12' }),
    ]);
    const closed = await rounds.close(teamId, 'r-close', '2026-11-26T10:00:00.000Z');
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-26T10:00:00.000Z', introMessageId: 'intro-1', conditionMessageIds: { C01: 'm-1', C12: 'm-12' } });
    expect(await rounds.findOpen(teamId)).toBeUndefined();
    await expect(rounds.close(teamId, 'r-close', '2026-11-27T10:00:00.000Z')).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
    expect((await rounds.open(round(teamId, 'r-next', 2))).opened).toBe(true);
    expect(await rounds.countForTeam(teamId)).toBe(2);
    expect((await rounds.listOpen()).map((r) => r.roundId)).toContain('r-next');
  });
});

describe("a round's close date", () => {
  const closesAt = '2026-12-12T00:00:00.000Z';

  it('moves at the version read, and is kept with the round', async () => {
    const rounds = new RoundsRepository(tables.rounds);
    const teamId = '19:extending@thread.tacv2';
    await rounds.open({ ...round(teamId, 'r-extend'), closesAt });
    const moved = await Promise.all([rounds.changeCloseDate(teamId, 'r-extend', '2026-12-19T00:00:00.000Z'), rounds.recordPosting(teamId, 'r-extend', { introMessageId: 'intro-1' })]);
    expect(moved[0]).toMatchObject({ closesAt: '2026-12-19T00:00:00.000Z', status: 'open' });
    expect(await rounds.get(teamId, 'r-extend')).toMatchObject({ closesAt: '2026-12-19T00:00:00.000Z', introMessageId: 'intro-1' });
    await rounds.close(teamId, 'r-extend', '2026-12-01T10:00:00.000Z');
    await expect(rounds.changeCloseDate(teamId, 'r-extend', '2026-12-26T00:00:00.000Z')).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
  });

  it('closes the round on it only while it still closes then: not once extended, not twice', async () => {
    const rounds = new RoundsRepository(tables.rounds);
    const teamId = '19:closing-on-date@thread.tacv2';
    await rounds.open({ ...round(teamId, 'r-date'), closesAt });
    await rounds.changeCloseDate(teamId, 'r-date', '2026-12-19T00:00:00.000Z');
    expect(await rounds.closeOnDate(teamId, 'r-date', closesAt, '2026-12-12T00:00:01.000Z')).toBeUndefined();
    expect(await rounds.findOpen(teamId)).toMatchObject({ roundId: 'r-date' });
    const twice = await Promise.all([
      rounds.closeOnDate(teamId, 'r-date', '2026-12-19T00:00:00.000Z', '2026-12-19T00:00:01.000Z'),
      rounds.closeOnDate(teamId, 'r-date', '2026-12-19T00:00:00.000Z', '2026-12-19T00:00:02.000Z'),
    ]);
    expect(twice.filter(Boolean)).toHaveLength(1);
    expect(await rounds.findOpen(teamId)).toBeUndefined();
    expect(await rounds.get(teamId, 'r-date')).toMatchObject({ status: 'closed', closesAt: '2026-12-19T00:00:00.000Z' });
  });
});

describe('answers', () => {
  it('keeps one answer per person per condition: a second replaces the first', async () => {
    const answers = new AnswersRepository(tables.answers);
    const first = { roundId: 'r-ans', conditionId: 'C03' as const, respondentId: 'abc123', rating: 'partly' as const, level: 'practitioner' as const, comment: 'Not yet', answeredAt: '2026-11-25T10:00:00.000Z', via: 'channel' as const };
    await answers.record(first);
    await answers.record({ ...first, rating: 'mostly', comment: 'Better now', answeredAt: '2026-11-25T11:00:00.000Z' });
    await answers.record({ ...first, respondentId: 'def456' });
    await answers.record({ ...first, conditionId: 'C04' });
    expect(await answers.countForCondition('r-ans', 'C03')).toBe(2);
    expect(await answers.countForCondition('r-ans', 'C04')).toBe(1);
    expect(await answers.find('r-ans', 'C03', 'abc123')).toMatchObject({ rating: 'mostly', comment: 'Better now' });
    expect([...(await answers.answeredConditions('r-ans', 'abc123'))].sort()).toEqual(['C03', 'C04']);
    expect(await answers.footprints('r-ans')).toHaveLength(3);
  });
});

describe('champions and levels', () => {
  it('lists champions in the order they were added, and removes them', async () => {
    const champions = new ChampionsRepository(tables.champions);
    await champions.add(AWKWARD_TEAM, { entraObjectId: 'oid-1', name: 'Amara Okafor', teamsUserId: '29:1', addedAt: '2026-11-25T10:00:00Z', addedBy: 'Amara Okafor' });
    await champions.add(AWKWARD_TEAM, { entraObjectId: 'oid-2', name: 'Ben Hughes', teamsUserId: '29:2', addedAt: '2026-11-25T11:00:00Z', addedBy: 'Amara Okafor' });
    expect((await champions.list(AWKWARD_TEAM)).map((c) => [c.entraObjectId, c.name])).toEqual([['oid-1', 'Amara Okafor'], ['oid-2', 'Ben Hughes']]);
    expect(await champions.isChampion(AWKWARD_TEAM, 'oid-2')).toBe(true);
    expect(await champions.remove(AWKWARD_TEAM, 'oid-2')).toBe(true);
    expect(await champions.isChampion(AWKWARD_TEAM, 'oid-2')).toBe(false);
    expect(await champions.remove(AWKWARD_TEAM, 'oid-2')).toBe(false);
  });

  it('remembers a level per person per team', async () => {
    const members = new MembersRepository(tables.members);
    await members.rememberLevels(AWKWARD_TEAM, [{ respondentId: 'abc123', level: 'supervisor', at: '2026-11-25T10:00:00Z' }]);
    expect(await members.levelOf(AWKWARD_TEAM, 'abc123')).toBe('supervisor');
    expect(await members.levelOf('19:other@thread.tacv2', 'abc123')).toBeUndefined();
    // A whole team at once: more people than one transaction holds.
    const many = Array.from({ length: 250 }, (_, i) => ({ respondentId: `r${i}`, level: 'practitioner' as const, at: '2026-11-25T10:00:00Z' }));
    await members.rememberLevels(AWKWARD_TEAM, many);
    expect(await members.levelOf(AWKWARD_TEAM, 'r249')).toBe('practitioner');
  });
});
