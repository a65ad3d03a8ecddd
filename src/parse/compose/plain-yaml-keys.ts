/**
 * The plain YAML reader's tests of one line's text: where a mapping key is and what it reads as, whether
 * an entry is a sequence item, and what may follow a value. Each answers from the text alone, or gives
 * up (GIVE_UP) where the yaml library must read the file.
 */
import { closingQuote, GIVE_UP, indexInLine, isPlainStart, plainValue, readQuoted, trimSpaces } from './plain-yaml-scalars.js';

/** The key at `at` and its `:`; `valueFrom` is just after the `:`. */
export function readKey(text: string, at: number, lineEnd: number): { key: string; valueFrom: number } {
  const quote = text[at];
  if (quote === '"' || quote === "'") {
    const { value, end } = readQuoted(text, at, lineEnd);
    if (text[end] !== ':' || (end + 1 < lineEnd && text[end + 1] !== ' ')) throw GIVE_UP;
    return { key: value, valueFrom: end + 1 };
  }
  const colon = keyColon(text, at, lineEnd);
  if (colon === -1) throw GIVE_UP;
  const raw = trimSpaces(text.slice(at, colon));
  // YAML allows an implicit key up to 1,024 characters.
  if (!isPlainStart(raw, 0) || raw.includes(' #') || colon - at > 1000) throw GIVE_UP;
  const value = plainValue(raw);
  return { key: value === null ? '' : String(value), valueFrom: colon + 1 };
}

/** Whether the line's content at `at` is a key (plain or quoted, then `:`). */
export function startsKey(text: string, at: number, lineEnd: number): boolean {
  const quote = text[at];
  if (quote === '"' || quote === "'") {
    const close = closingQuote(text, at, lineEnd);
    return close !== -1 && text[close + 1] === ':';
  }
  if (!isPlainStart(text, at)) return false;
  const colon = keyColon(text, at, lineEnd);
  if (colon === -1) return false;
  const comment = indexInLine(text, ' #', at, lineEnd);
  return comment === -1 || comment > colon;
}

/** Whether the content at `at` is a sequence item: a `-` followed by a blank or the line's end. */
export function isSequenceEntry(text: string, at: number): boolean {
  const after = text[at + 1];
  return text[at] === '-' && (after === ' ' || after === '\n' || after === undefined);
}

/** Nothing but blanks and a comment may follow a value on its line. */
export function restIsComment(text: string, from: number, lineEnd: number): void {
  let at = from;
  while (text[at] === ' ') at++;
  if (at < lineEnd && !(text[at] === '#' && at > from)) throw GIVE_UP;
}

/** Where the `:` of a plain key at `at` is: followed by a blank or the line's end. -1 when there is none. */
function keyColon(text: string, at: number, lineEnd: number): number {
  for (let colon = indexInLine(text, ':', at, lineEnd); colon !== -1; colon = indexInLine(text, ':', colon + 1, lineEnd)) {
    if (colon + 1 === lineEnd || text[colon + 1] === ' ') return colon;
  }
  return -1;
}
