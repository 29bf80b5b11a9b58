import { createHmac } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { isConflict, storageCall } from './storageErrors';

/**
 * Activities whose one-off effect has happened (e.g. the next condition sent after an answer
 * in chat). Teams redelivers an invoke it thinks was lost, with the same activity id: the
 * second time, on whichever instance, the effect is skipped. Creating the row is the claim;
 * a second create answers 409.
 *
 * A one-to-one chat's conversation id names a person, and a row's write time is close to
 * their answer's: the row is keyed by a keyed HMAC of conversation and activity (the
 * respondent key, kept outside the tables) and holds nothing else, so it cannot be joined
 * to an answer without the key.
 */
export class HandledActivities {
  constructor(
    private readonly table: TableClient,
    private readonly hmacKey: string,
  ) {}

  /**
   * True the first time it is asked for this activity in this conversation, false ever after.
   * Throws STORAGE_UNAVAILABLE when storage cannot be reached (the caller then does nothing).
   */
  async claim(conversationId: string, activityId: string): Promise<boolean> {
    const key = createHmac('sha256', this.hmacKey).update(`${conversationId}\n${activityId}`).digest('hex');
    try {
      // 256 partitions spread the writes; the rest of the digest is the row.
      await storageCall(() => this.table.createEntity({ partitionKey: key.slice(0, 2), rowKey: key.slice(2) }));
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }
}
