import type { PostingAddress } from '../../domain/auditRound';
import type { CalendarDay } from '../../domain/closeDate';
import type { PlanAction } from '../../domain/plan';

/** An owner's nudge for one due date of an action, claimed in storage before it is sent. */
export interface NudgeClaim {
  readonly teamId: string;
  readonly actionId: string;
  readonly dueDate: CalendarDay;
  /** The owner nudged: their Teams user id (29:…). */
  readonly ownerTeamsUserId: string;
  /** Opaque: the claim's version, to record its outcome or give it back. */
  readonly version: string;
}

/** What became of a claimed nudge: sent, or Teams will not reach the owner (blocked the app, unknown: 403, 404). */
export type NudgeOutcome = 'sent' | 'unreachable';

/**
 * Which nudges have been claimed, kept beside the team's plan (bot/storage/nudgeClaims.ts, owned
 * by PlanRepository). A nudge is claimed BEFORE it is sent, and only if no one has claimed it
 * (create if absent): a job delivered twice, or taken by two instances at once, sends once. Every
 * method rejects with STORAGE_UNAVAILABLE when storage cannot be reached.
 */
export interface NudgeClaims {
  /**
   * Claims the nudge of `ownerTeamsUserId` for the action's `dueDate` (`claimedAt`: ISO 8601).
   * Resolves the claim, or undefined when it was claimed before (sent, being sent, or unreachable).
   */
  claimNudge(teamId: string, actionId: string, dueDate: CalendarDay, ownerTeamsUserId: string, claimedAt: string): Promise<NudgeClaim | undefined>;
  /** Records on the claim what became of its nudge (`at`: ISO 8601): kept, so it is never tried again. */
  recordNudge(claim: NudgeClaim, outcome: NudgeOutcome, at: string): Promise<void>;
  /** Gives a claim back: its nudge was NOT sent (Teams still failing), so a later delivery of the job may send it. */
  releaseNudge(claim: NudgeClaim): Promise<void>;
}

/** What the owner is told: the action, its team, and whether its due date is today or has passed. */
export interface ActionDueNotice {
  readonly action: PlanAction;
  readonly teamName: string;
  /** True when the nudge goes after its due date (the date was set, or the owner changed, after it had passed). */
  readonly overdue: boolean;
}

/** Where nudges go (the Teams edge: bot/teams/actionNudgeMessenger.ts). */
export interface NudgeMessenger {
  /**
   * Opens the owner's one-to-one chat with the bot and posts the nudge, paced and retried as
   * every send. `via`: an address in their tenant (the team's channel). Resolves 'unreachable'
   * when Teams refuses the chat for good (403: blocked or removed the app; 404); rejects when
   * Teams still fails after the retries.
   */
  nudge(via: PostingAddress, teamsUserId: string, notice: ActionDueNotice): Promise<NudgeOutcome>;
}
