import type { CommentConcern } from './concernKinds';

/**
 * Ten digits, as written on NHS letters (943 476 5919) or run together or with dashes or dots; not the
 * rest of an international telephone number (+44 117 496 0000).
 */
const TEN_DIGITS = /(?<![\p{N}]|\+\d{1,3}[ .-]?)(\d{3})[ .-]?(\d{3})[ .-]?(\d{4})(?![\p{N}])/gu;

/**
 * NHS numbers: ten digits whose last is the modulus 11 check digit of the first nine (NHS Data
 * Dictionary, "NHS Number": weights 10 down to 2, check = 11 − sum mod 11, 11 reads as 0, 10 is
 * never issued). Ten digits that fail the check are left to the other rules (a telephone number,
 * a case number).
 */
export function nhsNumbers(text: string): CommentConcern[] {
  return [...text.matchAll(TEN_DIGITS)]
    .filter((m) => hasNhsCheckDigit(`${m[1]}${m[2]}${m[3]}`))
    .map((m) => ({ kind: 'nhs-number', start: m.index, end: m.index + m[0].length }));
}

/** Whether ten digits carry a valid NHS modulus 11 check digit (see nhsNumbers). */
export function hasNhsCheckDigit(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
/** 12/03/2015, 12.3.15, 3 March 2015, 3rd of March, March 3rd 2015, or a year after "born in". */
const A_DATE = `(?:${DAY}[/.-](?:1[0-2]|0?[1-9])[/.-](?:\\d{4}|\\d{2})|${DAY}\\s+(?:of\\s+)?(?:${MONTH})\\.?(?:,?\\s+\\d{4})?|(?:${MONTH})\\.?\\s+${DAY}(?:,?\\s+\\d{4})?|(?:(?:${MONTH})\\.?\\s+)?(?:19|20)\\d{2})`;
/** A birth cue, then the date within a few words: "DOB 12/03/2015", "born on 3 March 2015", "date of birth: …". */
const DATE_OF_BIRTH = new RegExp(`\\b(?:d\\.?o\\.?b\\.?|date\\s+of\\s+birth|birth\\s*date|born|birthday\\s+is|b\\.)(?:\\s*(?:[:\\-–]|is|was|on|in)\\s*)*\\s*(${A_DATE})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * Dates of birth: a date after a birth cue (DOB, d.o.b., date of birth, born, birthday). A date on
 * its own is not one: audit comments date events ("Since March 2024", "Ofsted visit in 2023").
 */
export function datesOfBirth(text: string): CommentConcern[] {
  return [...text.matchAll(DATE_OF_BIRTH)].map((m) => ({ kind: 'date-of-birth', start: m.index, end: m.index + m[0].length }));
}

/**
 * A record system's word, then a reference: "case number 1234567", "Mosaic ID: 445566", "ref
 * CP/2023/0456", "LCS 998877". The reference needs four digits or more and is not a bare year, so
 * "case 25" and "the record in 2023" pass.
 */
const LABELLED_REFERENCE =
  /\b(?:case|ref(?:erence)?|record|file|client|mosaic|lcs|eclipse|carefirst|liquid\s?logic|id|urn|crn|nhs)(?:\s*(?:no\.?|number|num|id|ref(?:erence)?)\b)?\s*[:#.]?\s*(?:is\s+)?([\p{L}]{0,4}[/-]?\d[\p{L}\p{N}/-]*)/giu;
/** A long run of digits with no label (a record number pasted in): six or more. */
const LONG_NUMBER = /(?<![\p{L}\p{N}])\d{6,}(?![\p{L}\p{N}])/gu;
/** A system's reference shape: letters then five or more digits (LCS123456), or CP/2023/0456. */
const CODED_REFERENCE = /(?<![\p{L}\p{N}])(?:\p{Lu}{1,4}-?\d{5,}|\p{Lu}{1,4}\/\d{2,4}\/\d{2,6})(?![\p{L}\p{N}])/gu;

/** Case or record numbers given with their record word (see LABELLED_REFERENCE). */
export function labelledReferences(text: string): CommentConcern[] {
  return [...text.matchAll(LABELLED_REFERENCE)]
    .filter((m) => (m[1]!.match(/\d/g) ?? []).length >= 4 && !/^(?:19|20)\d{2}$/.test(m[1]!))
    .map((m) => ({ kind: 'case-number', start: m.index, end: m.index + m[0].length }));
}

/** Case or record numbers without a record word: a long number, or a system's coded reference. */
export function unlabelledReferences(text: string): CommentConcern[] {
  return [...text.matchAll(LONG_NUMBER), ...text.matchAll(CODED_REFERENCE)].map((m) => ({ kind: 'case-number', start: m.index, end: m.index + m[0].length }));
}
