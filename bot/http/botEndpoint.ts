import type { Request as RestifyRequest, Response as RestifyResponse } from 'restify';
import { SOMETHING_WENT_WRONG } from '../domain/errors';
import type { Logger } from '../logger';
import type { ActivityOutcome, IncomingActivities } from '../teams/teamsPort';
import { incomingActivity } from './incomingActivity';

const GENERIC: Record<number, { code: string; message: string }> = {
  400: { code: 'BadRequest', message: 'The request is not a valid activity.' },
  401: { code: 'Unauthorized', message: 'The request is not authorised.' },
  500: { code: 'InternalError', message: SOMETHING_WENT_WRONG },
};

/**
 * POST /api/messages. The bot framework's answer is sent as it is only when it is a success or
 * an invoke's own error; any other failure gets a generic body, so nothing internal leaves us.
 * A 5xx is logged with its cause (the error's name, message, code or status, stack: see the
 * logger) so an operator can tell an unreachable key server from a bug; never with the
 * activity, whose text, names and card inputs are people's.
 */
export function botEndpoint(activities: IncomingActivities, logger: Logger) {
  return async (req: RestifyRequest, res: RestifyResponse): Promise<void> => {
    const outcome: ActivityOutcome = incomingActivity.safeParse(req.body).success ? await activities.process(req) : { status: 400 };
    if (outcome.rejected !== undefined) logger.warn('activity_rejected', { error: outcome.rejected });
    const { status, body } = outcome;
    if (status >= 400) {
      const generic = GENERIC[status] ?? GENERIC[status >= 500 ? 500 : 400]!;
      if (status >= 500) logger.error('activity_failed', { status, activityType: activityTypeOf(req.body), cause: outcome.cause });
      else if (status === 401) logger.warn('activity_failed', { status });
      // Invoke error responses are ours (application/vnd.microsoft.error) and safe to pass on.
      res.send(status, isInvokeErrorBody(body) ? body : { error: generic });
      return;
    }
    res.send(status, body ?? undefined);
  };
}

/** The activity's type (message, invoke…) says which path failed; it is Teams', not a person's. */
function activityTypeOf(body: unknown): string | undefined {
  const type = (body as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type.slice(0, 100) : undefined;
}

function isInvokeErrorBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'application/vnd.microsoft.error';
}
