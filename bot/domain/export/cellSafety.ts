/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV/DDE injection,
 * OWASP "CSV Injection"): `=HYPERLINK(...)` in a plan action would become a live link, `@SUM(...)`
 * a call. OWASP adds tab and carriage return, which some spreadsheets skip before reading a
 * formula. Beyond the ASCII four, a cell is treated as starting a formula when its first
 * character that is not white space or invisible NFKC-normalises to one of them (fullwidth
 * ＝ ＋ － ＠, small ﹦ ﹢ ﹣ ﹫, superscript ⁼ ⁺ and the like), or is the minus sign − (U+2212):
 * East Asian input methods type the fullwidth forms, and spreadsheets that normalise input or
 * trim leading spaces on import (LibreOffice's "Trim spaces") would then read a formula.
 */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\u2212']);
/** OWASP's own: these start a formula even before anything is skipped. */
const CONTROL_STARTS = new Set(['\t', '\r', '\n']);
/** White space (Unicode's), and characters that print nothing: zero-width ones, the word joiner, the BOM. */
const SKIPPED = /^[\s\u200B-\u200D\u2060\uFEFF]*/u;

/** Whether a spreadsheet could read `text` as a formula. */
function startsFormula(text: string): boolean {
  if (CONTROL_STARTS.has(text.charAt(0))) return true;
  const code = text.replace(SKIPPED, '').codePointAt(0);
  if (code === undefined) return false;
  // The first character whole: one outside the BMP is two UTF-16 units.
  const first = String.fromCodePoint(code);
  return FORMULA_STARTS.has(first) || FORMULA_STARTS.has(first.normalize('NFKC').charAt(0));
}

/** A text cell as it is safe to write: prefixed with `'` when a spreadsheet could read it as a formula. */
export function safeText(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}

export type SheetValue = string | number;

/** Every cell of an export goes through here: numbers stay numbers, text is made safe, empty is ''. */
export function safeCell(value: string | number | null): SheetValue {
  if (value === null) return '';
  return typeof value === 'number' ? value : safeText(value);
}
