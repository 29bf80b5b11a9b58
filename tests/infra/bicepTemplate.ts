/**
 * Reads what the tests need from a Bicep file, without the Bicep compiler (which cannot run
 * here): its parameters, its outputs, and the name and value of each entry of a web app's
 * `appSettings` array. It understands Bicep's lexical rules (comments, strings with escapes and
 * `${}` interpolation, multi-line strings, nested brackets), not its semantics; anything it does
 * not recognise where it looks, it refuses to read rather than guess.
 */

export interface BicepParameter {
  readonly name: string;
  readonly type: string;
  readonly hasDefault: boolean;
  /** Decorator names, without `@`: `secure`, `description`, `minLength`… */
  readonly decorators: readonly string[];
}

export interface BicepOutput {
  readonly name: string;
  readonly type: string;
  readonly expression: string;
}

/** A plain string literal (its value), or any other expression (its source text). */
export type BicepValue = { readonly kind: 'literal'; readonly value: string } | { readonly kind: 'expression'; readonly source: string };

export interface BicepAppSetting {
  readonly name: string;
  readonly value: BicepValue;
}

export interface BicepTemplate {
  readonly parameters: readonly BicepParameter[];
  readonly outputs: readonly BicepOutput[];
  /** One list per `appSettings: [...]` in the file. */
  readonly appSettingsBlocks: readonly (readonly BicepAppSetting[])[];
  /** Every `name: value` property with this name, anywhere in the file. */
  propertyValues(name: string): BicepValue[];
}

type TokenType = 'identifier' | 'string' | 'number' | 'punctuation' | 'newline';

interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For strings without interpolation: the value, escapes decoded. */
  readonly literal?: string;
}

export class BicepReadError extends Error {
  constructor(message: string, source: string, offset: number) {
    const line = source.slice(0, offset).split('\n').length;
    super(`${message} (line ${line})`);
    this.name = 'BicepReadError';
  }
}

export function readBicep(source: string): BicepTemplate {
  const tokens = tokenize(source);
  const { parameters, outputs } = readTopLevel(tokens, source);
  return {
    parameters,
    outputs,
    appSettingsBlocks: readAppSettingsBlocks(tokens, source),
    propertyValues: (name) => propertyValues(tokens, source, name),
  };
}

// ---- Lexing ----

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\n') {
      tokens.push({ type: 'newline', text: '\n', start: i, end: i + 1 });
      i += 1;
    } else if (char === ' ' || char === '\t' || char === '\r') {
      i += 1;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (source.startsWith('/*', i)) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) throw new BicepReadError('Unterminated comment', source, i);
      // A comment spanning lines still ends the lines it spans.
      for (let at = source.indexOf('\n', i); at >= 0 && at < close; at = source.indexOf('\n', at + 1)) {
        tokens.push({ type: 'newline', text: '\n', start: at, end: at + 1 });
      }
      i = close + 2;
    } else if (source.startsWith("'''", i)) {
      const close = source.indexOf("'''", i + 3);
      if (close < 0) throw new BicepReadError('Unterminated multi-line string', source, i);
      // A newline straight after the opening quotes is not part of the value.
      const value = source.slice(i + 3, close).replace(/^\r?\n/, '');
      tokens.push({ type: 'string', text: source.slice(i, close + 3), start: i, end: close + 3, literal: value });
      i = close + 3;
    } else if (char === "'") {
      const end = scanString(source, i);
      tokens.push({ type: 'string', text: source.slice(i, end.end), start: i, end: end.end, ...(end.interpolated ? {} : { literal: end.value }) });
      i = end.end;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ type: 'identifier', text: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+/.exec(source.slice(i))!;
      tokens.push({ type: 'number', text: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    } else {
      tokens.push({ type: 'punctuation', text: char, start: i, end: i + 1 });
      i += 1;
    }
  }
  return tokens;
}

