import type { ActivityHandler, TurnContext } from 'botbuilder';
import type { Request as RestifyRequest, Response as RestifyResponse } from 'restify';
import { SOMETHING_WENT_WRONG } from '../domain/errors';
import type { Logger } from '../logger';
import type { CauseKeepingAdapter } from '../teams/botAdapter';
import { incomingActivity } from './incomingActivity';

/**
 * POST /api/messages. CloudAdapter writes its answer to a small response interface; we
 * give it one that only records, then send it ourselves, so that no error message or
 * stack the adapter would echo (it puts `err.message` in 500 bodies) ever leaves us.
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

const GENERIC: Record<number, { code: string; message: string }> = {
  400: { code: 'BadRequest', message: 'The request is not a valid activity.' },
  401: { code: 'Unauthorized', message: 'The request is not authorised.' },
  500: { code: 'InternalError', message: SOMETHING_WENT_WRONG },
};

/**
 * A 5xx is logged with its cause (the error's name, message, code or status, stack: see the
 * logger) so an operator can tell an unreachable key server from a bug; never with the
 * activity, whose text, names and card inputs are people's.
 */
export function botEndpoint(adapter: CauseKeepingAdapter, bot: ActivityHandler, logger: Logger) {
  return async (req: RestifyRequest, res: RestifyResponse): Promise<void> => {
    const recorded = new RecordedResponse();
    // One function per request: the adapter keeps a failure outside the turn by it.
    const logic = (context: TurnContext) => bot.run(context);
    try {
      if (!incomingActivity.safeParse(req.body).success) {
        recorded.status(400);
      } else {
        await adapter.process(req, recorded, logic);
      }
    } catch (error) {
      // The adapter's own schema check throws on bodies it cannot read.
      logger.warn('activity_rejected', { error });
      recorded.status(isSchemaError(error) ? 400 : 500);
    }
    const status = recorded.statusCode;
    if (status >= 400) {
      const generic = GENERIC[status] ?? GENERIC[status >= 500 ? 500 : 400]!;
      if (status >= 500) logger.error('activity_failed', { status, activityType: activityTypeOf(req.body), cause: adapter.failureOf(logic) });
      else if (status === 401) logger.warn('activity_failed', { status });
      // Invoke error responses are ours (application/vnd.microsoft.error) and safe to pass on.
      res.send(status, isInvokeErrorBody(recorded.body) ? recorded.body : { error: generic });
      return;
    }
    res.send(status, recorded.body ?? undefined);
  };
}

/** The activity's type (message, invoke…) says which path failed; it is Teams', not a person's. */
function activityTypeOf(body: unknown): string | undefined {
  const type = (body as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type.slice(0, 100) : undefined;
}

function isSchemaError(error: unknown): boolean {
  return (error as { name?: unknown })?.name === 'ZodError';
}

function isInvokeErrorBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'application/vnd.microsoft.error';
}
