import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AuditError } from '../domain/errors';
import type { AdaptiveCard } from './cards';

/** The card that replaces the one the person acted on, for them alone. */
export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as unknown as AdaptiveCardInvokeResponse['value'] };
}

/** For invokes that cannot be acted on at all (malformed, unknown): Teams shows the message. */
export function errorResponse(error: AuditError): AdaptiveCardInvokeResponse {
  return {
    statusCode: error.status,
    type: 'application/vnd.microsoft.error',
    value: { code: error.code, message: error.message },
  };
}
