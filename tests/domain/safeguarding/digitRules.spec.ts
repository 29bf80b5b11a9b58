import fc from 'fast-check';
import { emailAddresses, postcodes, telephoneNumbers } from '../../../bot/domain/safeguarding/contactDetails';
import { findConcerns } from '../../../bot/domain/safeguarding/findConcerns';
import { datesOfBirth, labelledReferences, nhsNumbers, unlabelledReferences } from '../../../bot/domain/safeguarding/recordNumbers';

/**
 * findConcerns skips the rules that need a digit on a comment without one (libphonenumber-js is the
 * dearest of them), and remembers its last few answers: neither may change what is found.
 */

const DIGIT_RULES = { nhsNumbers, labelledReferences, datesOfBirth, telephoneNumbers, postcodes, unlabelledReferences };
/** Text built to look like numbers without a digit: vanity numbers, spelt-out postcodes and dates, codes of letters. */
const NO_DIGITS = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom('0800 FLOWERS', '+44 ', 'tel: ', 'DOB ', 'born on the third of March', 'SW1A AA', 'M one', 'case number ', 'LCS', 'CP/', 'phone me on ', 'O7700 9OO123', 'ext. ', ' ', '(', ')', '-', '.', 'x'), { maxLength: 30 }).map((parts) => parts.join('')),
).filter((text) => !/\d/u.test(text));

describe('the safeguarding check’s shortcuts change nothing it finds', () => {
  test.each(Object.entries(DIGIT_RULES))('%s finds nothing in a comment without a digit', (_, rule) => {
    fc.assert(fc.property(NO_DIGITS, (text) => expect(rule(text)).toEqual([])), { numRuns: 500, seed: 20261129 });
  });

  test('a comment without a digit still has its email address found, spelt out or not', () => {
    expect(findConcerns('write to sam.jones at example dot org').map((concern) => concern.kind)).toEqual(['email']);
    expect(emailAddresses('write to sam@example.org')).toHaveLength(1);
  });

  test('a comment checked again gets the same answer, whatever the caller did with the first', () => {
    const comment = 'Call 07700 900123 about Jayden Smith';
    const first = findConcerns(comment);
    const kinds = first.map((concern) => concern.kind);
    first.length = 0;
    expect(findConcerns(comment).map((concern) => concern.kind)).toEqual(kinds);
    expect(kinds).toEqual(['phone', 'name']);
  });
});
