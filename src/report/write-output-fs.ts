import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';

/** What the runner or the user can do about each way a write fails. */
const OS_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device; free space on the runner (or the volume) or write the file elsewhere',
  EDQUOT: 'the disk quota is used up; free space or write the file elsewhere',
  EACCES: 'permission denied; make the directory writable by the job, or write the file elsewhere',
  EPERM: 'operation not permitted; make the file writable by the job, or write the file elsewhere',
  EROFS: 'the file system is read-only; write the file under the workspace or the runner temp directory',
  EISDIR: 'the path is a directory; name a file',
  ENOTDIR: 'a part of the path is a file, not a directory; fix the path',
  ENAMETOOLONG: 'the path is too long; use a shorter one',
  EIO: 'an I/O error on the device; check the runner\'s disk, then re-run the job',
};

/**
 * A failed write as a user error: the file (what it is and its path), the OS error code and what to do.
 * A report the user asked for that cannot be written fails the run: it must not pass without it.
 */
export function writeFailure(what: string, path: string, thrown: unknown, option: string): UserError {
  const code = (thrown as { code?: unknown } | undefined)?.code;
  const advice = typeof code === 'string' ? OS_ERRORS[code] : undefined;
  const reason =
    typeof code === 'string'
      ? `${code}: ${advice ?? ((thrown as Error).message.replace(/^[A-Z]+: /, '').split(',')[0] ?? 'the write failed')}`
      : thrown instanceof Error
        ? thrown.message
        : String(thrown);
  return new UserError(`Could not write ${what} to ${path} (${reason}). ${option}`);
}

/** Writes a report file, creating its directory (`reports/policy.sarif` needs no step of its own); a failure is a user error. */
export async function writeOutputFile(what: string, path: string, content: string, option: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  } catch (thrown) {
    throw writeFailure(what, path, thrown, option);
  }
}
