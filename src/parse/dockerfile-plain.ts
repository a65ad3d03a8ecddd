import { DockerfileParser } from 'dockerfile-ast';
import { splitArguments, type ArgumentSpan } from './dockerfile-arguments.js';
import { countBelow } from './count-below.js';
import type { InstructionView } from './dockerfile-instructions.js';
import { libraryView } from './dockerfile-library-views.js';
import { rememberInstructionArguments } from './dockerfile-ast-memo.js';
import { continues, isBlankOrComment, leadingSpaceLength, logicalLineText, withLeadingSpaces } from './dockerfile-value.js';
import { maskEscapedEnd } from './dockerfile-library-text.js';

/**
 * Reads the instructions of a Dockerfile written the common way, giving the answers dockerfile-ast
 * gives for the text masked for it (see textForLibrary), without building its document, its position
 * tables and an object per argument, flag and property (its parse was two thirds of a Dockerfile's).
 * Null, at the first sign of anything else, leaves the file to the library: a heredoc (any `<<`, also
 * one a continuation makes), a parser directive naming `escape`, an escape character in a keyword, an
 * escape character followed by blanks and more text, or a continued line that starts with one. The
 * properties of ARG, ENV and LABEL instructions written otherwise than `plainProperties` reads are
 * asked of the library, of that instruction's lines alone, which is exact and still cheap.
 */
export function readPlainInstructions(lines: readonly string[]): InstructionView[] | null {
  if (!isPlain(lines)) return null;
  const views: InstructionView[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    // BuildKit trims any white space (a vertical tab, a no-break space) before a keyword or a comment.
    const first = leadingSpaceLength(line);
    if (first === line.length || line.charCodeAt(first) === HASH) continue;
    const keywordEnd = nextBlank(line, first);
    const keyword = line.slice(first, keywordEnd);
    // It also ends a keyword at a vertical tab, form feed or carriage return, and drops them after it,
    // which the library does not (they are spaces in its text).
    if (keyword.includes(ESCAPE) || /[\v\f\r]/.test(keyword) || /^[\t\v\f\r ]*[\v\f\r]/.test(line.slice(keywordEnd))) return null;
    const last = lastLineOf(lines, n, keywordEnd);
    if (last === null) return null;
    const view = viewOf(lines, n, keywordEnd, last, keyword.toUpperCase());
    if (view === null) return null;
    views.push(view);
    n = Math.min(last, lines.length);
  }
  return views;
}

const ESCAPE = '\\';
const HASH = 0x23;
const SPACE = 0x20;
const TAB = 0x09;

/** No heredoc, no directive that might change the escape character, no byte order mark left. */
function isPlain(lines: readonly string[]): boolean {
  if ((lines[0] ?? '').startsWith('\uFEFF')) return false;
  let top = true; // in the comment lines at the very top, where directives are; anything else ends them
  for (const line of lines) {
    top &&= line.trimStart().startsWith('#');
    if ((top && /escape/i.test(line)) || line.includes('<<')) return false;
  }
  return true;
}

/**
 * The 0-based index of the instruction's last line, as BuildKit ends it: the first line not ended by
 * a continuation (see `continues`), blank and comment lines inside the continuation running on;
 * `lines.length` when the file ends first. Null for the escapes it gives up on.
 */
function lastLineOf(lines: readonly string[], startIndex: number, keywordEnd: number): number | null {
  for (let n = startIndex; n < lines.length; n++) {
    const line = lines[n] as string;
    let from = keywordEnd;
    if (n > startIndex) {
      if (isBlankOrComment(line)) continue;
      from = leadingSpaceLength(line);
      // An escape character opening a continued line reads the next character specially (`\#` starts a
      // comment there); only a line holding nothing else is taken here.
      if (line[from] === ESCAPE && skipBlanks(line, from + 1) !== line.length) return null;
    }
    const continues = endsInContinuation(line, from);
    if (continues === null) return null;
    if (!continues) return n;
  }
  return lines.length;
}

/**
 * Whether the line ends in a continuation, by BuildKit's rule (see `continues`; dockerfile-ast also
 * continues a line ending in an escaped escape character, which the library's text is masked for).
 * Null when an escape character after `from` is followed by blanks and more text, which the library
 * reads in a way of its own.
 */
