import type { DockerfileInstruction, DockerfileStage } from './input-document.js';
import { globalArgValues } from './dockerfile-stages.js';
import { substituteArgs, type ArgValues } from './substitute-args.js';
import { expandWord } from './dockerfile-word.js';

/** A stage's variables: a value, or undefined when it is only known at build time. */
type Variables = Map<string, string | undefined>;

// BuildKit's USER takes exactly one argument, split at these blanks (parser.go, reWhitespace).
const BLANKS = /[\t\v\f\r ]+/;

/**
 * Adds `user` to each USER instruction: its word expanded as BuildKit expands it when no `--build-arg` is
 * given, with the ARG defaults and ENV values in scope in its stage and the stages it is built from
 * (BuildKit carries both in the build state), a bare `ARG NAME` taking the global ARG's default. See
 * userOf for words that depend on values the Dockerfile does not give.
 */
export function resolveUsers(
  instructions: readonly DockerfileInstruction[],
  stages: readonly DockerfileStage[],
  escape: string,
): DockerfileInstruction[] {
  const globals = globalArgValues(instructions.filter((i) => i.stage < 0), escape);
  const atEnd: Variables[] = [];
  let variables: Variables = new Map();
  return instructions.map((instruction) => {
    if (instruction.stage < 0) return instruction;
    if (instruction.keyword === 'FROM') {
      const base = stages[instruction.stage]?.baseStage ?? null;
      variables = new Map(base === null ? [] : atEnd[base]);
      atEnd[instruction.stage] = variables;
      return instruction;
    }
    if (instruction.keyword === 'ARG') declareArgs(instruction.args, variables, globals, escape);
    if (instruction.keyword === 'ENV') setEnv(instruction.args, variables, escape);
    if (instruction.keyword !== 'USER') return instruction;
    const word = instruction.value.trim().split(BLANKS)[0] ?? '';
    return { ...instruction, user: userOf(word, variables, escape) };
  });
}

/**
 * The user a USER word sets. A variable this Dockerfile never sets in scope can only come from the
 * base image's environment (the .NET images set APP_UID, Jupyter's NB_UID): where the word is empty
 * without it, the build needs the base image to set it, so the word is kept as written, as it was
 * judged before variables were expanded; where it still has a value (`${RUNAS:-root}`), that value is
 * what a base image without the variable gives, and is judged. An ARG without a default is set by
 * `--build-arg`, unknown before the build: null.
 */
function userOf(word: string, variables: Variables, escape: string): string | null {
  const expanded = expandWord(word, (name) => variables.get(name), escape);
  if (!expanded.unresolved) return expanded.value;
  const withoutBaseImage = expandWord(word, (name) => (variables.has(name) ? variables.get(name) : ''), escape);
  if (withoutBaseImage.unresolved) return null;
  // `$NB_UID:$NB_GID` is `:` without them: no user name, so the base image must give it.
  return withoutBaseImage.value.split(':')[0] === '' ? word : withoutBaseImage.value;
}

/** The variables as a scope where no name is certainly unset: one the Dockerfile does not set may come from the base image. */
function scope(variables: Variables): ArgValues {
  return { get: (name) => variables.get(name), has: () => true };
}

function declareArgs(args: readonly string[], variables: Variables, globals: ArgValues, escape: string): void {
  for (const declaration of args) {
    const eq = declaration.indexOf('=');
    if (eq < 0) {
      // Without a default the value is a --build-arg's, or the global ARG's default when there is one.
      variables.set(declaration, globals.get(declaration));
      continue;
    }
    const expanded = substituteArgs(declaration.slice(eq + 1), scope(variables), escape);
    variables.set(declaration.slice(0, eq), expanded.unresolved ? undefined : expanded.value);
  }
}

/** ENV expands all its values with the variables as they were before it, then sets them. */
function setEnv(args: readonly string[], variables: Variables, escape: string): void {
  const before = scope(variables);
  const values = args.map((pair): [string, string | undefined] => {
    const eq = pair.indexOf('=');
    if (eq < 0) return [pair, undefined];
    const expanded = substituteArgs(pair.slice(eq + 1), before, escape);
    return [pair.slice(0, eq), expanded.unresolved ? undefined : expanded.value];
  });
  for (const [name, value] of values) variables.set(name, value);
}
