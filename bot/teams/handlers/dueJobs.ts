import type { DueJobHandlers } from '../../app/dueWork';
import { reminderJobHandlers } from '../../app/reminders/reminderJobs';
import type { BotDeps } from './botDeps';
import { roundJobHandlers } from './roundJobs';

/**
 * The handler of every kind of due job (bot/app/dueWork.ts), in this one place, for the service's
 * consumer (bot/service.ts). Complete by type: a kind added to the DueJob union without a handler
 * here does not compile.
 */
export function dueJobHandlers(deps: BotDeps): DueJobHandlers {
  return { ...roundJobHandlers(deps), ...reminderJobHandlers({ ...deps.services, logger: deps.logger }) };
}
