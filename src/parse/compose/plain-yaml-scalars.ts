/**
 * The one-line values of plain YAML (see plain-yaml.ts): plain and quoted scalars and flow sequences of
 * them, read as the yaml library reads them under the YAML 1.2 core schema, or given up on.
 */

/** Thrown at the first thing outside plain YAML; the reader then leaves the file to the library. */
export const GIVE_UP = Symbol('not plain YAML');

export type PlainValue = string | number | boolean | null;

// Characters that may not start a plain scalar (a `-` may, before anything but a blank).
const INDICATORS = new Set(['?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const FLOW_BREAKS = new Set([',', '[', ']', '{', '}']);

/** Whether a plain scalar may start at `at`; in a flow sequence (`inFlow`) a `-` before `,` or a bracket may not either. */
export function isPlainStart(text: string, at: number, inFlow = false): boolean {
  const first = text[at];
  if (first === undefined || first === ' ') return false;
  if (first === '-') {
    const after = text[at + 1];
    return after !== undefined && after !== ' ' && after !== '\n' && !(inFlow && FLOW_BREAKS.has(after));
  }
  return !INDICATORS.has(first);
}

/**
 * Where `needle` first is in text[from, lineEnd), or -1. A search of the whole text from `from` would
 * run on past the line when the line lacks it, to the end of the file for every line that does: a file
 * of 30,000 plain sequence items took 2.7 s that way.
 */
export function indexInLine(text: string, needle: string, from: number, lineEnd: number): number {
  const found = text.slice(from, lineEnd).indexOf(needle);
  return found === -1 ? -1 : from + found;
}

/** YAML's blanks are spaces and tabs (no tab gets this far); other whitespace is content. */
export function trimSpaces(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw[end - 1] === ' ') end--;
  return raw.slice(0, end);
}

/**
 * What the YAML 1.2 core schema makes of a plain scalar: its tests, in its order, and its readings
 * (the yaml library's core schema, without `intAsBigInt`).
 */
export function plainValue(raw: string): PlainValue {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(raw)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(raw)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(raw)) return false;
  if (/^0o[0-7]+$/.test(raw)) return parseInt(raw.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(raw)) return parseInt(raw, 10);
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(raw)) {
    return raw.slice(-3).toLowerCase() === 'nan' ? NaN : raw.startsWith('-') ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(raw)) return parseFloat(raw);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(raw)) return parseFloat(raw);
  return raw;
}

/** A quoted scalar at `at`, closed before `lineEnd`. `end` is after the closing quote. */
export function readQuoted(text: string, at: number, lineEnd: number): { value: string; end: number } {
  return text[at] === '"' ? readDoubleQuoted(text, at, lineEnd) : readSingleQuoted(text, at, lineEnd);
}

function readSingleQuoted(text: string, at: number, lineEnd: number): { value: string; end: number } {
  let value = '';
  for (let from = at + 1; ; ) {
    const close = indexInLine(text, "'", from, lineEnd);
    if (close === -1) throw GIVE_UP;
    value += text.slice(from, close);
    if (text[close + 1] !== "'") return { value, end: close + 1 };
    value += "'";
    from = close + 2;
  }
}

/**
 * A double-quoted scalar on one line, its escapes applied as YAML 1.2 defines them; an escape outside
 * that list, or a code point that is not a character, is the library's to report.
 */
function readDoubleQuoted(text: string, at: number, lineEnd: number): { value: string; end: number } {
  const close = indexInLine(text, '"', at + 1, lineEnd);
  const escape = indexInLine(text, '\\', at + 1, close === -1 ? lineEnd : close);
  if (close !== -1 && escape === -1) return { value: text.slice(at + 1, close), end: close + 1 };
  let value = '';
  let from = at + 1;
  for (let pos = from; pos < lineEnd; pos++) {
    const char = text[pos];
    if (char === '"') return { value: value + text.slice(from, pos), end: pos + 1 };
    if (char !== '\\') continue;
    value += text.slice(from, pos);
    const code = text[pos + 1] as string;
    const digits = HEX_ESCAPE_DIGITS.get(code);
    if (digits !== undefined) {
      const hex = text.slice(pos + 2, pos + 2 + digits);
      const point = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : -1;
      if (point < 0 || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) throw GIVE_UP;
      value += String.fromCodePoint(point);
      pos += 1 + digits;
    } else {
      const escaped = ESCAPES.get(code);
      if (escaped === undefined || pos + 1 >= lineEnd) throw GIVE_UP;
      value += escaped;
      pos += 1;
    }
    from = pos + 1;
  }
  throw GIVE_UP;
}

// YAML 1.2's escapes in double quotes (section 5.7), but for an escaped tab or line break.
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['0', '\0'], ['a', '\x07'], ['b', '\b'], ['e', '\x1b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t'], ['v', '\v'],
  [' ', ' '], ['"', '"'], ['/', '/'], ['\\', '\\'], ['N', '\u0085'], ['_', '\u00a0'], ['L', '\u2028'], ['P', '\u2029'],
]);
const HEX_ESCAPE_DIGITS: ReadonlyMap<string, number> = new Map([['x', 2], ['u', 4], ['U', 8]]);

/** Where the quoted scalar at `at` closes on its line (its closing quote), or -1. */
export function closingQuote(text: string, at: number, lineEnd: number): number {
  try {
    return readQuoted(text, at, lineEnd).end - 1;
  } catch (thrown) {
    if (thrown === GIVE_UP) return -1;
    throw thrown;
  }
}

/** `[a, "b", 'c']` at `at`, closed before `lineEnd`, of scalars only, `maxItems` at most; `end` is after the `]`. */
export function readFlowSequence(text: string, at: number, lineEnd: number, maxItems = Infinity): { items: { value: PlainValue; start: number; end: number }[]; end: number } {
  const items: { value: PlainValue; start: number; end: number }[] = [];
  let pos = at + 1;
  const skipBlanks = () => {
    while (text[pos] === ' ') pos++;
  };
  skipBlanks();
  if (text[pos] === ']') return { items, end: pos + 1 };
  for (;;) {
    let value: PlainValue;
    const start = pos;
    if (text[pos] === '"' || text[pos] === "'") {
      const quoted = readQuoted(text, pos, lineEnd);
      value = quoted.value;
      pos = quoted.end;
    } else {
      if (!isPlainStart(text, pos, true)) throw GIVE_UP;
      while (pos < lineEnd && !FLOW_BREAKS.has(text[pos] as string) && !(text[pos] === ':' && text[pos + 1] === ' ') && !(text[pos] === ' ' && text[pos + 1] === '#')) pos++;
      const raw = trimSpaces(text.slice(start, pos));
      // A `:` inside a word (`http://host`) is text; before a blank or the item's end it makes a pair.
      if (raw.includes('?') || /:(?:$|[ ,\]])/.test(text.slice(start, pos + 1))) throw GIVE_UP;
      value = plainValue(raw);
      pos = start + raw.length;
    }
    if (items.length === maxItems) throw GIVE_UP;
    items.push({ value, start, end: pos });
    skipBlanks();
    if (text[pos] === ']') return { items, end: pos + 1 };
    if (text[pos] !== ',') throw GIVE_UP;
    pos++;
    skipBlanks();
    if (text[pos] === ']' || text[pos] === ',') throw GIVE_UP; // a trailing or empty entry
  }
}
