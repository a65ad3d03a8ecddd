import type { ChangedFileEntry } from '../discover/select-changed-files.js';

/** `git diff --name-status` letters in GitHub's words, so both sources of a change list read the same. */
const STATUS: Readonly<Record<string, string>> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  T: 'changed',
  R: 'renamed',
  C: 'copied',
  U: 'modified',
};

/**
 * Parses `git diff --name-status -z` output: `X\0path\0` per entry, or `R100\0old\0new\0` for renames
 * and copies. NUL separation means no path quoting to undo, whatever the file names hold.
 */
export function parseNameStatus(output: string): ChangedFileEntry[] {
  const fields = (output.endsWith('\0') ? output.slice(0, -1) : output).split('\0');
  if (output === '') return [];
  const entries: ChangedFileEntry[] = [];
  let i = 0;
  while (i < fields.length) {
    const code = fields[i++] ?? '';
    if (code === '') continue;
    const letter = code[0] as string;
    const status = STATUS[letter];
    if (!status) throw new Error(`Unexpected status "${code}" in git diff output.`);
    if (letter === 'R' || letter === 'C') {
      const from = fields[i++];
      const to = fields[i++];
      if (from === undefined || to === undefined) throw new Error('Truncated rename in git diff output.');
      entries.push({ filename: to, status, previous_filename: from });
    } else {
      const path = fields[i++];
      if (path === undefined) throw new Error('Truncated entry in git diff output.');
      entries.push({ filename: path, status });
    }
  }
  return entries;
}
