import { ActivityTypes, TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type FileConsentCardResponse, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuditError } from '../../domain/errors';
import { errorResponse } from '../invokeResponses';
import type { TurnRoutes } from '../router';
import { teamsTurnOf } from './turn';

/**
 * botbuilder's activity handler, turning its events into the product's routes (router.ts) with
 * the port's view of the turn. Which event is which is botbuilder's; what happens is the routes'.
 */
export class AuditBot extends TeamsActivityHandler {
  constructor(private readonly routes: TurnRoutes) {
    super();
    // Teams may add the app back to a team without an install event: its activity is the sign.
    this.onTurn(async (context, next) => {
      const { type } = context.activity;
      if (type === ActivityTypes.Message || type === ActivityTypes.Invoke) routes.noticeActivity(teamsTurnOf(context));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await routes.installed(teamsTurnOf(context));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await routes.uninstalled(teamsTurnOf(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id)) await routes.botAdded(teamsTurnOf(context));
      await next();
    });
    this.onMessage(async (context, next) => {
      await routes.message(teamsTurnOf(context));
      await next();
    });
  }

  /**
   * botbuilder reads an Adaptive Card action as `value.action.type` and throws a TypeError when
   * `action` is null: client input, not our fault, so it is answered 400 here like any card
   * action that cannot be read, rather than reaching onTurnError as a failure.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    if (name === 'adaptiveCard/action' && !isObject((value as { action?: unknown } | null | undefined)?.action)) {
      const refused = errorResponse(new AuditError('BAD_REQUEST', 'That card action could not be read. Please use the buttons on the card.'));
      return { status: refused.statusCode, body: refused };
    }
    return super.onInvokeActivity(context);
  }

  /** A person's answer to a file the bot offered (FileConsentCard): botbuilder answers Teams 200 once it is handled. */
  protected override async handleTeamsFileConsent(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    await this.routes.fileConsent(teamsTurnOf(context), response);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return this.routes.cardAction(teamsTurnOf(context), invokeValue.action.verb, invokeValue.action.data);
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
