import { isBlankOrComment, logicalLineEnd } from './dockerfile-value.js';

// BuildKit reads heredocs only in these instructions.
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
// A heredoc word as BuildKit matches it: `<<NAME`, `<<-NAME`, `<<"NAME"`, optional file descriptor.
const HEREDOC_WORD = /^(\d*)<<(-?)(["']?)([A-Za-z0-9_.-]+)\3/;
const INSTRUCTION_LINE = /^\s*(run|copy|add)\s/i;
// Stands in for a `<<` BuildKit does not read as a heredoc, so dockerfile-ast does not either.
export const MASK = '\u0001\u0001';

export interface HeredocMarker {
  readonly name: string;
  /** `<<-`: leading tabs of body lines and of the terminator are removed. */
  readonly stripTabs: boolean;
  /** Offset of the `<<` in the text scanned. */
  readonly offset: number;
}

/**
 * The `<<` operators in an instruction's text, split into heredocs (outside quotes, starting a word, as
 * BuildKit reads them) and the rest (inside quotes, or within a word, as in `$((1<<2))`).
 */
export function scanHeredocs(text: string, escape: string): { heredocs: HeredocMarker[]; others: number[] } {
  const heredocs: HeredocMarker[] = [];
  const others: number[] = [];
  // Most instructions have no `<<` at all; the scan below finds nothing in them either.
  if (!text.includes('<<')) return { heredocs, others };
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escape && quote !== "'") {
      i++;
      continue;
    }
    if (quote !== null) {
      if (ch === quote) quote = null;
      else if (text.startsWith('<<', i)) others.push(i++);
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if (!text.startsWith('<<', i)) continue;
    const wordStart = text.slice(0, i).search(/\d*$/);
    const match = HEREDOC_WORD.exec(text.slice(wordStart));
    const atWordStart = wordStart === 0 || /\s/.test(text[wordStart - 1] ?? '');
    if (match && atWordStart && text[i + 2] !== '<') {
      heredocs.push({ name: match[4] ?? '', stripTabs: match[2] === '-', offset: i });
      i = wordStart + match[0].length - 1;
    } else {
      others.push(i++);
    }
  }
  return { heredocs, others };
}

/**
 * The file's text with every `<<` that BuildKit would not take for a heredoc replaced by MASK
 * (same length), in RUN, COPY and ADD lines. dockerfile-ast reads `RUN python -c "print(1 <<2)"` as
 * opening a heredoc and swallows the rest of the file; BuildKit does not.
 */
export function maskFalseHeredocs(lines: readonly string[], escape: string): string[] | null {
  let masked: string[] | null = null;
  for (let line = 1; line <= lines.length; line++) {
    if (!INSTRUCTION_LINE.test(lines[line - 1] ?? '')) continue;
    const last = logicalLineEnd(lines, line, escape);
    const span = lines.slice(line - 1, last);
    const text = span.join('\n');
    const { others } = scanHeredocs(text, escape);
    if (others.length === 0) {
      line = last;
      continue;
    }
    masked ??= [...lines];
    let out = text;
    for (const offset of others) out = out.slice(0, offset) + MASK + out.slice(offset + 2);
    out.split('\n').forEach((piece, k) => {
      if (masked) masked[line - 1 + k] = piece;
    });
    line = last;
  }
  return masked;
}

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
 * The bodies of the heredocs an instruction opens: they follow the instruction's logical line in order,
 * each ending at a line equal to its name. Null when a terminator is missing. `lastLine` is the
 * instruction's logicalLineEnd, passed by a caller that has it.
 */
export function heredocBodies(
  lines: readonly string[],
  startLine: number,
  keyword: string,
  escape: string,
  lastLine = logicalLineEnd(lines, startLine, escape),
): HeredocBody[] | null {
  if (!HEREDOC_KEYWORDS.has(keyword)) return [];
  // A heredoc needs a `<<` on one of the lines (the lines are joined with newlines below, so none can
  // form across two); asked for every RUN, COPY and ADD, most of which have none.
  if (!linesInclude(lines, startLine, lastLine, '<<')) return [];
  const text = lines.slice(startLine - 1, lastLine).filter((l, k) => k === 0 || !isBlankOrComment(l)).join('\n');
  const { heredocs } = scanHeredocs(text, escape);
  const bodies: HeredocBody[] = [];
  let line = lastLine;
  for (const { stripTabs, name } of heredocs) {
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
 * The last line of the heredoc bodies an instruction opens, for the forms dockerfile-ast misses (a file
 * descriptor before `<<`, as in `RUN cmd 5<<FILE`). Null when the instruction opens no heredoc or a
 * terminator is missing, so a false match never swallows the rest of the file.
 */
export function missedHeredocEnd(
  lines: readonly string[],
  startLine: number,
  keyword: string,
  escape: string,
  logicalEnd = logicalLineEnd(lines, startLine, escape),
): number | null {
  const bodies = heredocBodies(lines, startLine, keyword, escape, logicalEnd);
  return bodies === null || bodies.length === 0 ? null : (bodies[bodies.length - 1]?.endLine ?? null);
}
