import { findPhoneNumbersInText, isPossiblePhoneNumber } from 'libphonenumber-js';
import { match as matchPostcodes } from 'postcode';
import type { CommentConcern } from './concernKinds';

/**
 * An email address: something@domain.tld. Deliberately loose (RFC 5322 allows far more), since a
 * comment is not an address field: anything that reads as an address to a person is caught.
 */
const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** An address spelt out to slip past a filter: "sam.jones at example dot org", "sam (at) example [dot] com". */
const SPELT_EMAIL = /[\p{L}\p{N}._%+'-]+\s*(?:\(at\)|\[at\]|\{at\}|\sat\s)\s*[\p{L}\p{N}-]+(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s|\.)\s*[\p{L}\p{N}-]+)*\s*(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s)\s*[\p{L}]{2,}/giu;

export function emailAddresses(text: string): CommentConcern[] {
  return [...text.matchAll(EMAIL), ...text.matchAll(SPELT_EMAIL)].map((m) => ({ kind: 'email', start: m.index, end: m.index + m[0].length }));
}

/**
 * Telephone numbers as a person would write them (07700 900123, 020 7946 0958, (0161) 496 0123,
 * +44 117 496 0000), found by libphonenumber-js (Google's libphonenumber metadata) with UK as the
 * default country. `extended`: a number of a possible shape is caught even if its range is not
 * in service (Ofcom's drama numbers included), since a near-miss still points at a person; years,
 * counts and dates are not numbers of a possible length, so they pass.
 */
export function telephoneNumbers(text: string): CommentConcern[] {
  const found: CommentConcern[] = findPhoneNumbersInText(text, { defaultCountry: 'GB', extended: true })
    .filter((found) => !A_DATE.test(text.slice(found.startsAt, found.endsAt)))
    .map((found) => ({ kind: 'phone', start: found.startsAt, end: found.endsAt }));
  // A number spread out to slip past a filter ("0 7 7 0 0 9 0 0 1 2 3", "07.700.900.123"), which
  // libphonenumber does not read as one: its digits run together make a possible UK number.
  for (const m of text.matchAll(SPREAD_DIGITS)) {
    if (isPossiblePhoneNumber(m[0].replace(/[^\d+]/gu, ''), 'GB')) found.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Ten to thirteen digits, each pair apart by at most one space, dot or dash (a leading + allowed). */
const SPREAD_DIGITS = /(?<![\p{N}+])(?:\+\s?)?\d(?:[ .-]?\d){9,12}(?![\p{N}])/gu;

/** A date written with dots or dashes (12.05.2024) is a possible number to libphonenumber, not to a reader. */
const A_DATE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/u;

/**
 * Full UK postcodes (SW1A 1AA, m1 1ae, EC1A1BB), found by the `postcode` package's corpus
 * pattern. An outward code alone (SE1, M1) names a district, not a household, so it passes.
 */
export function postcodes(text: string): CommentConcern[] {
  const found: CommentConcern[] = [];
  let from = 0;
  for (const postcode of matchPostcodes(text)) {
    const start = text.indexOf(postcode, from);
    if (start < 0) continue;
    found.push({ kind: 'postcode', start, end: start + postcode.length });
    from = start + postcode.length;
  }
  return found;
}
