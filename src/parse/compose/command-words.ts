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
 * A service's `command` or `entrypoint` as the words the container runs, each with the data path of
 * what wrote it: a list item by item, a string (split as above) all at the string. compose refuses a
 * string with an unterminated quote and anything but a string or a list, and so does this.
 */
export function commandWords(
  tree: Tree | undefined,
  path: ComposeServicePath,
  fail: (tree: Tree, message: string) => never,
): Sited<{ word: string }>[] {
  if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) return [];
  const field = String(path[path.length - 1]);
  if (isSeqTree(tree)) return tree.items.map((item, i) => ({ word: String(toData(item)), path: [...path, i] }));
  if (tree.kind !== 'scalar') return fail(tree, `\`${field}\` must be a string or a list of strings.`);
  const words = splitShellWords(String(tree.value));
  if (words === undefined) return fail(tree, `the ${field} has an unterminated quote, which docker compose refuses; close it.`);
  return words.map((word) => ({ word, path }));
}
