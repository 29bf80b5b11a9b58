import { type CardElement } from './card';

/**
 * A Universal Action: Teams sends an `adaptiveCard/action` invoke carrying the verb and
 * the data, with the card's inputs merged in.
 */
export function executeAction(options: {
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, string | boolean>>;
  readonly style?: 'default' | 'positive' | 'destructive';
  /** 'none': the card's inputs are neither checked nor sent (a button that only shows something). */
  readonly associatedInputs?: 'auto' | 'none';
}): CardElement {
  return { type: 'Action.Execute', ...options, data: { ...options.data } };
}

/** Buttons placed in the body, e.g. one per row of a list. */
export function actionSet(actions: CardElement[], layout: { readonly spacing?: 'small' | 'default' } = {}): CardElement {
  return { type: 'ActionSet', actions, ...layout };
}
