import type { DockerfileInstruction } from './input-document.js';
import { isBlankOrComment, logicalLineEnd, valueOf } from './dockerfile-value.js';
import { heredocBodies, heredocEnd } from './dockerfile-heredocs.js';
import { unmaskLibraryText } from './dockerfile-library-text.js';

// Instructions BuildKit reads as a JSON array when their arguments parse as one (exec form).
const EXEC_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'ADD', 'COPY']);
// Instructions whose form (shell or exec) decides how the command runs.
const COMMAND_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/** An instruction before stages are known: `stage` is filled in by the stage pass. */
export type RawInstruction = Omit<DockerfileInstruction, 'stage'>;

/**
 * One instruction as the parser read it: what the conversion below asks of it. dockerfile-ast's
 * instructions are read through `libraryView`; `readPlainInstructions` gives the same
 * answers for the files it reads itself.
 */
export interface InstructionView {
  /** The keyword's line, 1-based. */
  readonly startLine: number;
  /** The line the parser ended the instruction on, 1-based: one past the file when a continuation runs off its end. */
  readonly parsedEndLine: number;
  /** The keyword, upper-cased. */
  readonly keyword: string;
  /** The leading `--name=value` flags, value null when written without `=`. */
  flags(): readonly { readonly name: string; readonly value: string | null }[];
  /** ARG, ENV, LABEL: each property as `NAME=value`, or `NAME` without a value; null for other instructions. */
  properties(): string[] | null;
  /** The arguments after the flags, each with the 1-based line it starts on. */
  argumentsWithLines(): readonly { readonly value: string; readonly line: number }[];
}

/**
 * Converts the parser's instructions to the policy shape, with lines taken from the source so that
 * a heredoc body, comments inside a continuation and the continuation lines all belong to the instruction.
 */
export function toInstructions(views: readonly InstructionView[], lines: readonly string[], escape: string): RawInstruction[] {
  const out: RawInstruction[] = [];
  let covered = 0;
  for (const instruction of views) {
    const { startLine } = instruction;
    // What the library read of the text masked for it (see textForLibrary) is restored.
    const unmask = (text: string) => unmaskLibraryText(text, escape);
    const keyword = unmask(instruction.keyword);
    // Inside a heredoc body (blank lines to the library, see textForLibrary), or a lone escape character
    // that BuildKit joins to the next line (dockerfile-ast makes it an instruction named after the escape).
    if (startLine <= covered || keyword === escape) continue;
    // Worked out once: the value, the arguments and the heredoc bodies all start from it.
    const logicalEnd = logicalLineEnd(lines, startLine, escape);
    // The heredocs are found as BuildKit finds them; the parsers are given none (see textForLibrary).
    const endLine = Math.max(endLineOf(instruction, lines), heredocEnd(lines, startLine, keyword, escape, logicalEnd) ?? 0);
    covered = endLine;
    // A flag written without `=` is kept apart from `--name=` (BuildKit refuses the first for a valued flag).
    const flagList = instruction.flags().map((flag) =>
      flag.value === null ? { name: flag.name, value: '', withoutValue: true as const } : { name: flag.name, value: unmask(flag.value) },
    );
    const value = valueOf(lines, startLine, endLine, logicalEnd, escape, flagList.length);
    const exec = EXEC_FORM.has(keyword) ? parseExecForm(value) : null;
    const heredocs = endLine > logicalEnd ? heredocBodies(lines, startLine, keyword, escape, logicalEnd) : null;
    out.push({
      index: out.length,
      keyword,
      flags: Object.fromEntries(flagList.map((flag) => [flag.name, flag.value])),
      flagList,
      args: (exec ?? argsOf(instruction, logicalEnd)).map(unmask),
      value,
      original: lines.slice(startLine - 1, endLine).join('\n'),
      startLine,
      endLine,
      ...(COMMAND_FORM.has(keyword) ? { form: exec === null ? 'shell' : 'exec' } : {}),
      ...(heredocs && heredocs.length > 0 ? { heredocs } : {}),
    });
  }
  return out;
}

/**
 * The arguments of an instruction not written as a JSON array: `NAME=value` per variable for ARG, ENV
 * and LABEL (quotes and escapes removed, so `ENV A="x y"` is one argument); otherwise the parser's
 * whitespace-split words of the instruction line, without a heredoc body.
 */
function argsOf(instruction: InstructionView, logicalEnd: number): string[] {
  const properties = instruction.properties();
  if (properties !== null) return properties;
  return instruction
    .argumentsWithLines()
    .filter((arg) => arg.line <= logicalEnd)
    .map((arg) => arg.value);
}

function parseExecForm(value: string): string[] | null {
  const text = value.trim();
  if (!text.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The last line of the instruction's own lines, within the file. dockerfile-ast ends a dangling
 * continuation on the line after the last one, and counts trailing comment and blank lines; neither is
 * part of the instruction as a reader sees it.
 */
function endLineOf(instruction: InstructionView, lines: readonly string[]): number {
  const { startLine } = instruction;
  let end = Math.min(instruction.parsedEndLine, lines.length);
  while (end > startLine && isBlankOrComment(lines[end - 1] ?? '')) end--;
  return Math.max(end, startLine);
}
