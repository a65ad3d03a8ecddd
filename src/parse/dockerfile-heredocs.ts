import { ParseError } from './parse-error.js';
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

/**
 * The most lines the heredocs of a Dockerfile's COPY and ADD instructions may hold in all. Each line
 * that may hold a credential is split into words the policy judges, and the Wasm runtime frees nothing
 * until a file is done: 600,000 lines of `a@` took 36 s and 1 GB. Real ones write a config file of a
 * few dozen lines; RUN heredocs are bounded by the shell commands they run (shell-limits.ts).
 */
export const MAX_COPIED_HEREDOC_LINES = 20_000;

/** Refuses a Dockerfile past MAX_COPIED_HEREDOC_LINES, at the instruction whose heredoc passes it. */
export function checkCopiedHeredocLines(path: string, instructions: readonly { keyword: string; startLine: number; heredocs?: readonly HeredocBody[] }[]): void {
  let lines = 0;
  for (const ins of instructions) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    for (const body of ins.heredocs ?? []) lines += body.endLine - body.startLine;
    if (lines > MAX_COPIED_HEREDOC_LINES) {
      throw new ParseError(
        path,
        ins.startLine,
        `the heredocs of COPY and ADD hold more than ${MAX_COPIED_HEREDOC_LINES} lines in all, where real ones write a file of a few dozen, and each line is searched for credentials. Put the file in the build context and COPY it.`,
      );
    }
  }
}
