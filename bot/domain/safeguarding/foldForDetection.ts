/**
 * Letters from other scripts that look like Latin ones (Unicode's confusables, the few a keyboard
 * or a look-alike generator offers): "Ѕаrаh" typed with Cyrillic letters reads as Sarah to a leader,
 * so it is read as Sarah by the rules. Each maps to one Latin letter, so offsets stay as they were.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', ο: 'o', ν: 'v', ι: 'i',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');
/** A decimal digit of any script but ASCII's and one UTF-16 unit long (Arabic-Indic ٠٧٧, Devanagari ०७): NFKC leaves them. */
const OTHER_DIGIT = /(?![0-9])[\p{Nd}]/gu;

/**
 * The text the safeguarding rules read (findConcerns): `comment` with look-alike letters as the
 * Latin letters they pass for and every script's digits as 0–9, the same length, so each offset
 * found in it is an offset in `comment`. Invisible characters and compatibility forms (full-width
 * digits, mathematical letters) are gone before this: normaliseComment strips and folds them in
 * what is stored, so a leader never reads what the rules did not.
 */
export function foldForDetection(comment: string): string {
  return comment.replace(LOOK_ALIKE, (letter) => LOOK_ALIKES[letter] ?? letter).replace(OTHER_DIGIT, (digit) => String(digitValue(digit)));
}

/** A decimal digit's value: Unicode puts each script's 0–9 in ten code points in a row. */
function digitValue(digit: string): number {
  let zero = digit.codePointAt(0)!;
  while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1)) && digit.codePointAt(0)! - zero < 9) zero -= 1;
  return digit.codePointAt(0)! - zero;
}
