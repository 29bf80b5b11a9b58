import { ERROR_CODES } from '../../domain/errors';
import { concernsInWords, type ConcernKind } from '../../domain/safeguarding/concernKinds';
import type { SafeguardingContact } from '../../domain/safeguarding/safeguardingContact';
import { actionSet } from './buttons';
import { type CardElement } from './card';
import { container, plainText, textBlock } from './elements';

/** Under a comment that was refused: what in it looked identifying (the kinds only, never the text matched). */
export function concernsFound(concerns: readonly ConcernKind[]): CardElement {
  return textBlock(`This comment seems to include ${concernsInWords(concerns)}.`, { color: 'attention', spacing: 'small' });
}

/**
 * The warning a comment that may identify someone or disclose harm to a child comes back with
 * (issue 12): the audit is anonymous and not the way to raise a concern about a child; where a
 * concern goes (the organisation's configured contact, its text as plain text and its page as a
 * button); and the two ways on. The contact is at most 500 characters and a URL (settings.ts).
 */
export function safeguardingWarning(contact: SafeguardingContact, sendAnyway: string): CardElement {
  return container(
    [
      textBlock(ERROR_CODES.COMMENT_MAY_IDENTIFY.message, { weight: 'bolder', color: 'attention' }),
      textBlock('Where a concern about a child goes', { weight: 'bolder', spacing: 'small' }),
      // The organisation's own words: plain text, never markdown.
      plainText([contact.text], { spacing: 'small' }),
      ...(contact.url ? [actionSet([{ type: 'Action.OpenUrl', title: 'Safeguarding procedures', url: contact.url }], { spacing: 'small' })] : []),
      textBlock(`To go on, take the identifying part out and submit again, or press ${sendAnyway}: your answer counts, and a practice champion checks the comment before leaders can read it.`, { spacing: 'small' }),
    ],
    { style: 'attention', spacing: 'medium' },
  );
}
