import type { AuditRound } from '../domain/auditRound';
import type { RoundsRepository } from './roundsRepository';

/**
 * Every answer needs its round, and a burst of answers needs the same round thousands of
 * times. Rounds are cached here for a short time per instance, and concurrent misses share
 * one read. A closed round never reopens, so it may be kept; an open one only for `ttlMs`,
 * which closing waits out (see closeRound) so that no instance accepts answers after it.
 */
interface CacheEntry {
  readonly round: Promise<AuditRound | undefined>;
  until: number;
}

export class RoundReadCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly rounds: RoundsRepository,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(teamId: string, roundId: string): Promise<AuditRound | undefined> {
    if (this.ttlMs <= 0) return this.rounds.get(teamId, roundId);
    const key = `${teamId}\n${roundId}`;
    const cached = this.entries.get(key);
    if (cached && cached.until > this.now()) return cached.round;
    if (this.entries.size > 1000) this.entries.clear();
    const entry: CacheEntry = { round: this.rounds.get(teamId, roundId), until: this.now() + this.ttlMs };
    this.entries.set(key, entry);
    const drop = () => this.entries.get(key) === entry && this.entries.delete(key);
    entry.round.then((found) => {
      if (!found) drop(); // ask storage again next time
      else if (found.status === 'closed') entry.until = Infinity; // closed rounds never reopen
    }, drop);
    return entry.round;
  }

  forget(teamId: string, roundId: string): void {
    this.entries.delete(`${teamId}\n${roundId}`);
  }
}
