import { z } from 'zod';

/**
 * What champions write (plan actions, owners, progress and evidence notes) is plain text that
 * goes into Teams cards (JSON), the Word report and the Excel workbook (XML). XML 1.0 forbids C0
 * control characters other than tab, line feed and carriage return, U+FFFE and U+FFFF, and
 * unpaired surrogates (half an emoji): a workbook holding one is a file Excel refuses to open, and
 * a card escapes each control character to six bytes, which can take it past Teams' size limit.
 * None of them can be seen, so a text holding one is refused at the edge, naming its field.
 */
// eslint-disable-next-line no-control-regex -- matching them is the point
const UNSHOWABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids (for text kept before they were refused, and for names Teams gives). */
export function withoutUnshowable(text: string): string {
  return text.replace(UNSHOWABLE, '');
}

const hasUnshowable = (text: string): boolean => withoutUnshowable(text) !== text;

/** A field of plain text: trimmed, at most `max` UTF-16 code units, and free of characters no report can hold. */
export function plainTextInput(max: number) {
  return z
    .string()
    .trim()
    .max(max, `at most ${max.toLocaleString('en-GB')} characters`)
    .refine((text) => !hasUnshowable(text), 'it holds a character that cannot be shown (a control character, or half of an emoji): remove it, for example by typing the text again');
}
