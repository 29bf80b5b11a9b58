import { activityJobHandlers } from '../../app/activityLog/logActivity';
import type { DueJobHandlers } from '../../app/dueWork';
import { actionJobHandlers } from '../../app/plan/nudgeOwner';
import { reminderJobHandlers } from '../../app/reminders/reminderJobs';
import { retentionJobHandlers } from '../../app/retention/retentionJobs';
import { createNudgeMessenger } from '../actionNudgeMessenger';
import type { BotDeps } from './botDeps';
import { roundJobHandlers } from './roundJobs';

/**
 * The handler of every kind of due job (bot/app/dueWork.ts), in this one place, for the service's
 * consumer (bot/service.ts). Complete by type: a kind added to the DueJob union without a handler
 * here does not compile.
 */
export function dueJobHandlers(deps: BotDeps): DueJobHandlers {
  const edges = { logger: deps.logger };
  return {
    ...roundJobHandlers(deps),
    ...reminderJobHandlers({ ...deps.services, ...edges }),
    ...activityJobHandlers(deps.services),
    ...actionJobHandlers({ ...deps.services, ...edges, messenger: createNudgeMessenger(deps.teams) }),
    ...retentionJobHandlers({ ...deps.services, ...edges }),
  };
}
