import type { DueJobHandlers } from '../dueWork';
import { runReminderBatch, type BatchDeps } from './reminderBatch';
import { runReminderWave, type WaveDeps } from './reminderWave';

/** The reminders' due-job handlers, for the map the service hands the due-work engine (see app/dueWork.ts). */
export function reminderJobHandlers(deps: WaveDeps & BatchDeps): Pick<DueJobHandlers, 'reminderWave' | 'reminderBatch'> {
  return {
    reminderWave: (job) => runReminderWave(deps, job),
    reminderBatch: (job) => runReminderBatch(deps, job),
  };
}
