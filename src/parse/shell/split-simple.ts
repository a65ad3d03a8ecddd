import type { Redirect, SimpleCommand } from './split-commands.js';
import { ShellParser } from './shell-compound.js';
import { OUTSIDE } from './shell-words.js';

/** A command of a pipeline: a simple command has words; a compound one, or assignments alone, has none. */
export interface Stage {
  readonly words: string[];
  /** `NAME=value` words before the command (`GIT_SSL_NO_VERIFY=1 git clone`), as the words are given. */
  readonly assignments: string[];
  /** Its redirections other than heredocs and here-strings (a compound command's are not kept). */
  readonly redirects: Redirect[];
  /** Script line of the first assignment or word; 0 while the command has neither. */
  line: number;
  readonly pipeline: Pipeline;
  /** 0-based place in its pipeline, kept as it is made: looking it up in a pipeline of n commands, n times, was quadratic. */
  readonly position: number;
  /** A `!` inverts its status (SimpleCommand.negated). */
  readonly negated: boolean;
}

export interface Pipeline {
  readonly stages: Stage[];
}

/**
 * What the walk of mvdan-sh's tree meets, in its order: pipelines and commands where they start, and
 * slots that put what they hold where the walk meets it rather than where the parser reads it (a
 * redirection's words come after all the words of its command; a heredoc's body, read lines later,
 * right after its redirection).
 */
export type Walked = Pipeline | Stage | Walked[];

/**
 * A fast path for the shell scripts RUN instructions are: lists joined by `&&`, `||`, `;`, `&`, `|`,
 * `|&` and newlines; simple commands with quotes, escapes, `$NAME` / `${NAME…}` expansions, `$(…)`,
 * plain `$((…))`, backquotes, `$'…'`, `<(…)`, assignments (arrays too), declaration builtins,
 * redirections and heredocs; `!`, groups, subshells, `if`, `while`, `until`, `for … in`, `case`,
 * plain `[[ … ]]` tests and function definitions. It is a recursive-descent parser for that subset
 * of mvdan-sh's grammar (shell-words.ts, shell-expressions.ts, shell-lists.ts, shell-compound.ts) and
 * answers `undefined` at the first thing outside it (other arithmetic, `=~`, `time`, `function f`,
 * a syntax error…), so the caller can hand the script to mvdan-sh, which stays the authority on
 * errors and their lines. Its output is identical to mvdan-sh's for every script it accepts; a
 * differential test over the corpus and property tests keep it so.
 */
export function splitSimpleCommands(script: string): SimpleCommand[] | undefined {
  let walked: Walked[];
  try {
    walked = new ShellParser(script).script();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
  return numbered(walked);
}

/** Numbers pipelines first, in walk order, then lone commands, as split-commands.ts does with mvdan-sh's tree. */
function numbered(walked: Walked[]): SimpleCommand[] {
  const met: (Pipeline | Stage)[] = [];
  const flatten = (items: Walked[]): void => {
    for (const item of items) {
      if (Array.isArray(item)) flatten(item);
      else met.push(item);
    }
  };
  flatten(walked);
  const ids = new Map<Pipeline, number>();
  for (const item of met) if ('stages' in item && item.stages.length > 1) ids.set(item, ids.size);
  let lone = ids.size;
  const out: SimpleCommand[] = [];
  for (const item of met) {
    if ('stages' in item || item.words.length === 0) continue;
    const { stages } = item.pipeline;
    const pipeline = ids.get(item.pipeline) ?? lone++;
    const place = { words: item.words, line: item.line, pipeline, position: item.position, pipelineSize: stages.length };
    out.push(withOptional(place, item.negated, item.assignments, item.redirects));
  }
  return out;
}

/** A command's place with its negation, assignments and redirections, each only when it has some, as split-commands.ts writes them. */
export function withOptional(place: SimpleCommand, negated: boolean, assignments: readonly string[], redirects: readonly Redirect[]): SimpleCommand {
  if (!negated && assignments.length === 0 && redirects.length === 0) return place;
  return {
    ...place,
    ...(negated ? { negated: true as const } : {}),
    ...(assignments.length > 0 ? { assignments } : {}),
    ...(redirects.length > 0 ? { redirects } : {}),
  };
}
