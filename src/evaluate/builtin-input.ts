import type { DockerfileInstruction, InputDocument } from '../parse/input-document.js';

/**
 * The document as the built-in rules are given it: without what only reports and custom policies
 * read. The module parses its input from JSON on every evaluation, so what it is not given it does
 * not pay for:
 * - the copies of the source text (the file's `lines`, each instruction's `original`): a third of a
 *   Dockerfile's input, ~12% of evaluating the corpus;
 * - a RUN's `args` and `value`, its script as text: the built-in rules read a RUN through its
 *   `commands` (a third of what is left, ~5%);
 * - a compose file's `data` and `files`, the merged model as written: the built-in rules read the
 *   normalised `services` (~1%). Its `interpolated` marks stay: the secret rules name a value set by
 *   a variable as stored in a file rather than literal (policies/lib/compose.rego, value_origin).
 * The built-in results are the same with or without them (a test compares both over corpus files),
 * and custom policies still get the whole document.
 */
export function builtinRuleInput(document: InputDocument): object {
  if (document.kind === 'compose') return { ...document, lines: undefined, data: undefined, files: undefined };
  return { ...document, lines: undefined, instructions: document.instructions.map(ruleView) };
}

function ruleView({ original: _original, ...rest }: DockerfileInstruction): object {
  return rest.keyword === 'RUN' ? { ...rest, args: undefined, value: undefined } : rest;
}
