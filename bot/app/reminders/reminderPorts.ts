import type { AuditRound, PostingAddress } from '../../domain/auditRound';
import type { Condition } from '../../domain/conditions';
import type { ReminderCounts } from '../../domain/reminders';
import type { Logger } from '../../logger';
import type { ReminderOptOuts } from '../../storage/reminderOptOuts';
import type { ReminderProgress } from '../../storage/reminderProgress';
import type { ReminderWaves } from '../../storage/reminderWaves';
import type { RoundCompletion } from '../../storage/roundCompletion';
import type { DueWork } from '../dueWork';

/** A reminder for one person: the round, and the conditions still open for them. */
export interface ReminderToSend {
  readonly round: AuditRound;
  readonly openConditions: readonly Condition[];
}

/** Where reminders go and where a wave's outcome is told (the Teams edge: teams/reminderMessenger.ts). */
export interface ReminderMessenger {
  /**
   * Opens the person's one-to-one chat with the bot and posts the reminder, paced and retried as
   * every send. `via`: an address in their tenant (the team's channel). Resolves 'unreachable'
   * when Teams refuses the chat for good (403: blocked or removed the app; 404); rejects when
   * Teams still fails after the retries.
   */
  remind(via: PostingAddress, teamsUserId: string, reminder: ReminderToSend): Promise<'sent' | 'unreachable'>;
  /** Posts a wave's outcome, counts only, into the channel thread where a champion asked. */
  report(where: PostingAddress, round: AuditRound, totals: ReminderCounts): Promise<void>;
  /** Posts, into that thread, that the wave could not go: Teams would not give the team's members, nobody was reminded. */
  reportNotSent(where: PostingAddress, round: AuditRound): Promise<void>;
}

/**
 * What the reminders keep in storage (the `reminders` table), per instance (the round's
 * completion), and where they send (the Teams edge).
 */
export interface ReminderServices {
  readonly waves: ReminderWaves;
  readonly progress: ReminderProgress;
  readonly optOuts: ReminderOptOuts;
  readonly completion: RoundCompletion;
  readonly messenger: ReminderMessenger;
}

/** What the wave and batch handlers use beyond AuditServices. */
export interface ReminderEdges {
  readonly dueWork: DueWork;
  readonly logger: Logger;
}
