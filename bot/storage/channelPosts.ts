import type { TableClient } from '@azure/data-tables';
import { AuditError } from '../domain/errors';
import { findRow } from './findRow';
import { canBeKeys, encodeKey } from './keys';
import { isConflict, isNotFound, isPreconditionFailed, storageCall } from './storageErrors';

/**
 * What the bot posts once in a team's channel on a champion's word (issue 11): a closed round's
 * "You said, we did" card, and a done action's "We did" update (once each time it becomes done).
 */
export type ChannelPostSubject =
  | { readonly kind: 'youSaidWeDid'; readonly roundId: string }
  | { readonly kind: 'weDid'; readonly actionId: string; readonly doneAt: string }
  /** A service-wide round's team round's cards (issue 13), claimed while one delivery of its job posts them, then released. */
  | { readonly kind: 'roundCards'; readonly roundId: string };

/** A subject's row: being posted since `claimedAt`, or posted (Teams accepted it at `postedAt`). */
export type ChannelPostRecord =
  | { readonly state: 'posting'; readonly claimedAt: string; readonly by: string }
  | { readonly state: 'posted'; readonly postedAt: string; readonly by: string };

/** A claim this caller holds: only it may post the subject now. */
export interface ChannelPostClaim {
  readonly teamId: string;
  readonly subject: ChannelPostSubject;
  readonly claimedAt: string;
  readonly by: string;
  readonly etag: string;
}

export type ClaimOutcome = { readonly claimed: true; readonly claim: ChannelPostClaim } | { readonly claimed: false; readonly record: ChannelPostRecord };

/**
 * How long a claim holds without being completed before another may take it over: far longer
 * than one send can take (the connector's pipeline: five attempts of at most 30 s each, waits of
 * at most 15 s between them), so only a claim whose instance stopped mid-send is ever taken over.
 * Taking it over may post a second time if that instance's send had reached Teams before it
 * stopped; never taking it over would leave the card unpostable for good.
 */
export const CLAIM_HOLDS_MS = 10 * 60_000;

interface PostRow {
  state: 'posting' | 'posted';
  claimedAt: string;
  by: string;
  postedAt?: string;
}

/** Claim attempts before giving up on a row that keeps changing under us (each is one or two storage calls). */
const CLAIM_ATTEMPTS = 3;

/**
 * Claims on posts in a team's channel, so that each is posted once however many champions press,
 * however often Teams redelivers a press, on whichever instance. Kept in the `channelPosts` table
 * (this repository owns it): a partition per team (its id encoded), a row per subject
 * (`round|<roundId>`, `action|<actionId>|<doneAt>`, `cards|<roundId>`, each id encoded). Creating the row is the
 * claim (a second create answers 409); the claimer marks it posted once Teams accepted the card,
 * or deletes it when Teams refused, so the button can be pressed again.
 */
export class ChannelPosts {
  constructor(private readonly table: TableClient) {}

  /** The subject's row, or undefined when nothing is posted or being posted. Throws STORAGE_UNAVAILABLE. */
  async read(teamId: string, subject: ChannelPostSubject): Promise<ChannelPostRecord | undefined> {
    const keys = keysOf(teamId, subject);
    if (!keys) return undefined;
    const row = await findRow<PostRow>(this.table, keys.partitionKey, keys.rowKey);
    return row && recordOf(row);
  }

  /**
   * Claims the subject for `by` at `now`: claimed when nothing was posted or being posted (or a
   * claim older than CLAIM_HOLDS_MS was left by a stopped instance); otherwise the record that
   * stands. Throws STORAGE_UNAVAILABLE, or STORAGE_CONFLICT when the row kept changing.
   */
  async claim(teamId: string, subject: ChannelPostSubject, by: string, now: Date): Promise<ClaimOutcome> {
    const keys = keysOf(teamId, subject);
    if (!keys) throw new Error('A channel post subject whose ids cannot be keys');
    const claimedAt = now.toISOString();
    const row = { ...keys, state: 'posting', claimedAt, by } satisfies PostRow & { partitionKey: string; rowKey: string };
    const claim = (etag: string | undefined): ClaimOutcome => ({ claimed: true, claim: { teamId, subject, claimedAt, by, etag: etag ?? '' } });
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt += 1) {
      try {
        return claim((await storageCall(() => this.table.createEntity(row))).etag);
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
      const existing = await findRow<PostRow>(this.table, keys.partitionKey, keys.rowKey);
      if (!existing) continue; // released between our create and our read: create again
      const record = recordOf(existing);
      if (record.state === 'posted' || now.getTime() - Date.parse(record.claimedAt) < CLAIM_HOLDS_MS) return { claimed: false, record };
      try {
        return claim((await storageCall(() => this.table.updateEntity(row, 'Replace', { etag: existing.etag }))).etag);
      } catch (error) {
        if (!isPreconditionFailed(error) && !isNotFound(error)) throw error;
      }
    }
    throw new AuditError('STORAGE_CONFLICT');
  }

  /** Teams accepted the claimed post at `postedAt`: the subject is posted, for good (whoever claimed since). */
  async recordPosted(claim: ChannelPostClaim, postedAt: string): Promise<void> {
    const keys = keysOf(claim.teamId, claim.subject)!;
    const row: PostRow = { state: 'posted', claimedAt: claim.claimedAt, by: claim.by, postedAt };
    await storageCall(() => this.table.upsertEntity({ ...keys, ...row }, 'Replace'));
  }

  /** Teams did not take the post: the claim is given up, so it can be tried again. Only this claim's row is removed. */
  async release(claim: ChannelPostClaim): Promise<void> {
    const keys = keysOf(claim.teamId, claim.subject)!;
    try {
      await storageCall(() => this.table.deleteEntity(keys.partitionKey, keys.rowKey, { etag: claim.etag }));
    } catch (error) {
      if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
    }
  }
}

function keysOf(teamId: string, subject: ChannelPostSubject): { partitionKey: string; rowKey: string } | undefined {
  const partitionKey = encodeKey(teamId);
  const rowKey =
    subject.kind === 'youSaidWeDid' ? `round|${encodeKey(subject.roundId)}` : subject.kind === 'roundCards' ? `cards|${encodeKey(subject.roundId)}` : `action|${encodeKey(subject.actionId)}|${encodeKey(subject.doneAt)}`;
  return canBeKeys(partitionKey, rowKey) ? { partitionKey, rowKey } : undefined;
}

function recordOf(row: PostRow): ChannelPostRecord {
  return row.state === 'posted' && row.postedAt
    ? { state: 'posted', postedAt: row.postedAt, by: row.by }
    : { state: 'posting', claimedAt: row.claimedAt, by: row.by };
}
