// Every call the bot makes to Teams' Bot Connector goes through the connector client's HTTP
// pipeline, whichever way of the Teams port made it (teamsPort.ts): a reply during a turn, a
// card updated, a proactive post or update, a roster read, a one-to-one chat opened. Pacing
// and retrying there, once per attempt, is what makes Teams' limits hold for all of them
// (why in the pipeline rather than around each port call: pipelineRetries.ts).
//
//   order (per conversation, FIFO, held across retries)
//     -> retry (core-rest-pipeline's loop, teamsRetryStrategy)
//       -> rate limits (a slot per attempt: room in the conversation's windows or the roster
//          reads', then the app's slot, which every instance shares when given a shared
//          schedule: sharedAppLimit.ts; the windows count the attempt when it leaves, after both)
//         -> Teams
import type { Middleware, TurnContext } from 'botbuilder';
import { retryPolicy, type Pipeline, type PipelinePolicy, type PipelineRequest } from '@azure/core-rest-pipeline';
import { disablePipelineRetries } from './pipelineRetries';
import { createConversationPacer, TEAMS_ROSTER_WINDOWS, type ConversationPacerOptions } from '../delivery/rateLimiter';
import { instanceAppSlots, type AppSlots } from '../delivery/sharedAppLimit';
import { MAX_RETRIES, teamsRetryStrategy, type RetryOptions } from '../delivery/retry';

const ORDER_POLICY = 'practiceAuditConversationOrder';
const RETRY_POLICY = 'practiceAuditRetry';
const LIMITS_POLICY = 'practiceAuditRateLimits';
const ROSTER = 'roster';

/** One attempt may not hold its conversation's queue for ever when Teams hangs. */
const ATTEMPT_TIMEOUT_MS = 30_000;

/** `…/v3/conversations/{id}/activities[/{activityId}]`: a message posted, replied to, updated or deleted. */
const ACTIVITY_PATH = /\/v3\/conversations\/([^/]+)\/activities(?:\/|$)/;

/**
 * The conversation a request sends into, as Teams counts it, or undefined for calls that
 * send nothing (roster reads) and for creating a conversation. A channel thread's id is the
 * channel's id plus `;messageid=…`: counted per channel, the stricter reading of "per thread".
 */
export function conversationSentTo(request: Pick<PipelineRequest, 'method' | 'url'>): string | undefined {
  if (request.method === 'GET') return undefined;
  const match = ACTIVITY_PATH.exec(new URL(request.url).pathname);
  if (!match?.[1]) return undefined;
  return decodeURIComponent(match[1]).split(';messageid=')[0];
}

/** `…/v3/conversations/{id}/members[/{memberId}]` and `…/pagedmembers`: a roster read. */
const ROSTER_PATH = /\/v3\/conversations\/[^/]+\/(?:paged)?members(?:\/|$)/;

/** A read of a team's or chat's roster, which Teams limits on its own (14 a second). */
export function isRosterRead(request: Pick<PipelineRequest, 'method' | 'url'>): boolean {
  return request.method === 'GET' && ROSTER_PATH.test(new URL(request.url).pathname);
}

export interface TeamsDeliveryOptions {
  /** Per conversation: Teams' 7/1 s, 8/2 s, 60/30 s, 1,800/h unless given. */
  conversations?: ConversationPacerOptions;
  /**
   * Every call: Teams' 50 a second per app per tenant (counted per app, which is never looser).
   * The service gives slots shared by every instance (sharedAppLimit.ts); without them, this
   * instance's own limit.
   */
  appSlots?: AppSlots;
  /** Roster reads: Teams' 14 a second unless given. */
  rosterReads?: ConversationPacerOptions;
  retry?: RetryOptions;
  /** Called once if a connector client's pipeline is not where botbuilder 4.23 keeps it. */
  onUnknownClient?: () => void;
}

export interface TeamsDelivery {
  /** For `adapter.use`: CloudAdapter runs middleware for incoming and proactive turns alike. */
  readonly middleware: Middleware;
  /** Puts pacing and retries into a botbuilder ConnectorClient's pipeline (once); false if its shape is unknown. */
  install(connectorClient: unknown): boolean;
}

/** One per adapter: its counts are shared by every turn and every proactive send. */
export function createTeamsDelivery(options: TeamsDeliveryOptions = {}): TeamsDelivery {
  const conversations = createConversationPacer(options.conversations);
  const app = options.appSlots ?? instanceAppSlots();
  const rosterReads = createConversationPacer({ windows: TEAMS_ROSTER_WINDOWS, ...options.rosterReads });
  let warned = false;

  const order: PipelinePolicy = {
    name: ORDER_POLICY,
    sendRequest: (request, next) => {
      const conversation = conversationSentTo(request);
      return conversation ? conversations.inOrder(conversation, () => next(request)) : next(request);
    },
  };
  const retry: PipelinePolicy = { ...retryPolicy([teamsRetryStrategy(options.retry)], { maxRetries: MAX_RETRIES }), name: RETRY_POLICY };
  const limits: PipelinePolicy = {
    name: LIMITS_POLICY,
    sendRequest: async (request, next) => {
      // The conversation's (or the roster reads') windows count the request once it has its
      // app-wide slot too: the moment it leaves (rateLimiter.ts).
      const conversation = conversationSentTo(request);
      const appSlot = () => app.takeSlot();
      if (conversation) await conversations.takeSlot(conversation, appSlot);
      else if (isRosterRead(request)) await rosterReads.takeSlot(ROSTER, appSlot);
      else await appSlot();
      if (!request.timeout) request.timeout = ATTEMPT_TIMEOUT_MS;
      return next(request);
    },
  };

  const install = (connectorClient: unknown): boolean => {
    const pipeline = (connectorClient as { client?: { pipeline?: Pipeline } } | undefined)?.client?.pipeline;
    if (!pipeline || !disablePipelineRetries(connectorClient as object)) {
      if (!warned) options.onUnknownClient?.();
      warned = true;
      return false;
    }
    if (pipeline.getOrderedPolicies().some((policy) => policy.name === ORDER_POLICY)) return true;
    pipeline.addPolicy(order, { phase: 'Retry' });
    pipeline.addPolicy(retry, { phase: 'Retry', afterPolicies: [ORDER_POLICY] });
    pipeline.addPolicy(limits, { phase: 'Retry', afterPolicies: [RETRY_POLICY] });
    return true;
  };

  return {
    middleware: {
      async onTurn(context: TurnContext, next: () => Promise<void>) {
        install(context.turnState.get(context.adapter.ConnectorClientKey));
        await next();
      },
    },
    install,
  };
}
