/**
 * The Agents Toolkit's `${{NAME}}` placeholders, filled from an environment. Values are put into
 * the parsed JSON's strings (never spliced into JSON text), so a value cannot change the
 * manifest's structure, whatever characters it holds.
 */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface FillOptions {
  readonly values: Readonly<Record<string, string>>;
  /** Names that may be empty (an empty APP_NAME_SUFFIX is the production name); they must still be defined. */
  readonly mayBeEmpty?: readonly string[];
}

export interface FillResult<T extends Json> {
  readonly filled: T;
  /** Referenced but not defined in any env file. */
  readonly missing: readonly string[];
  /** Defined, but empty or only spaces. */
  readonly empty: readonly string[];
}

/** Every placeholder name in a template, in order of first use. */
function placeholderNames(template: Json): string[] {
  const names = new Set<string>();
  visitStrings(template, (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  });
  return [...names];
}

export function fillPlaceholders<T extends Json>(template: T, { values, mayBeEmpty = [] }: FillOptions): FillResult<T> {
  const names = placeholderNames(template);
  const missing = names.filter((name) => values[name] === undefined);
  const empty = names.filter((name) => values[name] !== undefined && !values[name].trim() && !mayBeEmpty.includes(name));
  const filled = mapStrings(template, (text) => text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole)) as T;
  return { filled, missing, empty };
}

/** True when any string in the value still holds a `${{`, filled or not. */
export function hasPlaceholder(value: Json): boolean {
  let found = false;
  visitStrings(value, (text) => {
    if (text.includes('${{')) found = true;
  });
  return found;
}

function visitStrings(value: Json, visit: (text: string) => void): void {
  mapStrings(value, (text) => {
    visit(text);
    return text;
  });
}

function mapStrings(value: Json, map: (text: string) => string): Json {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [map(key), mapStrings(item, map)]));
  }
  return value;
}
