import { ModifiableInstruction, PropertyInstruction, type Dockerfile, type Instruction } from 'dockerfile-ast';
import type { DockerfileFlag, DockerfileInstruction } from './input-document.js';
import { isBlankOrComment, logicalLineEnd, valueOf } from './dockerfile-value.js';
import { heredocBodies, MASK, missedHeredocEnd } from './dockerfile-heredocs.js';

// Instructions BuildKit reads as a JSON array when their arguments parse as one (exec form).
const EXEC_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'ADD', 'COPY']);
// Instructions whose form (shell or exec) decides how the command runs.
const COMMAND_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/** An instruction before stages are known: `stage` is filled in by the stage pass. */
export type RawInstruction = Omit<DockerfileInstruction, 'stage'>;

/**
 * Converts dockerfile-ast's instructions to the policy shape, with lines taken from the source so that
 * a heredoc body, comments inside a continuation and the continuation lines all belong to the instruction.
 */
export function toInstructions(ast: Dockerfile, lines: readonly string[]): RawInstruction[] {
  const escape = ast.getEscapeCharacter();
  const out: RawInstruction[] = [];
  let covered = 0;
  for (const instruction of ast.getInstructions()) {
    const startLine = instruction.getRange().start.line + 1;
    // Inside a heredoc body dockerfile-ast did not recognise, or a lone escape character that BuildKit
    // joins to the next line (dockerfile-ast makes it an instruction named after the escape).
    if (startLine <= covered || instruction.getKeyword() === escape) continue;
    const keyword = instruction.getKeyword().toUpperCase();
    const heredoc = hasHeredoc(instruction, lines, startLine);
    const astEnd = endLineOf(instruction, lines, startLine, heredoc);
    const endLine = heredoc ? astEnd : Math.max(astEnd, missedHeredocEnd(lines, startLine, keyword, escape) ?? 0);
    covered = endLine;
    const flagList = flagsOf(instruction);
    const value = valueOf(lines, startLine, endLine, escape, flagList.length);
    const heredocs = endLine > logicalLineEnd(lines, startLine, escape) ? heredocBodies(lines, startLine, keyword, escape) : null;
    out.push({
      index: out.length,
      keyword,
      flags: Object.fromEntries(flagList.map((flag) => [flag.name, flag.value])),
      flagList,
      args: argsOf(instruction, keyword, value, lines, startLine, escape).map(unmask),
      value,
      original: lines.slice(startLine - 1, endLine).join('\n'),
      startLine,
      endLine,
      ...(COMMAND_FORM.has(keyword) ? { form: parseExecForm(value) === null ? 'shell' : 'exec' } : {}),
      ...(heredocs && heredocs.length > 0 ? { heredocs } : {}),
    });
  }
  return out;
}

function flagsOf(instruction: Instruction): DockerfileFlag[] {
  if (!(instruction instanceof ModifiableInstruction)) return [];
  return instruction.getFlags().map((flag) => ({ name: flag.getName(), value: unmask(flag.getValue() ?? '') }));
}

/** Restores the `<<` that were masked before dockerfile-ast parsed the file (see maskFalseHeredocs). */
function unmask(text: string): string {
  return text.includes(MASK) ? text.replaceAll(MASK, '<<') : text;
}

/**
 * The exec-form array when the instruction is written as JSON; `NAME=value` per variable for ARG, ENV and
 * LABEL (quotes and escapes removed, so `ENV A="x y"` is one argument); otherwise the parser's
 * whitespace-split words of the instruction line, without a heredoc body.
 */
function argsOf(
  instruction: Instruction,
  keyword: string,
  value: string,
  lines: readonly string[],
  startLine: number,
  escape: string,
): string[] {
  if (EXEC_FORM.has(keyword)) {
    const exec = parseExecForm(value);
    if (exec !== null) return exec;
  }
  if (instruction instanceof PropertyInstruction) {
    return instruction.getProperties().map((p) => {
      const propertyValue = p.getValue();
      return propertyValue === null ? p.getName() : `${p.getName()}=${propertyValue}`;
    });
  }
  const lastLine = logicalLineEnd(lines, startLine, escape);
  return instruction
    .getArguments()
    .filter((arg) => arg.getRange().start.line + 1 <= lastLine)
    .map((arg) => arg.getValue());
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
 * The last line of the instruction, within the file. dockerfile-ast ends a dangling continuation on the
 * line after the last one, and counts trailing comment and blank lines; neither is part of the
 * instruction as a reader sees it. A heredoc body is kept whole, blank lines included.
 */
function endLineOf(instruction: Instruction, lines: readonly string[], startLine: number, heredoc: boolean): number {
  let end = Math.min(instruction.getRange().end.line + 1, lines.length);
  if (heredoc) return Math.max(end, startLine);
  while (end > startLine && isBlankOrComment(lines[end - 1] ?? '')) end--;
  return Math.max(end, startLine);
}

function hasHeredoc(instruction: Instruction, lines: readonly string[], startLine: number): boolean {
  // Asking dockerfile-ast is costly (it works the arguments out again), and a heredoc opener needs a
  // `<` somewhere in the instruction's text (escapes can split `<<`, so that is what is looked for).
  const lastLine = Math.min(instruction.getRange().end.line + 1, lines.length);
  let less = false;
  for (let n = startLine; n <= lastLine && !less; n++) less = (lines[n - 1] ?? '').includes('<');
  if (!less) return false;
  // getHeredocs is protected in the typings but public at runtime on every instruction.
  // dockerfile-ast throws on some malformed heredoc openers (found by fuzzing); keeping every line of
  // the instruction is the safe reading then.
  try {
    return (instruction as unknown as { getHeredocs(): unknown[] }).getHeredocs().length > 0;
  } catch {
    return true;
  }
}
