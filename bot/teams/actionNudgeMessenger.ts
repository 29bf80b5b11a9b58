import type { NudgeMessenger } from '../app/plan/nudgePorts';
import { actionDueCard } from './cards/actionDueCard';
import { sendOneToOne } from './reminderMessenger';
import type { TeamsPort } from './teamsPort';

/** Owners' due-date nudges through the Teams port, one-to-one as reminders go (sendOneToOne: paced, retried, 403 and 404 'unreachable'). */
export function createNudgeMessenger(teams: TeamsPort): NudgeMessenger {
  return { nudge: (via, teamsUserId, notice) => sendOneToOne(teams, via, teamsUserId, actionDueCard(notice)) };
}
