import type { ComposeServicePath, Sited } from '../input-document.js';
import { isSeqTree, toData, type Tree } from './tree.js';

/**
 * Splits a command string into words as compose does for the string forms of `command` and
 * `entrypoint` (POSIX-shell quoting: single quotes literal, double quotes with backslash escapes,
 * a backslash outside quotes escaping the next character). No expansion happens: the words go to
 * the daemon as written.
 */
export function splitShellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] as string)) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  // An unterminated quote: compose refuses the file, and so does the caller.
  if (quote !== null) return undefined;
  if (inWord) words.push(word);
  return words;
}

/**
 * The most words the services of a project may run in all: their commands, entrypoints and
 * healthcheck tests. Each word is an object the policy is given and judges, and the Wasm runtime frees
 * nothing until a file is done, so one command string of 900,000 words took minutes and 3 GB. The
 * corpus's longest is 31 words; the bound is that of a Dockerfile's shell commands.
 */
export const MAX_COMMAND_WORDS = 20_000;

/** Words the project's services may still run (MAX_COMMAND_WORDS), spent as each service is read. */
export interface WordBudget {
  left: number;
}

/** Takes `count` words from the budget, or refuses the project at `tree`. */
export function spendWords(budget: WordBudget, count: number, tree: Tree, fail: (tree: Tree, message: string) => never): void {
  budget.left -= count;
  if (budget.left < 0) {
    fail(
      tree,
      `the services' commands, entrypoints and healthcheck tests hold more than ${MAX_COMMAND_WORDS} words in all, where real ones hold a few dozen each. Shorten them (a script in the image, run by name), or split the project.`,
    );
  }
}

/**
 * A service's `command` or `entrypoint` as the words the container runs, each with the data path of
 * what wrote it: a list item by item, a string (split as above) all at the string. compose refuses a
 * string with an unterminated quote and anything but a string or a list, and so does this.
 */
export function commandWords(
  tree: Tree | undefined,
  path: ComposeServicePath,
  budget: WordBudget,
  fail: (tree: Tree, message: string) => never,
): Sited<{ word: string }>[] {
  if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) return [];
  const field = String(path[path.length - 1]);
  if (isSeqTree(tree)) {
    spendWords(budget, tree.items.length, tree, fail);
    return tree.items.map((item, i) => ({ word: String(toData(item)), path: [...path, i] }));
  }
  if (tree.kind !== 'scalar') return fail(tree, `\`${field}\` must be a string or a list of strings.`);
  const words = splitShellWords(String(tree.value));
  if (words === undefined) return fail(tree, `the ${field} has an unterminated quote, which docker compose refuses; close it.`);
  spendWords(budget, words.length, tree, fail);
  return words.map((word) => ({ word, path }));
}
