import { CONDITIONS, type ConditionId } from '../../bot/domain/conditions';
import { MANUAL_REMINDER_GAP_MS, nextManualReminderAt, openConditions, REMINDER_BATCH_SIZE, reminderDecision, rosterBatches } from '../../bot/domain/reminders';

/** Issue 10: who is reminded is decided per member, from their answers; never a stored list. */
const every = new Set<ConditionId>(CONDITIONS.map((c) => c.id));
const member = { teamsUserId: '29:a', entraObjectId: 'oid-a' };

describe('whether a member is reminded', () => {
  it('reminds someone who has answered some conditions or none, and nobody who has answered all twelve', () => {
    expect(reminderDecision(member, undefined, false)).toBe('send');
    expect(reminderDecision(member, new Set<ConditionId>(['C01', 'C02']), false)).toBe('send');
    expect(reminderDecision(member, every, false)).toBe('complete');
  });

  it('skips guests and members Teams gave no Entra id, whose answers cannot be found', () => {
    expect(reminderDecision({ ...member, guest: true }, undefined, false)).toBe('guests');
    expect(reminderDecision({ teamsUserId: '29:b' }, undefined, false)).toBe('unmatched');
  });

  it('skips someone who said "stop reminders", counted as such whether or not they have answered everything', () => {
    expect(reminderDecision(member, new Set<ConditionId>(['C01']), true)).toBe('optedOut');
    expect(reminderDecision(member, every, true)).toBe('optedOut');
  });
});

describe('a reminder', () => {
  it('names the conditions still open for the person, in the audit order', () => {
    expect(openConditions(new Set<ConditionId>(['C01', 'C03'])).map((c) => c.id)).toEqual(CONDITIONS.map((c) => c.id).filter((id) => id !== 'C01' && id !== 'C03'));
    expect(openConditions(undefined)).toHaveLength(12);
  });
});

describe('a wave', () => {
  it('cuts 2,000 members into twenty batches of a hundred, in roster order', () => {
    const members = Array.from({ length: 2001 }, (_, i) => i);
    const batches = rosterBatches(members);
    expect(REMINDER_BATCH_SIZE).toBe(100);
    expect(batches).toHaveLength(21);
    expect(batches[20]).toEqual([2000]);
    expect(batches.flat()).toEqual(members);
  });
});

describe("a champion's remind", () => {
  it('can go again three days after the last', () => {
    expect(MANUAL_REMINDER_GAP_MS).toBe(3 * 24 * 60 * 60 * 1000);
    expect(nextManualReminderAt(new Date('2026-11-29T10:00:00Z')).toISOString()).toBe('2026-12-02T10:00:00.000Z');
  });
});
