/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV/DDE injection,
 * OWASP): `=HYPERLINK(...)` in a plan action would become a live link, `@SUM(...)` a call.
 */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

/** A text cell as it is safe to write: prefixed with `'` when it would start a formula. */
export function safeText(text: string): string {
  return FORMULA_STARTS.some((start) => text.startsWith(start)) ? `'${text}` : text;
}

export type SheetValue = string | number;

/** Every cell of an export goes through here: numbers stay numbers, text is made safe, empty is ''. */
export function safeCell(value: string | number | null): SheetValue {
  if (value === null) return '';
  return typeof value === 'number' ? value : safeText(value);
}
