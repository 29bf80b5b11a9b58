import type { TableClient } from '@azure/data-tables';
import { encodeKey } from './keys';
import { isConflict, storageCall } from './storageErrors';

/**
 * Activities whose one-off effect has happened (e.g. the next condition sent after an answer
 * in chat). Teams redelivers an invoke it thinks was lost, with the same activity id: the
 * second time, on whichever instance, the effect is skipped. One row per conversation and
 * activity id; creating it is the claim, and a second create answers 409.
 */
export class HandledActivities {
  constructor(private readonly table: TableClient) {}

  /**
   * True the first time it is asked for this activity in this conversation, false ever after.
   * Throws STORAGE_UNAVAILABLE when storage cannot be reached (the caller then does nothing).
   */
  async claim(conversationId: string, activityId: string, at: Date): Promise<boolean> {
    try {
      await storageCall(() => this.table.createEntity({ partitionKey: encodeKey(conversationId), rowKey: encodeKey(activityId), handledAt: at.toISOString() }));
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }
}