/** From an opening `'` to just past its closing `'`, through escapes and `${…}` (which may hold strings). */
function scanString(source: string, open: number): { end: number; value: string; interpolated: boolean } {
  let value = '';
  let interpolated = false;
  let i = open + 1;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\n') break;
    if (char === "'") return { end: i + 1, value, interpolated };
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'u' && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        if (close < 0) break;
        value += String.fromCodePoint(parseInt(source.slice(i + 3, close), 16));
        i = close + 1;
        continue;
      }
      if (!(next in ESCAPES)) throw new BicepReadError(`Unknown escape \\${next}`, source, i);
      value += ESCAPES[next];
      i += 2;
    } else if (source.startsWith('${', i)) {
      interpolated = true;
      i = skipInterpolation(source, i + 2);
    } else {
      value += char;
      i += 1;
    }
  }
  throw new BicepReadError('Unterminated string', source, open);
}

/** From just inside `${` to just past its `}`. */
function skipInterpolation(source: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < source.length) {
    const char = source[i]!;
    if (char === "'") {
      i = scanString(source, i).end;
      continue;
    }
    if (char === '{') depth += 1;
    if (char === '}') {
      if (depth === 0) return i + 1;
      depth -= 1;
    }
    i += 1;
  }
  throw new BicepReadError('Unterminated interpolation', source, from);
}

// ---- Reading ----

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The index just past the bracket that closes the one at `open`. */
function skipBalanced(tokens: Token[], open: number, source: string): number {
  const stack: string[] = [];
  for (let i = open; i < tokens.length; i += 1) {
    const { type, text } = tokens[i]!;
    if (type !== 'punctuation') continue;
    if (text in OPENERS) stack.push(OPENERS[text]!);
    else if (text === ')' || text === ']' || text === '}') {
      if (stack.pop() !== text) throw new BicepReadError(`Unbalanced ${text}`, source, tokens[i]!.start);
      if (stack.length === 0) return i + 1;
    }
  }
  throw new BicepReadError('Unclosed bracket', source, tokens[open]!.start);
}

/** The index of the newline (or `stopAt` punctuation) that ends an expression starting at `from`, brackets skipped. */
function endOfExpression(tokens: Token[], from: number, source: string, stopAt: readonly string[] = []): number {
  let i = from;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.type === 'newline') return i;
    if (token.type === 'punctuation') {
      if (stopAt.includes(token.text)) return i;
      if (token.text in OPENERS) {
        i = skipBalanced(tokens, i, source);
        continue;
      }
    }
    i += 1;
  }
  return i;
}

function valueOf(tokens: Token[], from: number, to: number, source: string): BicepValue {
  const first = tokens[from];
  if (!first || from >= to) throw new BicepReadError('Missing value', source, first?.start ?? source.length);
  if (to === from + 1 && first.type === 'string' && first.literal !== undefined) return { kind: 'literal', value: first.literal };
  return { kind: 'expression', source: source.slice(first.start, tokens[to - 1]!.end).trim() };
}