function endsInContinuation(line: string, from: number): boolean | null {
  for (let at = line.indexOf(ESCAPE, from); at !== -1; at = line.indexOf(ESCAPE, at + 1)) {
    const next = line.charCodeAt(at + 1);
    if ((next === SPACE || next === TAB) && skipBlanks(line, at + 1) !== line.length) return null;
  }
  return continues(line, ESCAPE);
}

function viewOf(lines: readonly string[], startIndex: number, keywordEnd: number, last: number, keyword: string): InstructionView | null {
  // The text after the keyword to where the library ends the instruction (the file's final newline
  // included when a continuation runs off the end), which is what it splits into arguments.
  // Blank and comment lines inside it with the white space BuildKit trims as spaces, as in the library's text.
  const own = lines.slice(startIndex, last + 1).map((line, k) => (k > 0 && isBlankOrComment(line) ? withLeadingSpaces(line) : line));
  own[0] = (own[0] as string).slice(keywordEnd);
  const text = last >= lines.length ? `${own.join('\n')}\n` : own.join('\n');
  const spans = splitArguments(text, ESCAPE);
  // A `<<` the file does not show can still be made by a continuation joining `<` and `<`, for BuildKit
  // (which joins the lines with nothing between them) and for the library.
  if (text.includes('<') && (spans.some((span) => span.value.includes('<<')) || logicalLineText(lines, startIndex + 1, ESCAPE, last + 1).includes('<<'))) return null;
  const flagCount = countFlags(keyword, spans);
  if (flagCount === null) return null;
  // A flag with an escape or a continuation in it is read by the library from its raw text.
  if (spans.slice(0, flagCount).some((span) => text.slice(span.start, span.end) !== span.value)) return null;
  const flags = spans.slice(0, flagCount).map((span) => flagOf(span.value));
  const startLine = startIndex + 1;
  // The library's reading of this instruction alone, made at most once, and only if asked for.
  let alone: InstructionView | null | undefined;
  const libraryAlone = (): InstructionView | null => (alone === undefined ? (alone = libraryReadingAlone(lines, startIndex, last)) : alone);
  let properties: string[] | null = null;
  if (PROPERTY_INSTRUCTIONS.has(keyword)) {
    properties = plainProperties(text) ?? libraryAlone()?.properties() ?? null;
    if (properties === null) return null;
  }
  const args = flagCount === 0 ? spans : spans.slice(flagCount);
  return {
    startLine,
    parsedEndLine: last + 1,
    keyword,
    flags: () => flags,
    properties: () => properties,
    argumentsWithLines: () => {
      const lineOf = lineFinder(text, startLine);
      return args.map((span) => ({ value: span.value, line: lineOf(span.start) }));
    },
  };
}

// The instructions dockerfile-ast reads as properties, and those it looks for flags in, with when it
// stops looking (CMD, ENTRYPOINT, SHELL and VOLUME stop at once; HEALTHCHECK at its CMD or NONE; the
// rest at the first argument without a `--` anywhere in it, an argument with one elsewhere being
// passed over).
const PROPERTY_INSTRUCTIONS = new Set(['ARG', 'ENV', 'LABEL']);
const FLAGS_UNTIL_PLAIN_ARGUMENT = new Set(['ADD', 'COPY', 'FROM', 'RUN']);

/** How many flags lead the arguments; null when a flag comes after an argument the library passes over (it would drop the wrong ones). */
function countFlags(keyword: string, spans: readonly ArgumentSpan[]): number | null {
  let count = 0;
  for (const { value } of spans) {
    const stop = FLAGS_UNTIL_PLAIN_ARGUMENT.has(keyword)
      ? !value.includes('--')
      : keyword === 'HEALTHCHECK'
        ? value.toUpperCase() === 'CMD' || value.toUpperCase() === 'NONE'
        : true;
    if (stop) return count;
    if (!value.startsWith('--')) return null;
    count++;
  }
  return count;
}

function flagOf(value: string): { name: string; value: string | null } {
  const equals = value.indexOf('=');
  return equals === -1 ? { name: value.slice(2), value: null } : { name: value.slice(2, equals), value: value.slice(equals + 1) };
}

/**
 * `NAME=value`, `NAME="value"`, `NAME='value'` and `NAME` properties: blanks, and continuations at the
 * ends of lines, separate them, but not inside quotes, which are dropped when they enclose the whole
 * value; and the old one-line `NAME value` and `NAME "value"` forms. Null for anything else (escapes,
 * comments, a quote elsewhere or the value's own quote inside it, a `=` first, the old form over
 * several lines or with a quote anywhere but around its whole value), which the library reads.
 */
