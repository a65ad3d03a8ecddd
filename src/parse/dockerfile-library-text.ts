import { heredocEnd } from './dockerfile-heredocs.js';
import { continuationAt, continues, isBlankOrComment, leadingSpaceLength, logicalLineEnd, withLeadingSpaces } from './dockerfile-value.js';

// Stand in for the last of two or more escape characters ending a line: BuildKit ends the instruction
// there, dockerfile-ast would continue it. Escaped, each reads as one character to the library, which
// `unmaskLibraryText` turns back into what the escape characters mean: a run of even length ends in an
// escaped escape character (kept), one of odd length in a lone one at the end (dropped).
const KEPT_ESCAPE = '\u0002';
const DROPPED_ESCAPE = '\u0003';
// Stands in for every `<` of an instruction, so that dockerfile-ast finds no heredoc: which heredocs
// there are, and where their bodies end, is worked out as BuildKit does (see heredocBodies), and the
// bodies are blank lines to the library.
const LESS = '\u0001';
// Stands in for an escape character followed by blanks and more text on a line BuildKit continues,
// after which dockerfile-ast can take the line's own continuation for none (`RUN a \\ \\`); to the
// library it is an ordinary character.
const BLANK_ESCAPE = '\u0004';
const MASKS = [LESS, KEPT_ESCAPE, DROPPED_ESCAPE, BLANK_ESCAPE];

/**
 * The text dockerfile-ast is given, changed where it would read the lines otherwise than BuildKit (line
 * for line, each the same length but the comments at the top and heredoc bodies, so that positions
 * hold): the directives, every `<` of an instruction and its heredoc bodies (see LESS), the escape
 * characters ending an instruction's last line (see KEPT_ESCAPE), and white space other than spaces and
 * tabs where BuildKit trims it. Null when the file holds a masking character itself and one was needed,
 * as the two could not be told apart.
 */
export function textForLibrary(lines: readonly string[], escape: string): string[] | null {
  const out = [...lines];
  let masked = false;
  // The comments at the top, where directives are, as one escape directive naming BuildKit's escape
  // character then bare comments: dockerfile-ast reads directives that BuildKit does not (after an
  // unknown name, or with names BuildKit's pattern refuses), and BuildKit trims lines it does not.
  const top = lines.findIndex((line) => line[leadingSpaceLength(line)] !== '#');
  for (let line = 1; line <= (top === -1 ? lines.length : top); line++) out[line - 1] = line === 1 ? `#escape=${escape}` : '#';
  for (let line = 1; line <= lines.length; line++) {
    const text = lines[line - 1] as string;
    // White space BuildKit trims and the library does not take for a blank (a vertical tab, a no-break
    // space), as spaces where BuildKit trims it: before a keyword, a comment, or nothing else.
    out[line - 1] = withLeadingSpaces(out[line - 1] as string);
    if (isBlankOrComment(text)) continue;
    const last = logicalLineEnd(lines, line, escape);
    for (let inner = line + 1; inner <= last; inner++) {
      if (isBlankOrComment(lines[inner - 1] as string)) out[inner - 1] = withLeadingSpaces(out[inner - 1] as string);
    }
    const end = maskEscapedEnd(out[last - 1] as string, escape);
    masked ||= end !== out[last - 1];
    out[last - 1] = end;
    // The keyword is left as it is, to be reported as written; BuildKit ends it at a vertical tab, form
    // feed or carriage return too, which become spaces for the library.
    const keywordEnd = text.slice(leadingSpaceLength(text)).search(/[\t\v\f\r ]|$/) + leadingSpaceLength(text);
    const after = (out[line - 1] as string).slice(keywordEnd);
    const separator = /^[\t\v\f\r ]*/.exec(after)?.[0] ?? '';
    out[line - 1] = (out[line - 1] as string).slice(0, keywordEnd) + separator.replace(/[\v\f\r]/g, ' ') + after.slice(separator.length);
    const blankEscape = new RegExp(`${escape === '`' ? '`' : '\\\\'}(?=[ \\t]+[^ \\t])`, 'g');
    for (let inner = line; inner <= last; inner++) {
      if (inner > line && isBlankOrComment(lines[inner - 1] as string)) continue;
      const from = inner === line ? keywordEnd : 0;
      const piece = out[inner - 1] as string;
      // Only on lines BuildKit continues: elsewhere the library reads `\\ ` as an escaped blank, as BuildKit's
      // own word splitting does (`ENV A=x\\ y`).
      const rest = piece.slice(from).replaceAll('<', LESS);
      const less = piece.slice(0, from) + (inner < last ? rest.replace(blankEscape, BLANK_ESCAPE) : rest);
      masked ||= less !== piece;
      out[inner - 1] = less;
    }
    const keyword = (text.slice(leadingSpaceLength(text)).split(/[\t\v\f\r ]/)[0] ?? '').toUpperCase();
    const bodiesEnd = heredocEnd(lines, line, keyword, escape, last) ?? last;
    for (let inner = last + 1; inner <= bodiesEnd; inner++) out[inner - 1] = '';
    line = bodiesEnd;
  }
  return masked && firstMaskLine(lines) > 0 ? null : out;
}

/** An instruction's last line with the escape characters that end it masked (see KEPT_ESCAPE), if any do. */
export function maskEscapedEnd(line: string, escape: string): string {
  const at = continuationAt(line, escape);
  if (at === -1 || continues(line, escape)) return line;
  let run = 1;
  while (line[at - run] === escape) run++;
  return line.slice(0, at) + (run % 2 === 0 ? KEPT_ESCAPE : DROPPED_ESCAPE) + line.slice(at + 1);
}

/** What the library read, with the masks of `textForLibrary` turned back into the file's text. */
export function unmaskLibraryText(text: string, escape: string): string {
  if (!MASKS.some((mask) => text.includes(mask))) return text;
  return text.replaceAll(LESS, '<').replaceAll(KEPT_ESCAPE, escape).replaceAll(DROPPED_ESCAPE, '').replaceAll(BLANK_ESCAPE, escape);
}

/** The first line holding a masking character, for the refusal of a file `textForLibrary` cannot mask. */
export function firstMaskLine(lines: readonly string[]): number {
  return lines.findIndex((line) => MASKS.some((mask) => line.includes(mask))) + 1;
}
