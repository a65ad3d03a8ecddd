import { baseName, programIndex } from './command-runners.js';

// POSIX shells, named by their base name wherever they are installed (`/usr/local/bin/bash`,
// `/busybox/sh`): the splitter reads their syntax. `hush` is busybox's other shell.
const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'hush']);
// bash's long options that take the next word as their value (`bash --rcfile f -c ...`).
const LONG_WITH_VALUE = new Set(['--rcfile', '--init-file']);

/**
 * Index in `words` (an argv) of the POSIX shell it runs: the first word, or the first after the runners
 * in front of it (`env`, `busybox`, `sudo -u app`, `exec`: command-runners.ts). -1 when the argv runs no
 * POSIX shell.
 */
export function posixShellIndex(words: readonly string[]): number {
  const at = programIndex(words);
  return POSIX_SHELLS.has(baseName(words[at] ?? '')) ? at : -1;
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
 * The script an argv hands to a shell, or undefined: a POSIX shell's `-c` script (`bash -ec '...'`),
 * su's `-c` script, which the user's shell runs (`su app -c '...'`), or eval's arguments joined with
 * spaces, as eval joins them (`eval "..."`); behind any runners (`sudo bash -c`, `exec su app -c`).
 */
export function scriptRun(words: readonly string[]): string | undefined {
  const at = programIndex(words);
  const program = baseName(words[at] ?? '');
  if (program === 'eval') {
    const args = words.slice(words[at + 1] === '--' ? at + 2 : at + 1);
    return args.length > 0 ? args.join(' ') : undefined;
  }
  if (program === 'su') return suScript(words, at);
  if (!POSIX_SHELLS.has(program)) return undefined;
  const { operand, command } = readOptions(words, at);
  return command ? words[operand] : undefined;
}

// su's options that take a value (util-linux and busybox); `-c` is the script.
const SU_SHORT_WITH_VALUE = 'cgGsw';
const SU_LONG_WITH_VALUE = new Set(['--command', '--session-command', '--group', '--supp-group', '--shell', '--whitelist-environment']);

/** su's `-c` script: options may follow the user (`su app -c '...'`), as getopt reads them; `--` ends them. */
function suScript(words: readonly string[], at: number): string | undefined {
  for (let i = at + 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--') return undefined;
    if (word.startsWith('--')) {
      const [name, inline] = word.split(/=(.*)/s, 2);
      const isScript = name === '--command' || name === '--session-command';
      if (inline !== undefined) {
        if (isScript) return inline;
      } else if (SU_LONG_WITH_VALUE.has(word)) {
        if (isScript) return words[i + 1];
        i++;
      }
      continue;
    }
    if (!word.startsWith('-') || word === '-') continue; // the user, or `-` for a login shell
    const letters = word.slice(1);
    const valued = [...letters].findIndex((letter) => SU_SHORT_WITH_VALUE.includes(letter));
    if (valued < 0) continue;
    const value = valued < letters.length - 1 ? letters.slice(valued + 1) : words[++i];
    if (letters[valued] === 'c') return value;
  }
  return undefined;
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

