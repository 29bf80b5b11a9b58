import { createCoalescer, type Coalescer } from '../shared/coalescer';
import type { LevelId } from '../domain/levels';
import type { MembersRepository, RememberedLevel } from './membersRepository';

/**
 * The level a person gave, remembered per team so they need not give it again. It is a
 * default, not an answer (every answer row keeps its own level), so it is written behind:
 * gathered per team and stored in batches, which halves the storage calls of an answer.
 * Until written, this instance answers lookups from what it holds.
 */
export class RememberedLevels {
  private readonly pending = new Map<string, Map<string, RememberedLevel>>();
  private readonly writer: Coalescer;

  constructor(
    private readonly members: MembersRepository,
    options: { delayMs: number; onError: (error: unknown, teamId: string) => void },
  ) {
    this.writer = createCoalescer({ delayMs: options.delayMs, flush: (teamId) => this.write(teamId), onError: options.onError });
  }

  async levelOf(teamId: string, respondentId: string): Promise<LevelId | undefined> {
    return this.pending.get(teamId)?.get(respondentId)?.level ?? this.members.levelOf(teamId, respondentId);
  }

  remember(teamId: string, respondentId: string, level: LevelId, at: string): void {
    const team = this.pending.get(teamId) ?? new Map<string, RememberedLevel>();
    team.set(respondentId, { respondentId, level, at });
    this.pending.set(teamId, team);
    this.writer.markDirty(teamId);
  }

  /**
   * Forgets the person's level in the team, held here or stored (delete my answers). A write of it
   * already under way may still land after this: the caller forgets once the answers are gone.
   */
  async forget(teamId: string, respondentId: string): Promise<void> {
    this.pending.get(teamId)?.delete(respondentId);
    await this.members.forget(teamId, respondentId);
  }

  /** Writes everything held now: for shutdown and tests. */
  drain(): Promise<void> {
    return this.writer.drain();
  }

  private async write(teamId: string): Promise<void> {
    const team = this.pending.get(teamId);
    if (!team || team.size === 0) return;
    this.pending.delete(teamId);
    try {
      await this.members.rememberLevels(teamId, [...team.values()]);
    } catch (error) {
      // Keep what failed (unless a newer level arrived meanwhile) and try again later.
      const current = this.pending.get(teamId) ?? new Map<string, RememberedLevel>();
      for (const [respondentId, level] of team) if (!current.has(respondentId)) current.set(respondentId, level);
      this.pending.set(teamId, current);
      throw error;
    }
  }
}
