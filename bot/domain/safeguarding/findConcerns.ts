import { CONCERN_KINDS, type CommentConcern, type ConcernKind } from './concernKinds';
import { emailAddresses, postcodes, telephoneNumbers } from './contactDetails';
import { foldForDetection } from './foldForDetection';
import { harmToChild } from './harmToChild';
import { personNames } from './personNames';
import { datesOfBirth, labelledReferences, nhsNumbers, unlabelledReferences } from './recordNumbers';

/**
 * What in a comment looks as if it identifies someone or discloses risk to a child (issue 12;
 * shared/domain/self-audit.md, "Safeguarding and free text"). The audit is anonymous and is not
 * the way to raise a concern about a child, so such a comment is caught at submission and the
 * person told where a concern goes. False alarms cost goodwill, so each rule is as narrow as its
 * purpose allows; the README's "What counts as identifying" says the same for readers.
 *
 * The rules, in the order they claim text (a later rule never claims text an earlier one did):
 * - email: anything shaped like an address (contactDetails.ts).
 * - nhs-number: ten digits, spaces or dashes allowed, with a valid modulus 11 check digit (NHS Data
 *   Dictionary): the check keeps other ten-digit numbers out.
 * - case-number, labelled: a record word then a reference of four or more digits, not a bare year
 *   (case, ref, Mosaic, LCS…): before phone, so "case number 0123456789" is said to be a case number.
 * - date-of-birth: a date after a birth cue (DOB, born, date of birth); dates alone date events.
 * - phone: UK and international numbers as libphonenumber-js finds them (UK the default country),
 *   less dates written with dots or dashes, which it reads as possible numbers.
 * - postcode: a full UK postcode (the `postcode` package); a district alone (SE1) passes.
 * - case-number, unlabelled: six or more digits on their own, or a system's coded reference
 *   (LCS123456, CP/2023/0456).
 * - name: a person's name as the `compromise` tagger finds it, less a lone first name that is also
 *   an ordinary word (Will, Grace, Hope, May, Mark) and social work's public figures (Munro).
 * - harm-to-child: an act of harm with a person in the same sentence, or a subject of harm (neglect,
 *   abuse, self-harm) with a particular child (harmToChild.ts); harm as a topic passes.
 *
 * Returns each thing found, in the order it appears, with UTF-16 offsets into `comment` (`end`
 * exclusive, never past its length). Never throws: any text is a comment someone may type.
 */
export function findConcerns(comment: string): CommentConcern[] {
  let found = recent.get(comment);
  if (found) recent.delete(comment);
  else found = concernsIn(comment);
  recent.set(comment, found);
  if (recent.size > RECENT_COMMENTS) recent.delete(recent.keys().next().value!);
  return [...found];
}

function concernsIn(comment: string): readonly CommentConcern[] {
  const claimed: CommentConcern[] = [];
  // Look-alike letters and other scripts' digits read as what they pass for, offsets unchanged.
  const read = foldForDetection(comment);
  const rules = /\d/u.test(read) ? RULES : RULES.filter((find) => !NEED_DIGITS.has(find));
  for (const find of rules) {
    for (const concern of find(read)) {
      if (concern.end <= concern.start || concern.start < 0 || concern.end > comment.length) continue;
      if (!claimed.some((other) => other.start < concern.end && concern.start < other.end)) claimed.push(concern);
    }
  }
  return Object.freeze(claimed.sort((a, b) => a.start - b.start || a.end - b.end));
}

const RULES: readonly ((text: string) => CommentConcern[])[] = [emailAddresses, nhsNumbers, labelledReferences, datesOfBirth, telephoneNumbers, postcodes, unlabelledReferences, personNames, harmToChild];
/**
 * The rules that find nothing without a digit 0–9 (foldForDetection has made every script's digits
 * these): NHS and case numbers, dates of birth, telephone numbers (libphonenumber-js needs digits
 * too) and postcodes. A comment without one skips them; libphonenumber-js is the dearest of the rest.
 */
const NEED_DIGITS: ReadonlySet<(text: string) => CommentConcern[]> = new Set([nhsNumbers, labelledReferences, datesOfBirth, telephoneNumbers, postcodes, unlabelledReferences]);

/**
 * What the last few comments checked were found to hold, most recent last: an answer refused for its
 * comment checks it twice (the refusal, then the card that shows the kinds found), and the review a
 * champion reads checks a held comment again. Results are frozen and copied out, so none changes.
 */
const recent = new Map<string, readonly CommentConcern[]>();
const RECENT_COMMENTS = 64;

/** The kinds found in a comment, each once, in CONCERN_KINDS' order: what the card and the review list. */
export function concernKindsIn(comment: string): ConcernKind[] {
  const found = new Set(findConcerns(comment).map((concern) => concern.kind));
  return (Object.keys(CONCERN_KINDS) as ConcernKind[]).filter((kind) => found.has(kind));
}

/**
 * A copy of `comment` with each identifying part found replaced by "[removed]": where a champion's
 * copy starts when they release a held comment without the part that identifies someone (issue 12).
 * Words that describe harm are kept, as they identify nobody; the champion decides what else goes.
 */
export function withIdentifyingPartsRemoved(comment: string): string {
  let copy = '';
  let from = 0;
  for (const { kind, start, end } of findConcerns(comment)) {
    if (kind === 'harm-to-child') continue;
    copy += `${comment.slice(from, start)}[removed]`;
    from = end;
  }
  return copy + comment.slice(from);
}
