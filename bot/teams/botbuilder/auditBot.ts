import { ActivityTypes, TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
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

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return this.routes.cardAction(teamsTurnOf(context), invokeValue.action.verb, invokeValue.action.data);
  }
}
