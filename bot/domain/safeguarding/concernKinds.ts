/**
 * The kinds of thing in a comment that make it unsafe for an anonymous audit (issue 12; the
 * domain's "Safeguarding and free text", shared/domain/self-audit.md): it may identify a child, a
 * family or a colleague, or disclose risk to a child. Each kind's words are what the person and the
 * reviewing champion read (UK English).
 */
export const CONCERN_KINDS = {
  name: 'a person\u2019s name',
  'case-number': 'a case or record number',
  'date-of-birth': 'a date of birth',
  'nhs-number': 'an NHS number',
  postcode: 'a postcode',
  email: 'an email address',
  phone: 'a telephone number',
  'harm-to-child': 'words that describe harm to a child',
} as const;

export type ConcernKind = keyof typeof CONCERN_KINDS;

export function isConcernKind(value: unknown): value is ConcernKind {
  return typeof value === 'string' && Object.hasOwn(CONCERN_KINDS, value);
}

/** The kinds found, in words: "a person’s name and a telephone number". */
export function concernsInWords(concerns: readonly ConcernKind[]): string {
  const words = concerns.map((kind) => CONCERN_KINDS[kind]);
  return words.length <= 1 ? (words[0] ?? 'something that may identify someone') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** One thing found in a comment: its kind and where it is (UTF-16 offsets, `end` exclusive). */
export interface CommentConcern {
  readonly kind: ConcernKind;
  readonly start: number;
  readonly end: number;
}
