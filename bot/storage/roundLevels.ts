import { setTimeout as delay } from 'node:timers/promises';
import type { LevelId } from '../domain/levels';
import { createCoalescer, type Coalescer } from '../shared/coalescer';
import type { AnswersRepository } from './answersRepository';

/** Writes land with Table storage's Timestamp a little out of order: re-read this far back (as RoundAggregate does). */
const OVERLAP_MS = 5000;
/** Open rounds whose levels an instance keeps; the least recently used goes first. */
const MAX_ROUNDS = 100;

interface RoundState {
  /** Each person's level in the round, as far as this instance knows. */
  readonly people: Map<string, LevelId>;
  /** People seen at two levels whose answers could not be brought together yet. */
  readonly unsettled: Set<string>;
  newest?: Date;
  /** The round's first read, while it runs. */
  loading?: Promise<void>;
}

/**
 * Each person's level in the open rounds this instance takes answers for, so that an answer
 * on the shared card can be checked against it without a storage call (the answer path costs
 * one write; see BENCHMARKS.md). Loaded with one read of the round, then kept current by this
 * instance's own answers and, a little after each, a read of what changed since (which is how
 * it learns of answers other instances took).
 *
 * It also keeps the rule "one level per person per round" across instances: two instances can
 * each take one answer of the same person, at two levels, before either knows of the other.
 * Whichever reads that first brings all that person's answers to the level of their latest one
 * (the level participation and the summary already count them at), in one conditional write.
 */
export class RoundLevels {
  private readonly rounds = new Map<string, RoundState>();
  private readonly refresher: Coalescer;

  constructor(
    private readonly answers: AnswersRepository,
    private readonly options: {
      /** How long after an answer the round is read again. */
      refreshDelayMs: number;
      /** How long an answer waits for the round's first read before going on without it. */
      loadWaitMs: number;
      onError: (error: unknown, roundId: string) => void;
    },
  ) {
    this.refresher = createCoalescer({ delayMs: options.refreshDelayMs, flush: (roundId) => this.refresh(roundId), onError: options.onError });
  }

  /** The person's level in the round as this instance knows it; undefined when it does not know them. */
  async known(roundId: string, respondentId: string): Promise<LevelId | undefined> {
    const state = this.stateOf(roundId);
    // A big round takes seconds to read: after loadWaitMs the answer goes on as if unknown,
    // and the read that follows brings any second level in line.
    if (state.loading) await Promise.race([state.loading, delay(this.options.loadWaitMs, undefined, { ref: false })]);
    return state.people.get(respondentId);
  }

  /** An answer this instance wrote: its level is now the person's in the round. */
  noted(roundId: string, respondentId: string, level: LevelId): void {
    this.stateOf(roundId).people.set(respondentId, level);
    this.refresher.markDirty(roundId);
  }

  /** Runs owed reads now: for shutdown and tests. */
  drain(): Promise<void> {
    return this.refresher.drain();
  }

  stop(): void {
    this.refresher.stop();
  }

  private stateOf(roundId: string): RoundState {
    let state = this.rounds.get(roundId);
    if (state) {
      this.rounds.delete(roundId); // re-inserted below: most recently used last
    } else {
      const fresh: RoundState = { people: new Map(), unsettled: new Set() };
      fresh.loading = this.read(roundId, fresh)
        // On failure `newest` stays unset, so the next refresh reads the whole round again.
        .catch((error: unknown) => this.options.onError(error, roundId))
        .finally(() => (fresh.loading = undefined));
      state = fresh;
    }
    this.rounds.set(roundId, state);
    for (const oldest of this.rounds.keys()) {
      if (this.rounds.size <= MAX_ROUNDS) break;
      this.rounds.delete(oldest);
    }
    return state;
  }

  private async refresh(roundId: string): Promise<void> {
    const state = this.rounds.get(roundId);
    if (state) await this.read(roundId, state);
  }

  /** Reads what changed since the last read (everything, the first time) and settles anyone seen at two levels. */
  private async read(roundId: string, state: RoundState): Promise<void> {
    const since = state.newest ? new Date(state.newest.getTime() - OVERLAP_MS) : undefined;
    const { levels, newest, complete } = await this.answers.levelsChangedSince(roundId, since);
    // The whole round, read again because answers were erased: forget anyone no longer in it.
    if (complete) state.people.clear();
    if (newest && (!state.newest || newest > state.newest)) state.newest = newest;

    const levelsSeen = new Map<string, Set<LevelId>>();
    for (const { respondentId, level } of levels) {
      const seen = levelsSeen.get(respondentId) ?? new Set(state.people.has(respondentId) ? [state.people.get(respondentId)!] : []);
      levelsSeen.set(respondentId, seen.add(level));
    }
    for (const [respondentId, seen] of levelsSeen) {
      if (seen.size === 1) state.people.set(respondentId, [...seen][0]!);
      else state.unsettled.add(respondentId);
    }
    for (const respondentId of [...state.unsettled]) await this.settle(roundId, state, respondentId);
  }

  private async settle(roundId: string, state: RoundState, respondentId: string): Promise<void> {
    try {
      const level = await this.answers.bringToOneLevel(roundId, respondentId);
      if (level) state.people.set(respondentId, level);
      state.unsettled.delete(respondentId);
    } catch (error) {
      // Most likely they answered again meanwhile (412): try again after the next read.
      this.options.onError(error, roundId);
      this.refresher.markDirty(roundId);
    }
  }
}
