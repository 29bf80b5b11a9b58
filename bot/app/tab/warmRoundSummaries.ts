import type { Logger } from '../../logger';
import type { RoundsRepository } from '../../storage/roundsRepository';
import type { RoundSummaryCache } from './roundSummaryCache';

/**
 * A round's first summary on an instance reads every answer (tens of seconds for a very large
 * service). An instance that starts (a deploy, a restart, a scale-out) does that now for the
 * open rounds, one after another, rather than when the first leader opens the tab and waits.
 */
export async function warmRoundSummaries(rounds: Pick<RoundsRepository, 'listOpen'>, summaries: RoundSummaryCache, logger: Logger): Promise<void> {
  try {
    for (const round of await rounds.listOpen()) {
      const { participation } = await summaries.release(round);
      logger.info('round_summary_ready', { roundId: round.roundId, respondents: participation.respondents });
    }
  } catch (error) {
    // Nothing is lost: the first tab request for the round reads it instead.
    logger.warn('round_summaries_not_warmed', { error });
  }
}
