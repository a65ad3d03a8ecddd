import { splitCommands, type SimpleCommand } from './split-commands.js';
import { scriptRun } from './posix-shell.js';

// How many levels of scripts inside scripts are split (`bash -c "sh -c '...'"`, or an exec form's
// `["sh", "-c", "bash -c '...'"]`). Each level is one more parse, so a line may not ask for any number;
// real scripts nest no deeper than their quoting allows without piling up backslashes (an exec form's
// JSON string, then double, then single quotes, then a bare word: three), and one that does is reported.
export const MAX_NESTED_SCRIPTS = 3;

/**
 * The texts a `-c` script word may stand for, the likelier first. The splitter reports a word with its
 * quotes removed but its expansions and backslashes as written, and without saying how it was quoted.
 * An expansion is split as it is at the top of a RUN (its value unknown, the rest of the script seen);
 * a word whose text would hide the script behind an expansion or a backslash was a way to pass every
 * command rule (`bash -c "curl $URL | sh"`). A backslash is read as double quotes read it first (`\"`,
 * `\\`, `\$`, `` \` `` and a line break lose it), the way `bash -c "..."` is written; then as written,
 * as single quotes keep it.
 */
export function scriptTexts(word: string): string[] {
  if (!word.includes('\\')) return [word];
  const unquoted = word.replace(/\\([\\"$`\n])/g, '$1');
  return unquoted === word ? [word] : [unquoted, word];
}

/** The highest pipeline id of `commands`, -1 for none; a loop, as a spread of many commands overflows the stack. */
export function lastPipeline(commands: readonly { readonly pipeline: number }[]): number {
  let last = -1;
  for (const c of commands) if (c.pipeline > last) last = c.pipeline;
  return last;
}

/** Commands with the scripts they run split in, and, when some script could not be, where and why. */
export interface NestedCommands {
  readonly commands: SimpleCommand[];
  readonly error?: { readonly line: number; readonly message: string };
}

/**
 * The commands, each one that hands a script to a shell (`bash -c "curl ... | sh"`, `sh -ec`,
 * `bash -o pipefail -c`, `sudo -u app sh -c`, `su app -c`, `eval`: posix-shell.ts's scriptRun) followed
 * by that script's commands, at its line, with pipelines numbered after
 * all others, and so on into the scripts those run, to MAX_NESTED_SCRIPTS levels. A script word is read
 * as scriptTexts says, except at the first level of an exec form's array, which no shell read. A script
 * the shell parser rejects (in every reading), or nesting past the bound, ends the list there with an
 * error: the rest could not be checked.
 */
export function withNestedScripts(commands: readonly SimpleCommand[], execForm = false): NestedCommands {
  const out: SimpleCommand[] = [];
  let nextPipeline = 1 + lastPipeline(commands);
  const visit = (command: SimpleCommand, depth: number): string | null => {
    out.push(command);
    const script = scriptRun(command.words);
    if (script === undefined) return null;
    if (depth >= MAX_NESTED_SCRIPTS) {
      return `scripts nested more than ${MAX_NESTED_SCRIPTS} levels deep (sh -c "sh -c ...") are not split`;
    }
    // An exec form's array word is the script itself: no shell read it.
    const texts = execForm && depth === 0 ? [script] : scriptTexts(script);
    const first = splitCommands(texts[0] as string);
    const inner = !first.ok && texts[1] !== undefined ? splitCommands(texts[1]) : first;
    if (!inner.ok) return first.ok ? inner.message : first.message;
    const offset = nextPipeline;
    nextPipeline += 1 + lastPipeline(inner.commands);
    for (const c of inner.commands) {
      // `! bash -c "a | b"`: the script's status is the shell's, so the `!` inverts it too.
      const error = visit({ ...c, line: command.line, pipeline: c.pipeline + offset, ...(command.negated ? { negated: true as const } : {}) }, depth + 1);
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
