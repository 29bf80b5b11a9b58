import type { ConditionId } from '../../domain/conditions';
import { summariseRound, type RatedAnswer, type RoundSummary } from '../../domain/summary';
import type { AnswersRepository } from '../../storage/answersRepository';

interface Cached<T> {
  value?: T;
  refreshing?: Promise<T>;
  at: number;
}

/**
 * Every open tab polls its round's summary every few seconds. Each instance keeps the last
 * summary of a round and serves it at once; once it is older than `maxAgeMs`, one refresh
 * runs in the background (stale-while-revalidate), so a request never waits for the round's
 * answers to be read and aggregated, except the very first for a round.
 */
export class RoundSummaryCache {
  private readonly summaries = new Map<string, Cached<RoundSummary>>();
  private readonly comments = new Map<string, Cached<RatedAnswer[]>>();

  constructor(
    private readonly answers: AnswersRepository,
    private readonly privacyThreshold: number,
    private readonly maxAgeMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  summary(roundId: string): Promise<RoundSummary> {
    return this.fresh(this.summaries, roundId, async () => summariseRound(await this.answers.ratedAnswers(roundId), this.privacyThreshold));
  }

  /** One condition's answers, for its comments: a single range read, not the whole round. */
  answersTo(roundId: string, conditionId: ConditionId): Promise<RatedAnswer[]> {
    return this.fresh(this.comments, `${roundId}|${conditionId}`, () => this.answers.ratedAnswers(roundId, conditionId));
  }

  private fresh<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let entry = cache.get(key);
    if (!entry) {
      if (cache.size > 500) cache.clear();
      entry = { at: 0 };
      cache.set(key, entry);
    }
    const current = entry;
    const stale = current.value === undefined || this.now() - current.at > this.maxAgeMs;
    if (stale && !current.refreshing) {
      current.refreshing = load()
        .then((value) => Object.assign(current, { value, at: this.now() }).value as T)
        .finally(() => (current.refreshing = undefined));
      // A failed background refresh keeps serving the last value; the next request tries again.
      current.refreshing.catch(() => undefined);
    }
    return current.value !== undefined ? Promise.resolve(current.value) : current.refreshing!;
  }
}
