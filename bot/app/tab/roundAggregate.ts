import { summariseRound, type RatedAnswer, type RoundSummary } from '../../domain/summary';
import type { AnswersRepository } from '../../storage/answersRepository';

/** Writes land with Table storage's Timestamp a little out of order: re-read this far back. */
const OVERLAP_MS = 5000;

/**
 * A round's answers as this instance last read them, one per person per condition, without
 * comments. Each refresh reads only the rows written since the last one (by Table storage's
 * Timestamp, with an overlap; a row read twice just replaces itself), so keeping a big round
 * current costs what changed, not the whole round.
 */
export class RoundAggregate {
  private readonly answers = new Map<string, RatedAnswer>();
  private newest: Date | undefined;

  constructor(
    private readonly roundId: string,
    private readonly repository: AnswersRepository,
    private readonly privacyThreshold: number,
  ) {}

  async refresh(): Promise<RoundSummary> {
    const since = this.newest ? new Date(this.newest.getTime() - OVERLAP_MS) : undefined;
    const { answers, newest } = await this.repository.answersChangedSince(this.roundId, since);
    for (const answer of answers) this.answers.set(`${answer.conditionId}|${answer.respondentId}`, answer);
    if (newest && (!this.newest || newest > this.newest)) this.newest = newest;
    return summariseRound(this.answers.values(), this.privacyThreshold);
  }
}
