import { posix } from 'node:path';
import type { DecodedText } from '../decode-text.js';
import { ParseError } from '../parse-error.js';
import { isWindowsAbsolute } from './path-forms.js';

/**
 * A related file as the project loader sees it: its text, `null` when it does not exist (fine for an
 * optional `.env` or override file), or the reason it was refused (outside the workspace, a symlink out,
 * too large): reading is the pipeline's job, done through its guarded `readFile`.
 */
export type RelatedFile = DecodedText | null | Error;

/** The files read so far; `undefined` means not read yet. */
export type RelatedFiles = (path: string) => RelatedFile | undefined;

/** Thrown by the pure loader when it needs a file that has not been read yet; the async wrapper reads it and retries. */
export class NeedsFile extends Error {
  constructor(readonly path: string) {
    super(`needs ${path}`);
  }
}

/**
 * The path of `ref` written in `from` (a compose file), as `from` is named (workspace-relative; in the
 * CLI, relative to the current directory), refusing what would leave the workspace before anything is
 * read: absolute paths, `~`, and `..` past the root.
 */
export function resolveRelated(from: string, ref: string, line: number, what: string): string {
  if (ref.trim() === '') throw new ParseError(from, line, `${what} names an empty path.`);
  if (/^[a-z][a-z0-9+.-]+:/i.test(ref) && !isWindowsAbsolute(ref)) {
    throw new ParseError(from, line, `${what} "${ref}" is a remote resource (git, OCI or another loader); it is not fetched when checking a pull request. Vendor the file into the repository to have it checked.`);
  }
  if (posix.isAbsolute(ref) || isWindowsAbsolute(ref) || ref.startsWith('~')) {
    throw new ParseError(from, line, `${what} "${ref}" is outside the workspace; it was not read. Use a path relative to this file, inside the repository.`);
  }
  // On Linux docker compose reads a backslash as part of a name, on Windows as a separator: which file
  // `a\\b.env` names depends on where it runs, so this check cannot know which one to read.
  if (ref.includes('\\')) {
    throw new ParseError(
      from,
      line,
      `${what} "${ref}" holds a backslash, which docker compose reads as part of a file name on Linux and as a separator on Windows. Write the path with forward slashes.`,
    );
  }
  const dir = posix.normalize(posix.dirname(from));
  const path = posix.normalize(posix.join(dir, ref));
  // A path that climbs higher than the file's own directory starts leaves the workspace. The CLI names
  // the files of `scan ../repo` as `../repo/compose.yaml`: their leading `..` says where they are, it is
  // not a climb (and the scan's reader still keeps every read inside the directory given to scan).
  if (parentSteps(path) > parentSteps(dir)) {
    throw new ParseError(from, line, `${what} "${ref}" resolves outside the workspace; it was not read. Use a path inside the repository.`);
  }
  return path;
}

/** How many `..` a normalised path starts with. */
function parentSteps(path: string): number {
  const parts = path.split('/');
  let steps = 0;
  while (parts[steps] === '..') steps++;
  return steps;
}

/** The file's text, or a ParseError at the referencing line when it is missing or was refused. */
export function requireFile(files: RelatedFiles, path: string, from: string, line: number, what: string): DecodedText {
  const file = files(path);
  if (file === undefined) throw new NeedsFile(path);
  if (file === null) throw new ParseError(from, line, `${what} "${path}" does not exist. Fix the path, or add the file.`);
  if (file instanceof Error) throw new ParseError(from, line, `${what} "${path}" could not be read: ${file.message}`);
  return file;
}

/** The file's text, `null` when it does not exist; a refusal is still an error (fail closed). */
export function optionalFile(files: RelatedFiles, path: string, from: string): DecodedText | null {
  const file = files(path);
  if (file === undefined) throw new NeedsFile(path);
  if (file instanceof Error) throw new ParseError(from, undefined, `"${path}" could not be read: ${file.message}`);
  return file;
}
