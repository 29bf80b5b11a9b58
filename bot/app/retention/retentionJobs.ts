import type { DueJobHandlers } from '../dueWork';
import { expireRoundAnswers, type ExpireAnswersDeps } from './expireAnswers';

/** The handler of retention's due job (the service's map: teams/handlers/dueJobs.ts). */
export function retentionJobHandlers(deps: ExpireAnswersDeps): Pick<DueJobHandlers, 'expireAnswers'> {
  return {
    async expireAnswers(job) {
      const outcome = await expireRoundAnswers(deps, job);
      if (outcome === 'not-due') deps.logger.info('answers_not_yet_due', { teamId: job.teamId, roundId: job.roundId });
      if (outcome === 'counted') deps.logger.info('answers_counted_before_expiry', { teamId: job.teamId, roundId: job.roundId });
    },
  };
}
