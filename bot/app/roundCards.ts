import { ROUND_CARDS, unpostedCards, type AuditRound, type PostingAddress, type RoundCard } from '../domain/auditRound';
import { CONDITIONS, type ConditionId } from '../domain/conditions';
import type { Participation } from '../domain/participation';
import type { Logger } from '../logger';
import { createCoalescer } from '../shared/coalescer';
import { createKeyedQueue } from '../shared/keyedQueue';
import type { AnswersRepository } from '../storage/answersRepository';
import type { RoundsRepository } from '../storage/roundsRepository';
import type { DeliveryReport } from './deliveryReport';
import type { RoundPublisher } from './roundPublisher';

/** A round's cards in its channel: posted, kept up to date with the answers, closed. */
export interface RoundCards {
  /**
   * Posts the round's cards that have no post yet (`missing`: all of them for a new round),
   * or every card anew (`all`), recording each post as Teams accepts it, so later updates go
   * to it. A card Teams refuses does not stop the others: the report says which. `all` posts
   * into `postTo` when given (where the champion asked: the stored conversation may be gone, as
   * when the Agents Playground reloads) and records it as the round's conversation.
   */
  publishRound(round: AuditRound, which: 'missing' | 'all', postTo?: PostingAddress): Promise<DeliveryReport>;
  /** An answer was recorded: the condition's shared card shows the new count soon (a burst becomes one update). */
  answerCountChanged(round: AuditRound, conditionId: ConditionId): void;
  /**
   * The round's close date moved (extended): its intro card shows the new one. Reads the round as
   * stored when it runs; a round closed meanwhile is left to its closing. Rejects when Teams refuses.
   */
  showCloseDate(round: AuditRound): Promise<void>;
  /** Updates every posted card to the closed round's figures, carrying on past any it cannot update. */
  publishClosure(round: AuditRound, participation: Participation): Promise<DeliveryReport>;
  /** Last count shown on a condition's shared card by this instance, for the voter's own view. */
  lastKnownCount(round: AuditRound, conditionId: ConditionId): number | undefined;
  /** Resolves when no card update is pending: for tests and graceful shutdown. */
  drain(): Promise<void>;
  stop(): void;
}

export interface RoundCardsDeps {
  readonly rounds: Pick<RoundsRepository, 'get' | 'recordPosting'>;
  readonly answers: Pick<AnswersRepository, 'countForCondition'>;
  /** Where the cards are shown: told every count, reads nothing itself. */
  readonly publisher: RoundPublisher;
  /** How long answers are gathered before a card shows their count (Teams allows 8 sends per 2 s per conversation). */
  readonly cardUpdateDelayMs: number;
  readonly logger: Logger;
}

/**
 * One round's posts, updates and closing run one at a time (a close queued before an update
 * wins), and each reads the round and the counts it shows from storage as it runs, then tells
 * the publisher what to show.
 */
export function createRoundCards({ rounds, answers, publisher, cardUpdateDelayMs, logger }: RoundCardsDeps): RoundCards {
  const queue = createKeyedQueue();
  const shown = new Map<string, number>();
  const shownKey = (round: AuditRound, conditionId: ConditionId) => `${round.roundId}|${conditionId}`;

  /** The counts of the conditions among `cards`, read together. */
  async function countsOf(round: AuditRound, cards: readonly RoundCard[]): Promise<Partial<Record<ConditionId, number>>> {
    const conditions = cards.filter((card): card is ConditionId => card !== 'intro');
    const counts = await Promise.all(conditions.map((conditionId) => answers.countForCondition(round.roundId, conditionId)));
    return Object.fromEntries(conditions.map((conditionId, i) => [conditionId, counts[i]]));
  }

  async function showCount(key: string): Promise<void> {
    const [teamId, roundId, conditionId] = JSON.parse(key) as [string, string, ConditionId];
    await queue.run(roundId, async () => {
      // Read inside the round's queue: a close queued before this update must win.
      const round = await rounds.get(teamId, roundId);
      const messageId = round?.conditionMessageIds[conditionId];
      if (round?.status !== 'open' || !messageId) return;
      const answeredCount = await answers.countForCondition(roundId, conditionId);
      shown.set(shownKey(round, conditionId), answeredCount);
      await publisher.showCount(round, conditionId, messageId, answeredCount);
    });
  }

  const coalescer = createCoalescer({
    delayMs: cardUpdateDelayMs,
    flush: showCount,
    onError: (error: unknown, key: string) => logger.warn('card_update_failed', { key, error }),
  });

  return {
    publishRound(round, which, postTo) {
      return queue.run(round.roundId, async () => {
        // Read again in the queue: a repost right after another must not post the same card twice.
        let current = (await rounds.get(round.teamId, round.roundId)) ?? round;
        if (which === 'all' && postTo) {
          // Every card is posted anew there, so every later update goes to a post in that conversation.
          await rounds.recordPosting(current.teamId, current.roundId, { postedIn: postTo });
          current = { ...current, postedIn: postTo };
        }
        const cards = which === 'all' ? ROUND_CARDS : unpostedCards(current);
        return publisher.postCards(current, cards, await countsOf(current, cards), (card, messageId) =>
          rounds.recordPosting(current.teamId, current.roundId, card === 'intro' ? { introMessageId: messageId } : { conditionId: card, messageId }),
        );
      });
    },
    answerCountChanged(round, conditionId) {
      coalescer.markDirty(JSON.stringify([round.teamId, round.roundId, conditionId]));
    },
    showCloseDate(round) {
      return queue.run(round.roundId, async () => {
        const current = await rounds.get(round.teamId, round.roundId);
        if (current?.status !== 'open' || !current.introMessageId) return;
        await publisher.showIntro(current, current.introMessageId);
      });
    },
    publishClosure(round, participation) {
      for (const { id } of CONDITIONS) shown.delete(shownKey(round, id));
      // A deleted post (404) or Teams refusing after retries: the other cards still close.
      return queue.run(round.roundId, () => publisher.showClosure(round, participation));
    },
    lastKnownCount: (round, conditionId) => shown.get(shownKey(round, conditionId)),
    drain: () => coalescer.drain(),
    stop: () => coalescer.stop(),
  };
}
