import { type CardElement } from './card';

export interface Choice {
  readonly title: string;
  readonly value: string;
}

export interface ChoiceSetOptions {
  readonly id: string;
  readonly label: string;
  readonly choices: readonly Choice[];
  readonly style: 'expanded' | 'compact';
  readonly value?: string;
  readonly placeholder?: string;
  /** Teams checks a required input before sending the action. */
  readonly errorMessage?: string;
}

export function choiceSet({ errorMessage, choices, ...options }: ChoiceSetOptions): CardElement {
  return {
    type: 'Input.ChoiceSet',
    ...withoutUndefined(options),
    choices: choices.map(({ title, value }) => ({ title, value })),
    ...(errorMessage !== undefined ? { isRequired: true, errorMessage } : {}),
  };
}

export interface TextInputOptions {
  readonly id: string;
  readonly label: string;
  readonly isMultiline?: boolean;
  readonly maxLength?: number;
  readonly placeholder?: string;
  readonly value?: string;
}

export function textInput(options: TextInputOptions): CardElement {
  return { type: 'Input.Text', ...withoutUndefined(options) };
}

/** Keeps optional values that were not given out of the JSON altogether. */
function withoutUndefined(options: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

export interface DateInputOptions {
  readonly id: string;
  readonly label: string;
  /** YYYY-MM-DD, as Input.Date sends and shows. */
  readonly value?: string;
  readonly min?: string;
  readonly max?: string;
  /** Teams checks a required input before sending the action. */
  readonly errorMessage?: string;
}

export function dateInput({ errorMessage, ...options }: DateInputOptions): CardElement {
  return { type: 'Input.Date', ...withoutUndefined(options), ...(errorMessage !== undefined ? { isRequired: true, errorMessage } : {}) };
}

export interface NumberInputOptions {
  readonly id: string;
  readonly label: string;
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly placeholder?: string;
}

export function numberInput(options: NumberInputOptions): CardElement {
  return { type: 'Input.Number', ...withoutUndefined(options) };
}

/** An on/off switch; Teams sends "true" or "false". */
export function toggleInput(options: { readonly id: string; readonly title: string; readonly label?: string; readonly on: boolean }): CardElement {
  const { on, ...rest } = options;
  return { type: 'Input.Toggle', ...withoutUndefined(rest), value: on ? 'true' : 'false', valueOn: 'true', valueOff: 'false' };
}
