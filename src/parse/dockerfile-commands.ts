import type { DockerfileInstruction, DockerfileStage, ShellCommand } from './input-document.js';
import { heredocBodies, type HeredocBody } from './dockerfile-heredocs.js';
import { isBlankOrComment, logicalLineEnd } from './dockerfile-value.js';
import { splitCommands, type SimpleCommand } from './shell/split-commands.js';
import { MAX_COMMANDS, ShellScriptTooLargeError, tooManyCommands } from './shell/shell-limits.js';
import { posixShellIndex, readsScriptFromStdin } from './shell/posix-shell.js';
import { programIndex } from './shell/command-runners.js';
import { lastPipeline, withNestedScripts } from './shell/nested-scripts.js';
import { ParseError } from './parse-error.js';
import { patternPerCount } from './pattern-per-count.js';

// Windows base images (`windows/servercore`, `*-nanoserver-ltsc2022`) run RUN with cmd, not a POSIX
// shell; the same test is policies/lib/dockerfile.rego `windows_image`.
const WINDOWS_IMAGE = /(?:^|[/:._-])(?:nanoserver|windowsservercore|servercore|windows)(?:[/:._-]|$)/i;
// BuildKit's default shell on Windows is `cmd /S /C` (dockerfile2llb defaultShell).
const WINDOWS_SHELL = 'cmd';
const HEREDOC_MARKER = /(?:^|\s)\d*<<-?(["']?)[A-Za-z0-9_.-]+\1/g;

/** What the shell pass adds to a RUN instruction. */
export interface RunExtras {
  readonly commands?: ShellCommand[];
  readonly shellError?: { readonly line: number; readonly message: string };
  readonly foreignShell?: string;
}

/**
 * Splits every shell-form RUN into simple commands with file lines, when the stage's shell is POSIX
 * (sh, bash, ... by base name, wherever installed); under any other shell (a SHELL of powershell or
 * cmd, a Windows base image's cmd) the RUN records that shell instead, so the gate can say its
 * commands went unchecked. SHELL carries over to stages built `FROM` an earlier stage, as the image
 * config does.
 */
export function addCommands(
  path: string,
  instructions: readonly DockerfileInstruction[],
  stages: readonly DockerfileStage[],
  lines: readonly string[],
  escape: string,
): DockerfileInstruction[] {
  // Per stage, the shell that runs shell-form RUN when it is not POSIX; null when it is.
  const foreignByStage: (string | null)[] = [];
  const out: DockerfileInstruction[] = [];
  let commandCount = 0;
  const checked = (instruction: DockerfileInstruction, split: () => RunExtras): DockerfileInstruction => {
    let extras: RunExtras;
    try {
      extras = split();
    } catch (error) {
      if (!(error instanceof ShellScriptTooLargeError)) throw error;
      throw new ParseError(path, instruction.startLine, `this RUN cannot be split into commands: ${error.message}.`);
    }
    commandCount += extras.commands?.length ?? 0;
    if (commandCount > MAX_COMMANDS) {
      throw new ParseError(path, instruction.startLine, `${tooManyCommands("the file's RUN instructions up to this one run").message}.`);
    }
    return { ...instruction, ...extras };
  };
  for (const instruction of instructions) {
    const stage = stages[instruction.stage];
    if (instruction.keyword === 'FROM' && stage) {
      foreignByStage[stage.index] =
        stage.baseStage === null ? (isWindowsImage(stage) ? WINDOWS_SHELL : null) : (foreignByStage[stage.baseStage] ?? null);
    }
    if (instruction.keyword === 'SHELL' && stage) {
      foreignByStage[stage.index] = foreignShell(instruction.args);
    }
    const foreign = stage ? (foreignByStage[stage.index] ?? null) : null;
    if (instruction.keyword === 'RUN' && instruction.form === 'exec') {
      out.push(checked(instruction, () => execCommands(instruction)));
      continue;
    }
    if (instruction.keyword !== 'RUN' || instruction.form !== 'shell') {
      out.push(instruction);
      continue;
    }
    if (foreign !== null) {
      out.push({ ...instruction, foreignShell: foreign });
      continue;
    }
    out.push(checked(instruction, () => runCommands(instruction, lines, escape)));
  }
  return out;
}

/**
 * Exec form runs its array as is, without SHELL: one command, whose words are the array. When that
 * command is a POSIX shell given a script with `-c` (`["sh", "-c", "curl ... | sh"]`), the script's
 * commands follow it, split as a shell-form RUN's are (scripts they run in turn too). A JSON string has
 * no source lines of its own, so they all carry the RUN's first line.
 */
function execCommands(instruction: DockerfileInstruction): RunExtras {
  const words = instruction.args;
  const line = instruction.startLine;
  if (words.length === 0) return { commands: [] };
  const nested = withNestedScripts([{ words, line, pipeline: 0, position: 0, pipelineSize: 1 }], true);
  const commands = nested.commands.map((c) => located(c, (n) => n, 0));
  return nested.error ? { commands, shellError: nested.error } : { commands };
}

/** The SHELL's program when it is not a POSIX shell the splitter reads, else null. */
function foreignShell(args: readonly string[]): string | null {
  if (posixShellIndex(args) >= 0) return null;
  return args[0] ?? '';
}

function isWindowsImage(stage: DockerfileStage): boolean {
  return stage.image !== null && WINDOWS_IMAGE.test(`${stage.image.repository}:${stage.image.tag ?? ''}`);
}

function runCommands(instruction: DockerfileInstruction, lines: readonly string[], escape: string): RunExtras {
  const { script, lineMap } = scriptOf(instruction, lines, escape);
  const commands: ShellCommand[] = [];
  const toFileLine = (n: number) => lineMap[n - 1] ?? instruction.startLine;
  const split = splitCommands(script);
  if (!split.ok) return { commands, shellError: { line: toFileLine(split.line), message: split.message } };
  // `bash -c "curl ... | sh"`: the script a command hands to a shell is split too, at that command's line.
  const outer = withNestedScripts(split.commands);
  for (const c of outer.commands) commands.push(located(c, toFileLine, 0));
  if (outer.error) return { commands, shellError: { line: toFileLine(outer.error.line), message: outer.error.message } };
  const bodies = heredocBodies(lines, instruction.startLine, 'RUN', escape) ?? [];
  const firstLine = instruction.value.split('\n')[0] ?? '';
  const script0 = bodies[0];
  if (script0 && handsHeredocToShell(firstLine) && !isForeignShebang(script0)) {
    const toBodyLine = (n: number) => script0.startLine + n - 1;
    const split = splitCommands(script0.body);
    if (!split.ok) return { commands, shellError: { line: toBodyLine(split.line), message: split.message } };
    const inner = withNestedScripts(split.commands);
    const offset = 1 + lastPipeline(commands);
    for (const c of inner.commands) commands.push(located(c, toBodyLine, offset));
    if (inner.error) return { commands, shellError: { line: toBodyLine(inner.error.line), message: inner.error.message } };
  }
  return { commands };
}

function located(command: SimpleCommand, toFileLine: (line: number) => number, pipelineOffset: number): ShellCommand {
  const place = { ...command, line: toFileLine(command.line), pipeline: command.pipeline + pipelineOffset };
  // Written only when a runner stands first: most commands have none, and every field is input to parse.
  const at = programIndex(command.words);
  return at > 0 ? { ...place, programIndex: at } : place;
}

/**
 * A RUN line that hands its heredoc to the shell (`RUN <<EOF`) or to a POSIX shell reading standard
 * input (`RUN bash -e <<EOF`): the body is the script.
 */
function handsHeredocToShell(firstLine: string): boolean {
  const words = firstLine.replace(HEREDOC_MARKER, ' ').trim().split(/\s+/).filter((w) => w !== '');
  return words.length === 0 || readsScriptFromStdin(words);
}

/** A heredoc script starting `#!` with an interpreter other than a POSIX shell runs that interpreter. */
function isForeignShebang(body: HeredocBody): boolean {
  const first = body.body.split('\n')[0] ?? '';
  if (!first.startsWith('#!')) return false;
  return posixShellIndex(first.slice(2).trim().split(/\s+/)) < 0;
}

/**
 * The RUN's shell script with a map from script line to file line: the instruction's lines with the
 * keyword and flags blanked out, comment and blank lines inside the continuation dropped (BuildKit drops
 * them), then any heredoc bodies verbatim, as the shell reads them.
 */
function scriptOf(
  instruction: DockerfileInstruction,
  lines: readonly string[],
  escape: string,
): { script: string; lineMap: number[] } {
  const last = logicalLineEnd(lines, instruction.startLine, escape);
  const kept: string[] = [];
  const lineMap: number[] = [];
  for (let line = instruction.startLine; line <= instruction.endLine; line++) {
    let text = lines[line - 1] ?? '';
    if (line > instruction.startLine && line <= last && isBlankOrComment(text)) continue;
    // BuildKit continues a line whose escape is followed only by spaces (`\ ` at the end); the
    // shell would read that as an escaped space, so the continuation is rewritten as `\` alone.
    if (line < last && text.trimEnd().endsWith(escape)) {
      text = `${text.trimEnd().slice(0, -escape.length)}\\`;
    }
    kept.push(text);
    lineMap.push(line);
  }
  const joined = kept.join('\n');
  const flagCount = instruction.flagList?.length ?? Object.keys(instruction.flags).length;
  const prefix = keywordAndFlags(flagCount).exec(joined)?.[0] ?? '';
  const script = prefix.replace(/[^\n]/g, ' ') + joined.slice(prefix.length);
  return { script, lineMap };
}

/** A keyword and `count` flags, each after blanks or line continuations. */
const keywordAndFlags = patternPerCount((count) => new RegExp(`^\\s*\\S+(?:(?:\\s|\\\\\\n)+--\\S*){${count}}`));
