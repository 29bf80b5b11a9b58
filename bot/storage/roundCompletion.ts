import type { ConditionId } from '../domain/conditions';
import type { AnswersRepository } from './answersRepository';

/** Writes land with Table storage's Timestamp a little out of order: re-read this far back (as RoundLevels does). */
const OVERLAP_MS = 5000;
/** Rounds an instance keeps; the least recently used goes first. */
const MAX_ROUNDS = 20;

interface RoundState {
  readonly answered: Map<string, Set<ConditionId>>;
  newest?: Date;
  reading?: Promise<void>;
}

/**
 * Who has answered which condition of a round, per respondent id, kept per instance for the
 * reminders: a wave of 2,000 members in 20 batches reads the round's answers (24,000 rows at
 * most) once, then each batch reads only what changed since, instead of 2,000 × 12 point reads.
 * A person erasing their answers makes the next read the whole round again (answeredSince's
 * `complete`), which replaces what was kept; calls made while a read runs share it.
 */
export class RoundCompletion {
  private readonly rounds = new Map<string, RoundState>();

  constructor(private readonly answers: Pick<AnswersRepository, 'answeredSince'>) {}

  /** Each respondent's answered conditions in the round, as of this call. Rejects as storage does (STORAGE_UNAVAILABLE). */
  async answeredIn(roundId: string): Promise<ReadonlyMap<string, ReadonlySet<ConditionId>>> {
    const state = this.stateOf(roundId);
    state.reading ??= this.read(roundId, state).finally(() => (state.reading = undefined));
    await state.reading;
    return state.answered;
  }

  private stateOf(roundId: string): RoundState {
    const state = this.rounds.get(roundId) ?? { answered: new Map() };
    this.rounds.delete(roundId); // re-inserted: most recently used last
    this.rounds.set(roundId, state);
    for (const oldest of this.rounds.keys()) {
      if (this.rounds.size <= MAX_ROUNDS) break;
      this.rounds.delete(oldest);
    }
    return state;
  }

  private async read(roundId: string, state: RoundState): Promise<void> {
    const since = state.newest ? new Date(state.newest.getTime() - OVERLAP_MS) : undefined;
    const { answered, newest, complete } = await this.answers.answeredSince(roundId, since);
    if (complete) state.answered.clear();
    for (const { respondentId, conditionId } of answered) {
      const conditions = state.answered.get(respondentId) ?? new Set<ConditionId>();
      state.answered.set(respondentId, conditions.add(conditionId));
    }
    if (newest && (!state.newest || newest > state.newest)) state.newest = newest;
  }
}
