import type { RatedAnswer } from '../../domain/summary';
import type { AnswersRepository } from '../../storage/answersRepository';

/**
 * Every open tab polls its round's summary every few seconds. The round's answers are read
 * once per `ttlMs` per instance, however many leaders are looking, and concurrent requests
 * share one read. New answers therefore show within ttlMs plus the tab's polling interval.
 */
export class RoundAnswersCache {
  private readonly entries = new Map<string, { answers: Promise<RatedAnswer[]>; until: number }>();

  constructor(
    private readonly answers: AnswersRepository,
    private readonly ttlMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  of(roundId: string): Promise<RatedAnswer[]> {
    const cached = this.entries.get(roundId);
    if (cached && cached.until > this.now()) return cached.answers;
    if (this.entries.size > 200) this.entries.clear();
    const entry = { answers: this.answers.ratedAnswers(roundId), until: this.now() + this.ttlMs };
    this.entries.set(roundId, entry);
    entry.answers.catch(() => this.entries.get(roundId) === entry && this.entries.delete(roundId));
    return entry.answers;
  }
}
