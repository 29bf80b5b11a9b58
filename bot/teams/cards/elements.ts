import { type CardElement } from './card';

export type TextColour = 'default' | 'good' | 'attention' | 'warning' | 'accent';

export interface TextStyle {
  readonly size?: 'small' | 'default' | 'medium' | 'large';
  readonly weight?: 'default' | 'bolder';
  readonly color?: TextColour;
  readonly isSubtle?: boolean;
  readonly italic?: boolean;
}

export interface Spacing {
  readonly spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
  readonly separator?: boolean;
}

/**
 * Teams renders a TextBlock's text as markdown, so only the product's own words go in
 * one. Anything a person or Teams supplied (names, comments) goes in `plainText`.
 */
export function textBlock(text: string, style: TextStyle & Spacing = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

export function heading(text: string, style: TextStyle & Spacing = {}): CardElement {
  return textBlock(text, { size: 'medium', weight: 'bolder', ...style });
}

export type Inline = string | { readonly text: string; readonly style: TextStyle };

/** Text shown exactly as given: a TextRun is never parsed as markdown. */
export function plainText(inlines: readonly Inline[], layout: Spacing = {}): CardElement {
  return {
    type: 'RichTextBlock',
    inlines: inlines
      .map((inline) => (typeof inline === 'string' ? { text: inline, style: {} } : inline))
      .filter((inline) => inline.text !== '')
      .map(({ text, style }) => ({ type: 'TextRun', text, ...style })),
    ...layout,
  };
}

/** A user-supplied value emphasised inside a sentence, still as plain text. */
export function emphasised(text: string): Inline {
  return { text, style: { weight: 'bolder' } };
}

export function factSet(facts: readonly (readonly [title: string, value: string])[], layout: Spacing = {}): CardElement {
  return { type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })), ...layout };
}

export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export function container(
  items: CardElement[],
  options: Spacing & { readonly style?: ContainerStyle } = {},
): CardElement {
  return { type: 'Container', items, ...options };
}
