import type { Request as RestifyRequest, Response as RestifyResponse } from 'restify';
import { SOMETHING_WENT_WRONG } from '../domain/errors';
import type { Logger } from '../logger';
import type { ActivityOutcome, IncomingActivities } from '../teams/teamsPort';
import { incomingActivity } from './incomingActivity';

/** botbuilder's answer to an invoke no handler offers (task/fetch, composeExtension/query…). */
const NOT_IMPLEMENTED = 501;

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
 * activity, whose text, names and card inputs are people's. A 501 (an invoke the app does not
 * offer) and a 4xx are the client's input, noted at info without a stack.
 */
export function botEndpoint(activities: IncomingActivities, logger: Logger) {
  return async (req: RestifyRequest, res: RestifyResponse): Promise<void> => {
    const outcome: ActivityOutcome = incomingActivity.safeParse(req.body).success ? await activities.process(req) : { status: 400 };
    if (outcome.rejected !== undefined) logger.warn('activity_rejected', { error: outcome.rejected });
    const { status, body } = outcome;
    if (status >= 400) {
      const generic = GENERIC[status] ?? GENERIC[status >= 500 ? 500 : 400]!;
      if (status >= 500 && status !== NOT_IMPLEMENTED) logger.error('activity_failed', { status, activityType: activityTypeOf(req.body), cause: outcome.cause });
      else if (status === 401) logger.warn('activity_failed', { status });
      // The client's doing (an invoke the app does not offer, an activity that cannot be read):
      // noted without a stack, so error-level lines stay the faults an operator must act on.
      else if (outcome.rejected === undefined) logger.info(status === NOT_IMPLEMENTED ? 'activity_not_supported' : 'activity_refused', { status, ...namesOf(req.body) });
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

/** The activity's type and, for an invoke, its name (Teams', never a person's), to tell which was refused. */
function namesOf(body: unknown): { activityType?: string; invokeName?: string } {
  const name = (body as { name?: unknown } | null)?.name;
  return { activityType: activityTypeOf(body), ...(typeof name === 'string' ? { invokeName: name.slice(0, 100) } : {}) };
}

function isInvokeErrorBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'application/vnd.microsoft.error';
}
