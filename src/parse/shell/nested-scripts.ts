import { splitCommands, type SimpleCommand } from './split-commands.js';
import { commandStringIndex } from './posix-shell.js';

// How many levels of scripts inside scripts are split (`bash -c "sh -c '...'"`, or an exec form's
// `["sh", "-c", "bash -c '...'"]`). Each level is one more parse, so a line may not ask for any number;
// a literal word cannot nest deeper than its quoting allows without backslashes (an exec form's JSON
// string, then double, then single quotes, then a bare word: three), and one that does is reported.
export const MAX_NESTED_SCRIPTS = 3;

/**
 * Whether a word the splitter reports is the exact text the shell hands on, with nothing left to expand:
 * it holds no `$` or backquote (an expansion is kept as written, so its value is unknown here) and no
 * backslash (one inside double quotes is kept as written, and may or may not be removed). A literal word
 * with those characters (`'echo $HOME'`) is left unsplit as well: too strict, never wrong.
 */
export function isLiteralShellWord(word: string): boolean {
  return !/[$`\\]/.test(word);
}

/** Commands with the scripts they run split in, and, when some script could not be, where and why. */
export interface NestedCommands {
  readonly commands: SimpleCommand[];
  readonly error?: { readonly line: number; readonly message: string };
}

/**
 * The commands, each one that runs a POSIX shell's `-c` script (`bash -c "curl ... | sh"`, `sh -ec`,
 * `bash -o pipefail -c`) followed by that script's commands, at its line, with pipelines numbered after
 * all others, and so on into the scripts those run, to MAX_NESTED_SCRIPTS levels. A script word is split
 * when it is a literal shell word (isLiteralShellWord), or always at the first level when the words are
 * an exec form's array, which no shell expands. A script the shell parser rejects, or nesting past the
 * bound, ends the list there with an error: the rest could not be checked.
 */
export function withNestedScripts(commands: readonly SimpleCommand[], execForm = false): NestedCommands {
  const out: SimpleCommand[] = [];
  let nextPipeline = 1 + Math.max(-1, ...commands.map((c) => c.pipeline));
  const visit = (command: SimpleCommand, depth: number): string | null => {
    out.push(command);
    const index = commandStringIndex(command.words);
    const script = command.words[index];
    if (index < 0 || script === undefined || !((execForm && depth === 0) || isLiteralShellWord(script))) return null;
    if (depth >= MAX_NESTED_SCRIPTS) {
      return `scripts nested more than ${MAX_NESTED_SCRIPTS} levels deep (sh -c "sh -c ...") are not split`;
    }
    const inner = splitCommands(script);
    if (!inner.ok) return inner.message;
    const offset = nextPipeline;
    nextPipeline += 1 + Math.max(-1, ...inner.commands.map((c) => c.pipeline));
    for (const c of inner.commands) {
      const error = visit({ ...c, line: command.line, pipeline: c.pipeline + offset }, depth + 1);
      if (error !== null) return error;
    }
    return null;
  };
  for (const command of commands) {
    const message = visit(command, 0);
    if (message !== null) return { commands: out, error: { line: command.line, message } };
  }
  return { commands: out };
}
