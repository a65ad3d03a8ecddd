import { heredocsInLine } from './dockerfile-heredoc-words.js';
import { logicalLineEnd, logicalLineText } from './dockerfile-value.js';

// BuildKit reads heredocs only in these instructions, also after ONBUILD (parser.go canContainHeredoc;
// it also skips an instruction in exec form, whose `<<` are all inside JSON strings, so in quotes).
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export interface HeredocBody {
  readonly name: string;
  /** The body's lines, tabs stripped for `<<-`, without the terminator. */
  readonly body: string;
  /** First body line (the line after the previous terminator or the instruction line). */
  readonly startLine: number;
  /** The terminator's line. */
  readonly endLine: number;
}

/**
 * The bodies of the heredocs an instruction opens, as BuildKit reads them (see heredocsInLine): they
 * follow the instruction's logical line in order, each ending at a line equal to its name. Null when a
 * terminator is missing. `lastLine` is the instruction's logicalLineEnd, passed by a caller that has it.
 */
export function heredocBodies(
  lines: readonly string[],
  startLine: number,
  keyword: string,
  escape: string,
  lastLine = logicalLineEnd(lines, startLine, escape),
): HeredocBody[] | null {
  if (!HEREDOC_KEYWORDS.has(keyword) && keyword !== 'ONBUILD') return [];
  // A heredoc needs a `<` on one of the lines (`<` and `<` can meet across a continuation); asked for
  // every RUN, COPY and ADD, most of which have none.
  if (!linesInclude(lines, startLine, lastLine, '<')) return [];
  const text = logicalLineText(lines, startLine, escape, lastLine);
  if (!text.includes('<<')) return [];
  if (keyword === 'ONBUILD' && !HEREDOC_KEYWORDS.has((text.split(/[\t\v\f\r ]+/)[1] ?? '').toUpperCase())) return [];
  const bodies: HeredocBody[] = [];
  let line = lastLine;
  for (const { stripTabs, name } of heredocsInLine(text)) {
    const start = line + 1;
    const body: string[] = [];
    for (;;) {
      line++;
      if (line > lines.length) return null;
      const text = stripTabs ? (lines[line - 1] ?? '').replace(/^\t+/, '') : (lines[line - 1] ?? '');
      if (text === name) break;
      body.push(text);
    }
    bodies.push({ name, body: body.join('\n'), startLine: start, endLine: line });
  }
  return bodies;
}

function linesInclude(lines: readonly string[], first: number, last: number, text: string): boolean {
  for (let line = first; line <= last; line++) if ((lines[line - 1] ?? '').includes(text)) return true;
  return false;
}

/**
 * The last line of the heredoc bodies an instruction opens: the last terminator's line, or the file's
 * last line when a terminator is missing (BuildKit refuses such a file; its lines are kept in the
 * instruction). Null when the instruction opens no heredoc.
 */
export function heredocEnd(
  lines: readonly string[],
  startLine: number,
  keyword: string,
  escape: string,
  logicalEnd = logicalLineEnd(lines, startLine, escape),
): number | null {
  const bodies = heredocBodies(lines, startLine, keyword, escape, logicalEnd);
  if (bodies === null) return lines.length;
  return bodies.length === 0 ? null : (bodies[bodies.length - 1]?.endLine ?? null);
}
