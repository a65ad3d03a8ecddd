import { patternPerCount } from './pattern-per-count.js';

/**
 * The last line of the instruction's own line: the first line, plus the lines its continuations pull in
 * (comment and blank lines inside a continuation are skipped, as BuildKit skips them). Lines after it,
 * up to the instruction's end, are heredoc bodies.
 */
export function logicalLineEnd(lines: readonly string[], startLine: number, escape: string): number {
  let line = startLine;
  while (line < lines.length && continues(lines[line - 1] ?? '', escape)) {
    line++;
    while (line < lines.length && isBlankOrComment(lines[line - 1] ?? '')) line++;
  }
  return line;
}

/**
 * The instruction's line as BuildKit builds it, keyword included, which is what it looks for heredocs
 * in: the first line from its first character that is not white space, then each line of the
 * continuation without its continuation character, joined with nothing between them (`<\` then `<EOF`
 * is `<<EOF`), the blank and comment lines inside the continuation left out.
 */
export function logicalLineText(lines: readonly string[], startLine: number, escape: string, last = logicalLineEnd(lines, startLine, escape)): string {
  let text = '';
  for (let line = startLine; line <= last; line++) {
    const piece = lines[line - 1] ?? '';
    if (line > startLine && isBlankOrComment(piece)) continue;
    text += stripContinuation(line === startLine ? piece.slice(leadingSpaceLength(piece)) : piece, escape);
  }
  return text;
}

/**
 * The text after the keyword and `flagCount` flags (`logicalEnd` is the instruction's logicalLineEnd): continuation lines joined with one space, comments
 * inside the continuation dropped; a heredoc body follows on its own lines, verbatim.
 */
export function valueOf(
  lines: readonly string[],
  startLine: number,
  endLine: number,
  logicalEnd: number,
  escape: string,
  flagCount: number,
): string {
  const last = Math.min(logicalEnd, endLine);
  const pieces: string[] = [];
  for (let line = startLine; line <= last; line++) {
    const text = lines[line - 1] ?? '';
    if (line > startLine && isBlankOrComment(text)) continue;
    const piece = stripContinuation(text, escape).trim();
    if (piece !== '') pieces.push(piece);
  }
  const afterKeyword = pieces.join(' ').replace(/^\S+\s*/, '');
  const value = flagCount === 0 ? afterKeyword : afterKeyword.replace(leadingFlags(flagCount), '');
  const body = lines.slice(last, endLine);
  return body.length > 0 ? [value, ...body].join('\n') : value;
}

/** `count` leading flags. */
const leadingFlags = patternPerCount((count) => new RegExp(`^(?:--\\S*\\s*){${count}}`));

/**
 * Whether BuildKit continues the line: its last character other than spaces and tabs is the escape
 * character, and the one before that is not also one (its pattern is `([^\\])\\[ \t]*$|^\\[ \t]*$`, so
 * a line ending in `\\` or `\\\` ends the instruction, and `\` followed by another kind of white
 * space is no continuation).
 */
export function continues(line: string, escape: string): boolean {
  const at = continuationAt(line, escape);
  return at !== -1 && line[at - 1] !== escape;
}

/** Where the escape character is that ends the line, spaces and tabs after it allowed; -1 when none does. */
export function continuationAt(line: string, escape: string): number {
  // Walked back rather than matched: this runs for every line of every instruction.
  let at = line.length - 1;
  while (at >= 0 && (line[at] === ' ' || line[at] === '\t')) at--;
  return at >= 0 && line[at] === escape ? at : -1;
}

function stripContinuation(line: string, escape: string): string {
  return continues(line, escape) ? line.slice(0, continuationAt(line, escape)) : line;
}

/** A line BuildKit skips inside a continuation: blank, or a comment, after any white space it trims. */
export function isBlankOrComment(line: string): boolean {
  return BLANK_OR_COMMENT.test(line);
}

/** How many characters of white space BuildKit trims from the start of a line (it trims an instruction's first line so). */
export function leadingSpaceLength(line: string): number {
  return LEADING_SPACE.exec(line)?.[0].length ?? 0;
}

/** The line with the white space BuildKit trims from its start written as spaces, the same length, for a reader that skips only spaces and tabs. */
export function withLeadingSpaces(line: string): string {
  const length = leadingSpaceLength(line);
  return length === 0 || !/[^ \t]/.test(line.slice(0, length)) ? line : ' '.repeat(length) + line.slice(length);
}

// Go's unicode.IsSpace, with which BuildKit trims lines: JavaScript's \s also has U+FEFF, and lacks U+0085.
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const BLANK_OR_COMMENT = new RegExp(`^[${GO_SPACE}]*(?:#|$)`);
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]*`);
