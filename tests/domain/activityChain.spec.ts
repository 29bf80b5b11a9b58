import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { checkChain, entryHash, FIRST_PREVIOUS_HASH, nextEntry } from '../../bot/domain/activityChain';
import { ACTIVITY_KINDS, type ActivityActor, type ActivityEntry } from '../../bot/domain/activityLog';

const TEAM_ID = '19:north@thread.tacv2';

const actor: fc.Arbitrary<ActivityActor> = fc.oneof(
  fc.record({ kind: fc.constant('person' as const), name: fc.string({ minLength: 1 }), entraObjectId: fc.uuid() }),
  fc.constant({ kind: 'app' as const }),
  fc.constant({ kind: 'someone' as const }),
);
const isoTime = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const activity = fc.record(
  { kind: fc.constantFrom(...ACTIVITY_KINDS), actor, roundId: fc.string({ minLength: 1 }), summary: fc.string(), at: isoTime, happenedAt: isoTime, entryId: fc.uuid() },
  { requiredKeys: ['kind', 'actor', 'summary', 'at'] },
);

/** A chain as the log appends it: each entry after the one before. */
const chain = fc.array(activity, { minLength: 1, maxLength: 8 }).map((activities) =>
  activities.reduce<ActivityEntry[]>((entries, a) => [...entries, nextEntry(TEAM_ID, entries.at(-1), a)], []),
);
const headOf = (entries: readonly ActivityEntry[]) => ({ sequence: entries.length, hash: entries.at(-1)!.hash });

/** Every field an entry has, each with a way to give it another value. */
const FIELD_CHANGES: Record<string, (entry: ActivityEntry, text: string, n: number) => ActivityEntry> = {
  teamId: (e, t) => ({ ...e, teamId: `${e.teamId}${t}x` }),
  sequence: (e, _t, n) => ({ ...e, sequence: e.sequence + n }),
  at: (e) => ({ ...e, at: new Date(Date.parse(e.at) + 1000).toISOString() }),
  happenedAt: (e) => ({ ...e, happenedAt: e.happenedAt ? new Date(Date.parse(e.happenedAt) - 1).toISOString() : '2026-05-01T00:00:00.000Z' }),
  kind: (e, _t, n) => ({ ...e, kind: ACTIVITY_KINDS[(ACTIVITY_KINDS.indexOf(e.kind) + n) % ACTIVITY_KINDS.length]! }),
  actor: (e, t) => ({ ...e, actor: e.actor.kind === 'person' ? { ...e.actor, name: `${e.actor.name}${t}x` } : { kind: 'person', name: t, entraObjectId: 'id' } }),
  actorId: (e) => ({ ...e, actor: e.actor.kind === 'person' ? { ...e.actor, entraObjectId: `${e.actor.entraObjectId}0` } : e.actor.kind === 'app' ? { kind: 'someone' } : { kind: 'app' } }),
  roundId: (e, t) => ({ ...e, roundId: `${e.roundId ?? ''}${t}x` }),
  entryId: (e, t) => ({ ...e, entryId: `${e.entryId ?? ''}${t}x` }),
  summary: (e, t) => ({ ...e, summary: `${e.summary}${t}x` }),
  previousHash: (e) => ({ ...e, previousHash: e.previousHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
  hash: (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
};

describe("a team's activity log chain", () => {
  it('is intact as appended, whatever the entries say', () => {
    fc.assert(fc.property(chain, (entries) => expect(checkChain(entries, headOf(entries))).toEqual({ intact: true, entries: entries.length })));
  });

  it('is broken at the entry where any field of any entry was changed', () => {
    fc.assert(
      fc.property(chain, fc.nat(), fc.constantFrom(...Object.keys(FIELD_CHANGES)), fc.string({ maxLength: 3 }), fc.integer({ min: 1, max: 13 }), (entries, at, field, text, n) => {
        const i = at % entries.length;
        const changed = entries.map((e, j) => (j === i ? FIELD_CHANGES[field]!(e, text, n) : e));
        expect(checkChain(changed, headOf(entries))).toEqual({ intact: false, entries: entries.length, firstBrokenSequence: i + 1 });
      }),
    );
  });

  it('is broken where an entry was removed, the last one included', () => {
    fc.assert(
      fc.property(chain, fc.nat(), (entries, at) => {
        const i = at % entries.length;
        const removed = entries.filter((_, j) => j !== i);
        expect(checkChain(removed, headOf(entries))).toMatchObject({ intact: false, firstBrokenSequence: i + 1 });
      }),
    );
  });

  it('is broken where two entries were swapped', () => {
    fc.assert(
      fc.property(chain.filter((entries) => entries.length >= 2), fc.nat(), fc.nat(), (entries, a, b) => {
        const i = a % entries.length;
        const j = (i + 1 + (b % (entries.length - 1))) % entries.length;
        const swapped = entries.map((e, k) => (k === i ? entries[j]! : k === j ? entries[i]! : e));
        expect(checkChain(swapped, headOf(entries))).toMatchObject({ intact: false, firstBrokenSequence: Math.min(i, j) + 1 });
      }),
    );
  });

  it('is broken where an entry was inserted', () => {
    fc.assert(
      fc.property(chain, fc.nat(), activity, (entries, at, inserted) => {
        const i = at % (entries.length + 1);
        const forged = nextEntry(TEAM_ID, entries[i - 1], inserted);
        const withInserted = [...entries.slice(0, i), forged, ...entries.slice(i)];
        // At the end, a well-made entry is what a later append looks like: only one inside the chain is told apart.
        if (i < entries.length) expect(checkChain(withInserted, headOf(entries))).toMatchObject({ intact: false, firstBrokenSequence: i + 2 });
        else expect(checkChain([...entries, { ...forged, previousHash: FIRST_PREVIOUS_HASH.replace(/^0/, '1') }], headOf(entries))).toMatchObject({ intact: false, firstBrokenSequence: i + 1 });
      }),
    );
  });

  it('hashes exactly the documented text, so an auditor can recompute an entry hash', () => {
    const entry = nextEntry(TEAM_ID, undefined, { kind: 'round-opened', actor: { kind: 'person', name: 'Priya Shah', entraObjectId: 'oid-1' }, roundId: 'r1', summary: 'Priya Shah opened audit round 1.', at: '2026-11-27T10:00:00.000Z' });
    const text = JSON.stringify(['practice-audit-activity-v1', TEAM_ID, 1, '2026-11-27T10:00:00.000Z', null, 'round-opened', 'person', 'Priya Shah', 'oid-1', 'r1', null, 'Priya Shah opened audit round 1.', '0'.repeat(64)]);
    expect(entry.hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(entryHash(entry)).toBe(entry.hash);
  });
});
