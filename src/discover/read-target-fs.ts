import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError } from '../errors.js';
import { isInside, resolveUnder } from './plain-paths.js';

/** A file that may not be read; the pipeline reports it as an error against the path. */
export class RefusedFileError extends UserError {}

/** A file named for checking that is not in the workspace (a dangling link, or the checkout is not the change's head). */
export class MissingFileError extends RefusedFileError {}

/**
 * Reads a workspace file named by a pull request, refusing what a hostile PR could use to make the
 * action read elsewhere or exhaust memory: paths that resolve outside the workspace (through `..` or
 * a symbolic link), anything but a regular file, and files above the size limit.
 */
export async function readTargetFile(workspace: string, path: string, maxBytes: number): Promise<Uint8Array> {
  return targetFileReader(workspace, maxBytes)(path);
}

/**
 * `readTargetFile` for many files of one workspace: the workspace's real path, and the real path of
 * each directory a file is read from, are resolved once per reader rather than once per file (glibc's
 * realpath reads every component of the path, ~20 system calls a file in a deep tree). A reader is
 * meant for one scan, over a checkout that does not change while it runs.
 *
 * The calls are synchronous on purpose: the files are kilobytes, and each asynchronous call is a
 * round trip through libuv's thread pool that costs ~20 times the call itself (four of them per file
 * made reading ~0.5 ms a file, a second over a large repository) and buys no overlap worth having
 * when the file is this small.
 */
export function targetFileReader(workspace: string, maxBytes: number): (path: string) => Promise<Uint8Array> {
  let root: string | undefined;
  const realDirectories = new Map<string, string>();
  const realDirectory = (dir: string): string => {
    let real = realDirectories.get(dir);
    if (real === undefined) {
      real = realpathSync.native(dir);
      realDirectories.set(dir, real);
    }
    return real;
  };
  return async (path) => {
    root ??= realpathSync.native(workspace);
    return readInside(root, path, maxBytes, realDirectory);
  };
}

function readInside(root: string, path: string, maxBytes: number, realDirectory: (dir: string) => string): Uint8Array {
  const requested = resolveUnder(root, path);
  if (!isInside(root, requested)) {
    throw new RefusedFileError(`${path} resolves outside the workspace; it was not read.`);
  }
  let real: string;
  let info: Stats;
  try {
    // Missing files are common (a compose file's optional `.env` and override files are looked for
    // next to every one), and an exception is the costly part of a miss: lstat answers without one.
    const own = lstatSync(requested, { throwIfNoEntry: false });
    if (own === undefined) throw missingFile(path);
    // A link is resolved whole; any other entry is where its directory really is.
    real = own.isSymbolicLink() ? realpathSync.native(requested) : resolveUnder(realDirectory(dirname(requested)), basename(requested));
    info = own.isSymbolicLink() ? statSync(real) : own;
  } catch (thrown) {
    if (thrown instanceof MissingFileError) throw thrown;
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new RefusedFileError(`${path} is a symbolic link loop; it was not read.`);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw missingFile(path);
    throw thrown;
  }
  if (!isInside(root, real)) {
    throw new RefusedFileError(`${path} is a symbolic link to a file outside the workspace; it was not read.`);
  }
  if (!info.isFile()) throw new RefusedFileError(`${path} is not a regular file; it was not read.`);
  if (info.size > maxBytes) {
    throw new RefusedFileError(
      `${path} is ${info.size} bytes, over the ${maxBytes}-byte limit; it was not read. Raise the max-file-size input if the file is legitimate.`,
    );
  }
  return new Uint8Array(readFileSync(real));
}

/**
 * The error for a file that does not exist, without a stack: it is a message for the user (a
 * UserError is never shown with its stack), and capturing one was most of the cost of looking for a
 * compose file's optional related files (~5,000 misses in a scan of 1,400 compose files).
 */
function missingFile(path: string): MissingFileError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new MissingFileError(`${path} does not exist in the workspace (a dangling link, or the checkout is not the pull request's head).`);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
