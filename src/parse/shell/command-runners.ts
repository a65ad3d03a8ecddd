// Programs that run the rest of their argv as another command: `sudo -u app apt-get install`,
// `exec sh -c '...'`, `timeout 60 curl ...`, `gosu app sh -c '...'`. The command rules are about the
// program that actually runs, and a runner in front of it must not hide it from them.

interface Runner {
  /** Short option letters that take a value: the rest of their word, or else the next word. */
  readonly shortWithValue: string;
  /** Long options that take the next word as their value (`--user app`; `--user=app` is one word). */
  readonly longWithValue: ReadonlySet<string>;
  /** Operands read before the command: timeout's duration, chroot's root, gosu's user. */
  readonly operands: number;
  /** `NAME=value` words before the command set variables (env), and a lone `-` is an option. */
  readonly settings?: boolean;
}

const runner = (shortWithValue: string, longWithValue: string[] = [], operands = 0, settings = false): Runner => ({
  shortWithValue,
  longWithValue: new Set(longWithValue),
  operands,
  settings,
});

// Options as their manuals give them (sudo 1.9, doas, GNU coreutils, util-linux, busybox, gosu, su-exec).
const RUNNERS: ReadonlyMap<string, Runner> = new Map([
  ['sudo', runner('CDgprRtTUu', ['--close-from', '--chdir', '--group', '--prompt', '--chroot', '--role', '--type', '--command-timeout', '--other-user', '--user', '--host'])],
  ['doas', runner('Cu')],
  ['env', runner('CuS', ['--chdir', '--unset', '--split-string'], 0, true)],
  ['exec', runner('a')],
  ['nohup', runner('')],
  ['nice', runner('n', ['--adjustment'])],
  ['setsid', runner('')],
  ['time', runner('')],
  ['timeout', runner('ks', ['--kill-after', '--signal'], 1)],
  ['stdbuf', runner('eio', ['--input', '--output', '--error'])],
  ['chroot', runner('', [], 1)],
  ['gosu', runner('', [], 1)],
  ['su-exec', runner('', [], 1)],
  ['busybox', runner('')],
]);

// Runners in front of runners (`sudo env X=1 nice sh`): a line may not make this walk any number of them.
const MAX_RUNNERS = 8;

/**
 * Index in `words` (an argv) of the program that runs: the first word, or the first after the runners
 * in front of it with their options, settings and operands. A runner given no command (`sudo -l`) is
 * itself the program.
 */
export function programIndex(words: readonly string[]): number {
  let at = 0;
  for (let hops = 0; hops < MAX_RUNNERS; hops++) {
    const runs = RUNNERS.get(baseName(words[at] ?? ''));
    if (runs === undefined) return at;
    const next = commandAfter(words, at, runs);
    if (next >= words.length) return at;
    at = next;
  }
  return at;
}

/** The index of the command after the runner at `at`: past its options, settings and operands. */
function commandAfter(words: readonly string[], at: number, runs: Runner): number {
  let i = at + 1;
  while (i < words.length) {
    const word = words[i] as string;
    if (word === '--') {
      i++;
      break;
    }
    if (runs.settings && (word === '-' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word))) {
      i++;
      continue;
    }
    if (!word.startsWith('-') || word === '-') break;
    if (word.startsWith('--')) {
      i += runs.longWithValue.has(word) ? 2 : 1;
      continue;
    }
    // A group of letters: the first that takes a value takes the rest of the word, else the next word.
    const letters = word.slice(1);
    const valued = [...letters].findIndex((letter) => runs.shortWithValue.includes(letter));
    i += valued === letters.length - 1 ? 2 : 1;
  }
  return i + runs.operands;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
