import type { ConditionId } from '../../domain/conditions';
import type { AuditRound } from '../../domain/auditRound';
import { releaseRound, talliesFrom, type RatedAnswer, type RoundParticipation, type RoundRelease } from '../../domain/summary';
import { RoundAggregate } from './roundAggregate';
import type { AnswersRepository } from '../../storage/answersRepository';

interface Cached<T> {
  value?: T;
  refreshing?: Promise<T>;
  at: number;
}

/**
 * Rounds whose running counts an instance keeps (RoundAggregate, about 150 bytes an answer): the
 * organisation view polls every team's open round together (issue 13: 50 teams and more), so the
 * bound is well above an organisation's teams. Past it, the round read least recently is dropped
 * and read whole again when next asked for; the others keep refreshing by what changed.
 */
const MAX_AGGREGATES = 200;

export interface RoundSummaryCacheOptions {
  /** How long a round's figures are served before one refresh runs behind (stale-while-revalidate). */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
  /** How long after a close answers already accepted may still land (closeRound's answersSettleMs). */
  readonly settleMs?: number;
}

/**
 * Every open tab polls its round every few seconds. Each instance keeps what it last served of
 * a round (its release: participation, and the summary once the round's results are released,
 * domain/summary/release.ts) and serves it at once; once it is older than `maxAgeMs`, one refresh
 * runs in the background (stale-while-revalidate), so a request never waits for the round's
 * answers to be read and aggregated, except the very first for a round. A refresh reads only
 * the answers written since the last (see RoundAggregate).
 */
export class RoundSummaryCache {
  private readonly releases = new Map<string, Cached<RoundRelease>>();
  private readonly aggregates = new Map<string, RoundAggregate>();
  private readonly comments = new Map<string, Cached<RatedAnswer[]>>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly settleMs: number;

  constructor(
    private readonly answers: AnswersRepository,
    private readonly privacyThreshold: number,
    options: RoundSummaryCacheOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 2000;
    this.now = options.now ?? Date.now;
    this.settleMs = options.settleMs ?? 0;
  }

  /**
   * What of the round may be served now. A closed round that kept its counts is summarised from
   * them, once; any other round from its answers. The status is the caller's latest view of it.
   */
  release(round: Pick<AuditRound, 'roundId' | 'status' | 'closedAt' | 'finalCounts'>): Promise<RoundRelease> {
    return this.releaseWithin(round, this.maxAgeMs);
  }

  /**
   * The round's participation, for a view over many teams' rounds (the organisation view, issue
   * 13). With `refresh`, as release() gives it; without, whatever this instance holds is served
   * however old (read once when it holds nothing), so the caller decides how many rounds a pass
   * reads again. Its results state is not in it: take that from the round (resultsState), which
   * is never older than the caller's read of the round.
   */
  async participation(round: Pick<AuditRound, 'roundId' | 'status' | 'closedAt' | 'finalCounts'>, refresh: boolean): Promise<RoundParticipation> {
    return (await this.releaseWithin(round, refresh ? this.maxAgeMs : Infinity)).participation;
  }

  private releaseWithin(round: Pick<AuditRound, 'roundId' | 'status' | 'closedAt' | 'finalCounts'>, maxAgeMs: number): Promise<RoundRelease> {
    const { roundId, finalCounts } = round;
    const releaseOf = (tallies: Parameters<typeof releaseRound>[1]) =>
      releaseRound(round, tallies, this.privacyThreshold, new Date(this.now()), this.settleMs);
    if (finalCounts) return this.fresh(this.releases, `${roundId}|final`, async () => releaseOf(talliesFrom(finalCounts)), Infinity);
    return this.fresh(this.releases, roundId, async () => releaseOf(await this.aggregateOf(roundId).refresh()), maxAgeMs);
  }

  /** One condition's answers, for its comments: a single range read, not the whole round. Check the results are released first. */
  answersTo(roundId: string, conditionId: ConditionId): Promise<RatedAnswer[]> {
    // Stale only briefly: comments held from long ago may since have been deleted (delete my answers, retention).
    return this.fresh(this.comments, `${roundId}|${conditionId}`, () => this.answers.ratedAnswers(roundId, conditionId), this.maxAgeMs, 2 * this.maxAgeMs);
  }

  /**
   * Drops what this instance keeps of one condition's comments, so the next read takes them from
   * storage: a champion's decision on a held comment shows to leaders at once (other instances
   * catch up within `maxAgeMs`). The round's figures do not change with a decision.
   */
  forgetComments(roundId: string, conditionId: ConditionId): void {
    this.comments.delete(`${roundId}|${conditionId}`);
  }

  /** The clock and close settling the cache's releases use, for reads that check a round's state themselves. */
  get clock(): { readonly now: Date; readonly settleMs: number } {
    return { now: new Date(this.now()), settleMs: this.settleMs };
  }

  /** The round's running counts, least recently used dropped first past MAX_AGGREGATES (a Map iterates in insertion order). */
  private aggregateOf(roundId: string): RoundAggregate {
    let aggregate = this.aggregates.get(roundId);
    if (aggregate) this.aggregates.delete(roundId);
    else {
      if (this.aggregates.size >= MAX_AGGREGATES) this.aggregates.delete(this.aggregates.keys().next().value!);
      aggregate = new RoundAggregate(roundId, this.answers);
    }
    this.aggregates.set(roundId, aggregate);
    return aggregate;
  }

  /** `staleForMs`: past this age a value is not served while it refreshes; the read waits for the refresh. */
  private fresh<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>, maxAgeMs = this.maxAgeMs, staleForMs = Infinity): Promise<T> {
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
        .then((value) => Object.assign(current, { value, at: this.now() }).value)
        .finally(() => (current.refreshing = undefined));
      // A failed background refresh keeps serving the last value; the next request tries again.
      current.refreshing.catch(() => undefined);
    }
    return current.value !== undefined && this.now() - current.at <= staleForMs ? Promise.resolve(current.value) : current.refreshing!;
  }
}
