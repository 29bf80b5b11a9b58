import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type InvokeResponse, type TurnContext } from 'botbuilder';
// Types only: botbuilder's own dependency, named in CloudAdapter's signatures.
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from 'botframework-connector';
import type { BotAuth } from '../../config/loadConfig';
import { SOMETHING_WENT_WRONG } from '../../domain/errors';
import type { Logger } from '../../logger';
import { createTeamsDelivery } from './connectorPipeline';
import { httpStatusOf } from '../delivery/retry';
import type { AppSlots } from '../delivery/sharedAppLimit';

type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * CloudAdapter.process answers a failure outside a turn (the token's signing keys could not be
 * fetched, the connector could not be built) with a status and the error's message only, and
 * writes the error itself to the console. This adapter keeps each failure, by the turn logic of
 * the request it belongs to (one function per request), so the endpoint can log its cause.
 */
export class CauseKeepingAdapter extends CloudAdapter {
  private readonly failures = new WeakMap<TurnLogic, unknown>();

  // eslint-disable-next-line no-useless-constructor -- CloudAdapter's is optional; here the authentication is required
  constructor(auth: BotFrameworkAuthentication) {
    super(auth);
  }

  /** Why the request that was given `logic` failed before or after its turn; undefined if it did not. */
  failureOf(logic: TurnLogic): unknown {
    return this.failures.get(logic);
  }

  protected override async processActivity(auth: string | AuthenticateRequestResult, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    try {
      return await super.processActivity(auth as string, activity, logic);
    } catch (error) {
      this.failures.set(logic, error);
      throw error;
    }
  }
}

/**
 * With credentials, botbuilder validates every request's JWT (issuer, audience, signature,
 * expiry, service URL) and answers 401. In local mode it checks nothing: configuration only
 * allows that on loopback, outside production. Every call to Teams made in its turns is
 * paced to Teams' limits and retried (see connectorPipeline.ts); `appSlots`, when given, is
 * the app-wide limit every instance shares (sharedAppLimit.ts), otherwise this instance's own.
 */
export function createBotAdapter(botAuth: BotAuth, logger: Logger, options: { appSlots?: AppSlots } = {}): CauseKeepingAdapter {
  const adapter = new CauseKeepingAdapter(new ConfigurationBotFrameworkAuthentication(botFrameworkSettingsOf(botAuth)));
  // Middleware runs for incoming and proactive turns alike: one place for every send.
  const delivery = createTeamsDelivery({
    ...(options.appSlots ? { appSlots: options.appSlots } : {}),
    onUnknownClient: () => logger.warn('connector_pacing_unavailable', { reason: 'unknown ConnectorClient shape' }),
  });
  adapter.use(delivery.middleware);
  // Handlers answer their own errors; this is the last resort, and says nothing internal.
  adapter.onTurnError = async (context, error) => {
    logger.error('turn_error', { activityType: context.activity.type, status: httpStatusOf(error), error });
    if (context.activity.type === 'message') {
      await context.sendActivity(SOMETHING_WENT_WRONG).catch(() => undefined);
    }
  };
  return adapter;
}

/**
 * What botbuilder reads to choose its credentials: UserAssignedMSI (app id and tenant, no
 * password) makes it ask the managed identity for tokens; SingleTenant uses the secret.
 */
export function botFrameworkSettingsOf(botAuth: BotAuth): ConfigurationBotFrameworkAuthenticationOptions {
  if (botAuth.mode === 'local') return {};
  return {
    MicrosoftAppId: botAuth.appId,
    MicrosoftAppType: botAuth.appType,
    ...(botAuth.tenantId ? { MicrosoftAppTenantId: botAuth.tenantId } : {}),
    ...(botAuth.password ? { MicrosoftAppPassword: botAuth.password } : {}),
  };
}

export function botAppIdOf(botAuth: BotAuth): string {
  return botAuth.mode === 'local' ? '' : botAuth.appId;
}
