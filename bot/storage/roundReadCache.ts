import type { AuditRound } from '../domain/auditRound';
import { ReadThroughCache } from '../shared/readThroughCache';
import type { RoundsRepository } from './roundsRepository';

/**
 * Every answer needs its round, and a burst of answers needs the same round thousands of
 * times. Rounds are cached here for a short time per instance, and concurrent misses share
 * one read. A closed round never reopens, so once its counts are kept with it (`finalCounts`) it
 * may be kept; an open one only for `ttlMs`, which closing waits out (see closeRound) so that no
 * instance accepts answers after it. A closed round without counts (closed before they were
 * kept, or storage failed at close) is read again like an open one: retention counts and keeps
 * them before deleting its answers (app/retention/expireAnswers.ts), and every instance must see
 * them before then, or its summary would be made from answers no longer there.
 */
export class RoundReadCache {
  private readonly cache: ReadThroughCache<AuditRound>;

  /** `serveStale` only for readers that may see a round's status a little late (the tab, never answers). */
  constructor(
    private readonly rounds: RoundsRepository,
    readonly ttlMs: number,
    options: { now?: () => number; serveStale?: boolean } = {},
  ) {
    this.cache = new ReadThroughCache(ttlMs, {
      ...options,
      keepFor: (round) => (round.status === 'closed' && round.finalCounts ? Infinity : undefined),
      // A closed round without counts is summarised from its answers, which retention deletes an hour
      // after keeping its counts (expireAnswers.ts): never served past its lifetime, however held.
      servedStale: (round) => round.status !== 'closed' || round.finalCounts !== undefined,
    });
  }

  /**
   * The round, read through the cache. With `readAgain` false, a round held is served however old,
   * without reading it again (the organisation view reads a few teams' rounds again each pass, in
   * turn: ServiceSummaryCache.teamsReadThisPass); one not held is read, and so is a closed round
   * without its counts once past `ttlMs` (see the constructor).
   */
  get(teamId: string, roundId: string, readAgain = true): Promise<AuditRound | undefined> {
    const key = `${teamId}\n${roundId}`;
    return (readAgain ? undefined : this.cache.peek(key)) ?? this.cache.get(key, () => this.rounds.get(teamId, roundId));
  }

  forget(teamId: string, roundId: string): void {
    this.cache.forget(`${teamId}\n${roundId}`);
  }
}
