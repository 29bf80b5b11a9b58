import type { ReminderMessenger } from '../app/reminders/reminderPorts';
import type { PostingAddress } from '../domain/auditRound';
import { reminderCard, reminderOutcomeCard, remindersNotSentCard, type AdaptiveCard } from './cards';
import { httpStatusOf } from './delivery/retry';
import type { TeamsPort } from './teamsPort';

/**
 * Opens (or finds) the person's one-to-one chat with the bot through `via` and posts `card`, both
 * calls paced to Teams' limits and retried by the connector's pipeline. 403 (the person blocked
 * or removed the app) and 404 (Teams does not know them) are answers, not passing faults:
 * 'unreachable', never tried again. Rejects when Teams still fails after the retries.
 */
export async function sendOneToOne(teams: TeamsPort, via: PostingAddress, teamsUserId: string, card: AdaptiveCard): Promise<'sent' | 'unreachable'> {
  try {
    await teams.openPersonalChat(via, teamsUserId, card);
    return 'sent';
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 403 || status === 404) return 'unreachable';
    throw error;
  }
}

/** Reminders through the Teams port: each one-to-one (sendOneToOne), outcomes in the champion's thread. */
export function createReminderMessenger(teams: TeamsPort): ReminderMessenger {
  return {
    remind: (via, teamsUserId, reminder) => sendOneToOne(teams, via, teamsUserId, reminderCard(reminder)),
    async report(where, round, totals) {
      await teams.inConversation(where, (conversation) => conversation.postCard(reminderOutcomeCard({ round, totals })));
    },
    async reportNotSent(where, round) {
      await teams.inConversation(where, (conversation) => conversation.postCard(remindersNotSentCard({ round })));
    },
  };
}
