import { RoundTallies, type TallySource } from '../../domain/summary';
import type { AnswersRepository } from '../../storage/answersRepository';

/** Writes land with Table storage's Timestamp a little out of order: re-read this far back. */
const OVERLAP_MS = 5000;

/**
 * A round's counts as this instance last read them. Each refresh reads only the rows written
 * since the last one (by Table storage's Timestamp, with an overlap; a row read twice counts
 * once) and moves just those answers between cells, so keeping a big round current costs
 * what changed, not the whole round. A person erasing their answers makes the next read the
 * whole round again (answersChangedSince's `complete`), counted from nothing.
 */
export class RoundAggregate {
  private tallies = new RoundTallies();
  private newest: Date | undefined;

  constructor(
    private readonly roundId: string,
    private readonly repository: AnswersRepository,
  ) {}

  /** The round's counts, current as of this read (kept and moved on by the next refresh: read them before it). */
  async refresh(): Promise<TallySource> {
    const since = this.newest ? new Date(this.newest.getTime() - OVERLAP_MS) : undefined;
    const { answers, newest, complete } = await this.repository.answersChangedSince(this.roundId, since);
    // The whole round, read again because answers were erased (delete my answers): count afresh.
    if (complete) this.tallies = new RoundTallies();
    for (const answer of answers) this.tallies.record(answer);
    if (newest && (!this.newest || newest > this.newest)) this.newest = newest;
    return this.tallies;
  }
}
