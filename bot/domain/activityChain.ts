import { createHash } from 'node:crypto';
import type { ActivityEntry, ChainCheck } from './activityLog';

/** The `previousHash` of a team's first entry: 64 zeros (there is no entry before it). */
export const FIRST_PREVIOUS_HASH = '0'.repeat(64);

/** Names the layout below: a later layout would get a new name, and entries hashed under this one still check. */
const LAYOUT = 'practice-audit-activity-v1';

/**
 * The text an entry's hash is taken over, so an auditor can recompute it from the stored columns:
 * `JSON.stringify` (ECMAScript's, no spaces) of this array, in this order,
 *
 *   ["practice-audit-activity-v1", teamId, sequence, at, happenedAt, kind, actor.kind,
 *    actor.name, actor.entraObjectId, roundId, entryId, summary, previousHash]
 *
 * `sequence` a JSON number, every other item a JSON string, and `null` for a field the entry does
 * not have (`happenedAt`, `roundId`, `entryId`; `actor.name` and `actor.entraObjectId` for the app
 * and for `someone`). Every field of the entry except `hash` is in it, `previousHash` included.
 */
function hashedText(entry: Omit<ActivityEntry, 'hash'>): string {
  const { actor } = entry;
  const person = actor.kind === 'person' ? actor : undefined;
  return JSON.stringify([
    LAYOUT,
    entry.teamId,
    entry.sequence,
    entry.at,
    entry.happenedAt ?? null,
    entry.kind,
    actor.kind,
    person?.name ?? null,
    person?.entraObjectId ?? null,
    entry.roundId ?? null,
    entry.entryId ?? null,
    entry.summary,
    entry.previousHash,
  ]);
}

/** An entry's hash: SHA-256 of `hashedText(entry)` as UTF-8, in lower-case hex (64 characters). */
export function entryHash(entry: Omit<ActivityEntry, 'hash'>): string {
  return createHash('sha256').update(hashedText(entry), 'utf8').digest('hex');
}

/** The latest entry as the log recorded it when appending (its head), to find entries removed from the end. */
export interface ChainHead {
  readonly sequence: number;
  readonly hash: string;
}

/**
 * Whether a team's entries, as read oldest first, are the chain the app appended: entry i (from 1)
 * has sequence i, the hash of entry i − 1 as its `previousHash` (FIRST_PREVIOUS_HASH for the
 * first), and the hash of its own fields as its `hash`. So an entry changed (any field), removed,
 * swapped or inserted breaks the chain at the first sequence that no longer follows. Entries
 * removed from the END leave a shorter chain that still follows: `head`, the latest entry the log
 * recorded, finds them (the chain must reach it, and agree with its hash).
 *
 * What it cannot find: someone with write access to storage who rewrites every entry from one
 * onwards with hashes recomputed (and the head); nor, with no hash to compute, the last entries
 * deleted together with the head row (no head: nothing to reach), or with the head set back to an
 * earlier entry's own sequence and hash. Exports kept outside the app (the CSV carries each
 * entry's hash) are the anchor against those.
 */
export function checkChain(entries: readonly ActivityEntry[], head?: ChainHead): ChainCheck {
  let previousHash = FIRST_PREVIOUS_HASH;
  for (const [i, entry] of entries.entries()) {
    const sequence = i + 1;
    const follows = entry.sequence === sequence && entry.previousHash === previousHash && entry.hash === entryHash(entry);
    if (!follows) return { intact: false, entries: entries.length, firstBrokenSequence: sequence };
    previousHash = entry.hash;
  }
  if (head && (head.sequence > entries.length || (head.sequence > 0 && entries[head.sequence - 1]!.hash !== head.hash))) {
    return { intact: false, entries: entries.length, firstBrokenSequence: Math.min(head.sequence, entries.length + 1) };
  }
  return { intact: true, entries: entries.length };
}

/** The entry that follows `last` (undefined: the team's first) in the chain, hashed. */
export function nextEntry(teamId: string, last: Pick<ActivityEntry, 'sequence' | 'hash'> | undefined, activity: Omit<ActivityEntry, 'teamId' | 'sequence' | 'previousHash' | 'hash'>): ActivityEntry {
  const unhashed = { ...activity, teamId, sequence: (last?.sequence ?? 0) + 1, previousHash: last?.hash ?? FIRST_PREVIOUS_HASH };
  return { ...unhashed, hash: entryHash(unhashed) };
}
