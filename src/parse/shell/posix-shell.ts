// POSIX shells, named by their base name wherever they are installed (`/usr/local/bin/bash`,
// `/busybox/sh`): the splitter reads their syntax. `hush` is busybox's other shell.
const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'hush']);
// bash's long options that take the next word as their value (`bash --rcfile f -c ...`).
const LONG_WITH_VALUE = new Set(['--rcfile', '--init-file']);
// env's options that take the next word as their value (`env -u NAME bash`).
const ENV_WITH_VALUE = new Set(['-u', '--unset', '-C', '--chdir']);

/**
 * Index in `words` (an argv) of the POSIX shell it runs: the first word, or the word after `env`
 * (its options and `NAME=value` settings skipped) or `busybox`. -1 when the argv runs no POSIX shell.
 */
export function posixShellIndex(words: readonly string[]): number {
  const program = baseName(words[0] ?? '');
  if (POSIX_SHELLS.has(program)) return 0;
  if (program === 'busybox') return POSIX_SHELLS.has(words[1] ?? '') ? 1 : -1;
  if (program !== 'env') return -1;
  let i = 1;
  while (i < words.length && /^-|=/.test(words[i] ?? '')) i += ENV_WITH_VALUE.has(words[i] ?? '') ? 2 : 1;
  return i < words.length && POSIX_SHELLS.has(baseName(words[i] ?? '')) ? i : -1;
}

/**
 * Index in `words` of the script a POSIX shell runs with `-c`: `sh -c 'script'`, `bash -ec 'script'`,
 * `bash -o pipefail -c 'script'`. -1 when the argv runs no POSIX shell, has no `-c`, or gives it no
 * script.
 */
export function commandStringIndex(words: readonly string[]): number {
  const shell = posixShellIndex(words);
  if (shell < 0) return -1;
  const { operand, command } = readOptions(words, shell);
  return command ? operand : -1;
}

/**
 * Whether the argv is a POSIX shell that reads its script from standard input (`sh`, `bash -e`,
 * `sh -s`): options only, no `-c` and no script file.
 */
export function readsScriptFromStdin(words: readonly string[]): boolean {
  const shell = posixShellIndex(words);
  if (shell < 0) return false;
  const { operand, command } = readOptions(words, shell);
  return operand < 0 && !command;
}

/**
 * The shell's options as it reads them: the index of the first operand (-1 when none) and whether
 * some option group holds `c`. `-o`/`-O` and bash's `--rcfile` take the next word as their value;
 * `--` or `-` ends the options.
 */
function readOptions(words: readonly string[], shell: number): { operand: number; command: boolean } {
  let command = false;
  for (let i = shell + 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--' || word === '-') return { operand: i + 1 < words.length ? i + 1 : -1, command };
    if (word.startsWith('--')) {
      if (LONG_WITH_VALUE.has(word)) i++;
      continue;
    }
    if (!/^[-+]./.test(word)) return { operand: i, command };
    const letters = word.slice(1);
    if (word.startsWith('-') && letters.includes('c')) command = true;
    i += [...letters].filter((l) => l === 'o' || l === 'O').length;
  }
  return { operand: -1, command };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
