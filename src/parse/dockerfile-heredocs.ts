import { logicalLineEnd } from './dockerfile-value.js';

// BuildKit reads heredocs only in these instructions.
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
// `<<NAME`, `<<-NAME`, `<<"NAME"`, with an optional file descriptor (`5<<NAME`), starting a word.
const HEREDOC = /(?:^|\s)\d*<<(-?)(["']?)([A-Za-z0-9_.-]+)\2/g;

/**
 * The last line of the heredoc bodies an instruction opens, for the forms dockerfile-ast misses (a file
 * descriptor before `<<`, as in `RUN cmd 5<<FILE`): bodies follow the instruction line in order, each
 * ending at a line equal to its name (leading tabs removed for `<<-`). Returns null when the instruction
 * opens no heredoc or a terminator is missing, so a false match never swallows the rest of the file.
 */
export function missedHeredocEnd(
  lines: readonly string[],
  startLine: number,
  keyword: string,
  escape: string,
): number | null {
  if (!HEREDOC_KEYWORDS.has(keyword)) return null;
  const lastLine = logicalLineEnd(lines, startLine, escape);
  const text = lines.slice(startLine - 1, lastLine).join('\n');
  const heredocs = [...text.matchAll(HEREDOC)].map((m) => ({ stripTabs: m[1] === '-', name: m[3] ?? '' }));
  if (heredocs.length === 0) return null;
  let line = lastLine;
  for (const { stripTabs, name } of heredocs) {
    do {
      line++;
      if (line > lines.length) return null;
    } while ((stripTabs ? (lines[line - 1] ?? '').replace(/^\t+/, '') : lines[line - 1]) !== name);
  }
  return line;
}
