import type { ConditionId } from '../../domain/conditions';
import type { AuditRound } from '../../domain/auditRound';
import { summariseTallies, talliesFrom, type RatedAnswer, type RoundSummary } from '../../domain/summary';
import { RoundAggregate } from './roundAggregate';
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
 * answers to be read and aggregated, except the very first for a round. A refresh reads only
 * the answers written since the last (see RoundAggregate).
 */
export class RoundSummaryCache {
  private readonly summaries = new Map<string, Cached<RoundSummary>>();
  private readonly aggregates = new Map<string, RoundAggregate>();
  private readonly comments = new Map<string, Cached<RatedAnswer[]>>();

  constructor(
    private readonly answers: AnswersRepository,
    private readonly privacyThreshold: number,
    private readonly maxAgeMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A closed round that kept its counts is summarised from them; any other from its answers. */
  summary(round: Pick<AuditRound, 'roundId' | 'finalCounts'>): Promise<RoundSummary> {
    const { roundId, finalCounts } = round;
    if (finalCounts) return this.fresh(this.summaries, `${roundId}|final`, async () => summariseTallies(talliesFrom(finalCounts), this.privacyThreshold), Infinity);
    return this.fresh(this.summaries, roundId, () => this.aggregateOf(roundId).refresh());
  }

  /** One condition's answers, for its comments: a single range read, not the whole round. */
  answersTo(roundId: string, conditionId: ConditionId): Promise<RatedAnswer[]> {
    return this.fresh(this.comments, `${roundId}|${conditionId}`, () => this.answers.ratedAnswers(roundId, conditionId));
  }

  private aggregateOf(roundId: string): RoundAggregate {
    let aggregate = this.aggregates.get(roundId);
    if (!aggregate) {
      if (this.aggregates.size > 50) this.aggregates.clear();
      aggregate = new RoundAggregate(roundId, this.answers, this.privacyThreshold);
      this.aggregates.set(roundId, aggregate);
    }
    return aggregate;
  }

  private fresh<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>, maxAgeMs = this.maxAgeMs): Promise<T> {
    let entry = cache.get(key);
    if (!entry) {
      if (cache.size > 500) cache.clear();
      entry = { at: 0 };
      cache.set(key, entry);
    }
    const current = entry;
    const stale = current.value === undefined || this.now() - current.at > maxAgeMs;
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
