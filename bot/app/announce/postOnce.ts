import { AuditError } from '../../domain/errors';
import type { ChannelPostClaim, ChannelPostSubject } from '../../storage/channelPosts';
import type { AuditServices } from '../auditServices';

/** What posting in the channel uses: the claims, and the clock. */
export type PostOnceDeps = Pick<AuditServices, 'announcements' | 'now'>;

/**
 * Where a post stands once asked for: this caller holds the claim and is to send it; or it was
 * posted already (Teams accepted it at `postedAt`); or someone else is posting it now.
 */
export type PostStart =
  | { readonly kind: 'claimed'; readonly claim: ChannelPostClaim }
  | { readonly kind: 'posted'; readonly postedAt: string; readonly by: string }
  | { readonly kind: 'posting'; readonly since: string; readonly by: string };

/** A post Teams accepted. `recorded` false: storage did not take the record (the post still happened). */
export interface ChannelPosted {
  readonly posted: true;
  readonly postedAt: string;
  readonly by: string;
  readonly recorded: boolean;
}

/**
 * Claims `subject` for `by` before anything is sent (ChannelPosts: a row per subject in storage),
 * so two champions, a double press, or an invoke Teams delivers twice post once. Throws
 * STORAGE_UNAVAILABLE / STORAGE_CONFLICT: nothing was sent.
 */
export async function startChannelPost({ announcements, now }: PostOnceDeps, teamId: string, subject: ChannelPostSubject, by: string): Promise<PostStart> {
  const outcome = await announcements.posts.claim(teamId, subject, by, now());
  if (outcome.claimed) return { kind: 'claimed', claim: outcome.claim };
  const { record } = outcome;
  return record.state === 'posted' ? { kind: 'posted', postedAt: record.postedAt, by: record.by } : { kind: 'posting', since: record.claimedAt, by: record.by };
}

/**
 * Sends a claimed post. Once Teams accepted it, records it posted (a record storage refuses now
 * leaves the claim to lapse after CLAIM_HOLDS_MS, and the post is still reported: it happened).
 * When the send fails the claim is given up, so it can be tried again, and the send's error
 * (TEAMS_REFUSED_POST, TEAMS_UNREACHABLE) is thrown.
 */
export async function completeChannelPost({ announcements, now }: PostOnceDeps, claim: ChannelPostClaim, send: () => Promise<void>): Promise<ChannelPosted> {
  try {
    await send();
  } catch (error) {
    await announcements.posts.release(claim).catch(() => undefined);
    throw error;
  }
  const postedAt = now().toISOString();
  const recorded = await announcements.posts.recordPosted(claim, postedAt).then(() => true, () => false);
  return { posted: true, postedAt, by: claim.by, recorded };
}

/**
 * Claims and sends in one go, for a caller that waits for the outcome (the tab's routes). Posted
 * already: that post, unchanged (nothing is sent again). Being posted by someone else:
 * POST_IN_PROGRESS, naming who and since when.
 */
export async function postOnce(deps: PostOnceDeps, teamId: string, subject: ChannelPostSubject, by: string, send: () => Promise<void>): Promise<ChannelPosted> {
  const start = await startChannelPost(deps, teamId, subject, by);
  if (start.kind === 'posted') return { posted: true, postedAt: start.postedAt, by: start.by, recorded: true };
  if (start.kind === 'posting') throw postInProgress(start);
  return completeChannelPost(deps, start.claim, send);
}

/** POST_IN_PROGRESS, saying who started the post. */
function postInProgress(start: { readonly by: string }): AuditError {
  return new AuditError('POST_IN_PROGRESS', `${start.by} is posting this in the channel just now. Look in the channel in a minute; if it is not there, try again.`);
}
