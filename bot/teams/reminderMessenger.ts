import type { ReminderMessenger } from '../app/reminders/reminderPorts';
import { reminderCard, reminderOutcomeCard, remindersNotSentCard } from './cards';
import { httpStatusOf } from './delivery/retry';
import type { TeamsPort } from './teamsPort';

/**
 * Reminders through the Teams port: each opens (or finds) the person's one-to-one chat and posts
 * the reminder card, both calls paced to Teams' limits and retried by the connector's pipeline.
 * 403 (the person blocked or removed the app) and 404 (Teams does not know them) are answers,
 * not passing faults: 'unreachable', never tried again.
 */
export function createReminderMessenger(teams: TeamsPort): ReminderMessenger {
  return {
    async remind(via, teamsUserId, reminder) {
      try {
        await teams.openPersonalChat(via, teamsUserId, reminderCard(reminder));
        return 'sent';
      } catch (error) {
        const status = httpStatusOf(error);
        if (status === 403 || status === 404) return 'unreachable';
        throw error;
      }
    },
    async report(where, round, totals) {
      await teams.inConversation(where, (conversation) => conversation.postCard(reminderOutcomeCard({ round, totals })));
    },
    async reportNotSent(where, round) {
      await teams.inConversation(where, (conversation) => conversation.postCard(remindersNotSentCard({ round })));
    },
  };
}
