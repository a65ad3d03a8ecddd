import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

/**
 * Dockerfiles and compose files are kilobytes; the largest in a corpus of 4,000 real ones is under
 * 100 KiB. 2 MiB leaves room for generated files while bounding the memory a hostile PR can claim.
 */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

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
  const root = await realpath(workspace);
  const requested = resolve(root, path);
  if (!isInside(root, requested)) {
    throw new RefusedFileError(`${path} resolves outside the workspace; it was not read.`);
  }
  let real: string;
  try {
    real = await realpath(requested);
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new RefusedFileError(`${path} is a symbolic link loop; it was not read.`);
    if (code === 'ENOENT') throw new MissingFileError(`${path} does not exist in the workspace (a dangling link, or the checkout is not the pull request's head).`);
    throw thrown;
  }
  if (!isInside(root, real)) {
    throw new RefusedFileError(`${path} is a symbolic link to a file outside the workspace; it was not read.`);
  }
  const info = await stat(real);
  if (!info.isFile()) throw new RefusedFileError(`${path} is not a regular file; it was not read.`);
  if (info.size > maxBytes) {
    throw new RefusedFileError(
      `${path} is ${info.size} bytes, over the ${maxBytes}-byte limit; it was not read. Raise the max-file-size input if the file is legitimate.`,
    );
  }
  return new Uint8Array(await readFile(real));
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}