function readTopLevel(tokens: Token[], source: string): { parameters: BicepParameter[]; outputs: BicepOutput[] } {
  const parameters: BicepParameter[] = [];
  const outputs: BicepOutput[] = [];
  let decorators: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.type === 'newline') {
      i += 1;
      continue;
    }
    if (token.type === 'punctuation' && token.text === '@') {
      const name = tokens[i + 1];
      if (name?.type !== 'identifier') throw new BicepReadError('Decorator without a name', source, token.start);
      decorators.push(name.text);
      i += 2;
      if (tokens[i]?.text === '(') i = skipBalanced(tokens, i, source);
      continue;
    }
    const end = endOfExpression(tokens, i, source);
    if (token.type === 'identifier' && (token.text === 'param' || token.text === 'output')) {
      const name = tokens[i + 1];
      if (name?.type !== 'identifier') throw new BicepReadError(`${token.text} without a name`, source, token.start);
      const equals = tokens.slice(i + 2, end).findIndex((t) => t.type === 'punctuation' && t.text === '=');
      const typeEnd = equals < 0 ? end : i + 2 + equals;
      const type = typeEnd > i + 2 ? source.slice(tokens[i + 2]!.start, tokens[typeEnd - 1]!.end).trim() : '';
      if (!type) throw new BicepReadError(`${token.text} ${name.text} has no type`, source, token.start);
      if (token.text === 'param') {
        parameters.push({ name: name.text, type, hasDefault: equals >= 0, decorators });
      } else {
        if (equals < 0) throw new BicepReadError(`output ${name.text} has no value`, source, token.start);
        const value = valueOf(tokens, typeEnd + 1, end, source);
        outputs.push({ name: name.text, type, expression: value.kind === 'literal' ? `'${value.value}'` : value.source });
      }
    }
    decorators = [];
    i = end;
  }
  return { parameters, outputs };
}

/** Between entries of an array or an object: Bicep separates them by new lines or commas. */
function isSeparator(token: Token): boolean {
  return token.type === 'newline' || token.text === ',';
}

function isProperty(tokens: Token[], i: number, name: string): boolean {
  const token = tokens[i]!;
  return (token.type === 'identifier' || token.type === 'string') && (token.literal ?? token.text) === name && tokens[i + 1]?.text === ':';
}

function propertyValues(tokens: Token[], source: string, name: string): BicepValue[] {
  const values: BicepValue[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isProperty(tokens, i, name)) continue;
    values.push(valueOf(tokens, i + 2, endOfExpression(tokens, i + 2, source, [',', '}']), source));
  }
  return values;
}

function readAppSettingsBlocks(tokens: Token[], source: string): BicepAppSetting[][] {
  const blocks: BicepAppSetting[][] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isProperty(tokens, i, 'appSettings')) continue;
    const open = i + 2;
    if (tokens[open]?.text !== '[') throw new BicepReadError('appSettings is not a plain array of { name, value } objects', source, tokens[i]!.start);
    const close = skipBalanced(tokens, open, source) - 1;
    blocks.push(readSettingsArray(tokens, open + 1, close, source));
    i = close;
  }
  return blocks;
}

function readSettingsArray(tokens: Token[], from: number, to: number, source: string): BicepAppSetting[] {
  const settings: BicepAppSetting[] = [];
  let i = from;
  while (i < to) {
    const token = tokens[i]!;
    if (isSeparator(token)) {
      i += 1;
      continue;
    }
    if (token.text !== '{') throw new BicepReadError('An appSettings entry is not a { name, value } object', source, token.start);
    const end = skipBalanced(tokens, i, source);
    settings.push(readSetting(tokens, i + 1, end - 1, source));
    i = end;
  }
  return settings;
}

function readSetting(tokens: Token[], from: number, to: number, source: string): BicepAppSetting {
  const properties = new Map<string, BicepValue>();
  let i = from;
  while (i < to) {
    const token = tokens[i]!;
    if (isSeparator(token)) {
      i += 1;
      continue;
    }
    if (!(token.type === 'identifier' || token.type === 'string') || tokens[i + 1]?.text !== ':') {
      throw new BicepReadError('Expected name: value in an appSettings entry', source, token.start);
    }
    const end = Math.min(endOfExpression(tokens, i + 2, source, [',', '}']), to);
    properties.set(token.literal ?? token.text, valueOf(tokens, i + 2, end, source));
    i = end;
  }
  const name = properties.get('name');
  const value = properties.get('value');
  const at = tokens[from]?.start ?? source.length;
  if (!name || name.kind !== 'literal') throw new BicepReadError('An appSettings entry needs a literal name', source, at);
  if (!value) throw new BicepReadError(`appSettings entry ${name.value} has no value`, source, at);
  return { name: name.value, value };
}