function plainProperties(text: string): string[] | null {
  if (/[#`]/.test(text)) return null;
  const tokens: string[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const trimmed = (lines[n] as string).replace(TRAILING_BLANKS, '');
    const continued = trimmed.endsWith(ESCAPE);
    const content = continued ? trimmed.slice(0, -1) : trimmed;
    if (content.includes(ESCAPE)) return null;
    // Text on both sides of a continuation with no blank at the join is one property to the library,
    // and so is text on both sides of a blank line, whose blanks it keeps.
    const next = lines[n + 1] ?? '';
    if (continued && ((!/[ \t]$/.test(content) && !/^[ \t]/.test(next)) || skipBlanks(next, 0) === next.length)) return null;
    // A loop, not a spread: a line can hold hundreds of thousands of tokens, past the arguments a call takes.
    for (const token of content.match(PROPERTY_TOKEN) ?? []) tokens.push(token);
  }
  const name = tokens[0];
  if (name === undefined || tokens.length === 1 || name.includes('=')) {
    const properties = tokens.map(propertyOf);
    return properties.includes(null) ? null : (properties as string[]);
  }
  // The old form, on one line: the name, then the rest of the line as written, or its one quoted value's text.
  if (lines.length > 1 || /["']/.test(name)) return null;
  if (!/["']/.test(text)) return [`${name}=${text.replace(TRAILING_BLANKS, '').slice(skipBlanks(text, 0) + name.length).replace(/^[ \t]+/, '')}`];
  const value = tokens.length === 2 ? (tokens[1] as string) : '';
  const quote = value[0];
  if ((quote !== '"' && quote !== "'") || value.length < 2 || value[value.length - 1] !== quote || value.slice(1, -1).includes(quote)) return null;
  return [`${name}=${value.slice(1, -1)}`];
}

// Only spaces and tabs are blanks to the library (JavaScript's trim takes other characters too).
const TRAILING_BLANKS = /[ \t]+$/;
// Runs of anything but blanks and quotes, and quoted stretches (unclosed ones to the end).
const PROPERTY_TOKEN = /(?:[^ \t"']+|"[^"]*(?:"|$)|'[^']*(?:'|$))+/g;

function propertyOf(token: string): string | null {
  const equals = token.indexOf('=');
  if (equals === 0) return null;
  const quote = token.search(/["']/);
  if (quote === -1) return token;
  // Only `NAME="value"` or `NAME='value'`, the value without its own quote inside.
  const value = token.slice(equals + 2, -1);
  if (equals === -1 || quote !== equals + 1 || token.length < equals + 3 || token[token.length - 1] !== token[quote] || value.includes(token[quote] as string)) return null;
  return `${token.slice(0, equals)}=${value}`;
}

/**
 * The library's reading of the instruction's own lines, parsed alone: what it finds in an instruction
 * (properties, heredocs) is worked out from that instruction's text only, and parsing just that keeps
 * the cost to its length. Null if those lines were not one instruction to it.
 */
function libraryReadingAlone(lines: readonly string[], startIndex: number, last: number): InstructionView | null {
  rememberInstructionArguments();
  // Its lines masked as the whole file's would be for the library (see textForLibrary); the caller
  // restores what it reads.
  const own = lines.slice(startIndex, last + 1).map((line, k) => (k === 0 || isBlankOrComment(line) ? withLeadingSpaces(line) : line));
  if (last < lines.length) own[own.length - 1] = maskEscapedEnd(own[own.length - 1] as string, ESCAPE);
  const parsed = DockerfileParser.parse(`${own.join('\n')}\n`).getInstructions();
  return parsed.length === 1 ? libraryView(parsed[0] as (typeof parsed)[number]) : null;
}

/** The 1-based line of an offset into `text`, whose first line is `firstLine`. */
function lineFinder(text: string, firstLine: number): (offset: number) => number {
  const newlines: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines.push(at);
  // Each newline before the offset starts a line.
  return (offset) => firstLine + countBelow(newlines, offset);
}

function skipBlanks(line: string, from: number): number {
  let at = from;
  while (at < line.length && (line.charCodeAt(at) === SPACE || line.charCodeAt(at) === TAB)) at++;
  return at;
}

function nextBlank(line: string, from: number): number {
  let at = from;
  while (at < line.length && line.charCodeAt(at) !== SPACE && line.charCodeAt(at) !== TAB) at++;
  return at;
}
