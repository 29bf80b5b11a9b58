/**
 * The card JSON we send. Plain objects, no SDK types, so the builders stay testable and
 * free of botbuilder.
 */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  /** Teams renders schema versions up to 1.5. */
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardElement[];
}

const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body,
    // An empty actions array is valid but noisy; leave it out.
    ...(actions.length > 0 ? { actions } : {}),
  };
}
