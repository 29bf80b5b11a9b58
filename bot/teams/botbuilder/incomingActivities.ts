import type { ActivityHandler, TurnContext } from 'botbuilder';
import type { IncomingActivities } from '../teamsPort';
import type { CauseKeepingAdapter } from './adapter';

/**
 * CloudAdapter writes its answer to a small response interface; we give it one that only
 * records, so the endpoint sends the answer itself and no error message or stack the adapter
 * would echo (it puts `err.message` in 500 bodies) ever leaves us.
 */
class RecordedResponse {
  statusCode = 200;
  body: unknown;
  readonly socket = null;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  header(): this {
    return this;
  }
  send(body: unknown): this {
    this.body = body;
    return this;
  }
  end(): this {
    return this;
  }
}

/** Incoming activities through botbuilder: the adapter authenticates, `bot` runs the turn. */
export function incomingActivities(adapter: CauseKeepingAdapter, bot: ActivityHandler): IncomingActivities {
  return {
    async process(request) {
      const recorded = new RecordedResponse();
      // One function per request: the adapter keeps a failure outside the turn by it.
      const logic = (context: TurnContext) => bot.run(context);
      try {
        await adapter.process(request as Parameters<CauseKeepingAdapter['process']>[0], recorded, logic);
      } catch (error) {
        // The adapter's own schema check throws on bodies it cannot read.
        return { status: isSchemaError(error) ? 400 : 500, rejected: error, cause: adapter.failureOf(logic) };
      }
      return { status: recorded.statusCode, body: recorded.body, cause: adapter.failureOf(logic) };
    },
  };
}

function isSchemaError(error: unknown): boolean {
  return (error as { name?: unknown })?.name === 'ZodError';
}
