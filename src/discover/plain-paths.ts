import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Path arithmetic for the reads of a scan, without `node:path`'s normalisation where it has nothing to
 * do. A compose file asks for up to seven related files (its `.env`, the names compose prefers, its
 * override files), and each ask went through ~9 `resolve`/`relative` calls that normalise both paths
 * again: ~10% of the CPU of a scan of the corpus's compose files. The answers are `node:path`'s own
 * (a property test compares them on generated paths); the shortcuts apply only on POSIX, where a path
 * is compared byte for byte, and only to paths already normal.
 */

/**
 * True when `path` is relative and normal: no empty, `.` or `..` parts, so that it names a file below
 * whatever directory it is joined to.
 */
export function isPlainRelative(path: string): boolean {
  if (path === '' || path.charCodeAt(0) === 47 /* / */ || path.charCodeAt(path.length - 1) === 47) return false;
  let start = 0;
  for (;;) {
    const end = path.indexOf('/', start);
    const length = (end < 0 ? path.length : end) - start;
    if (length === 0) return false;
    if (path.charCodeAt(start) === 46 /* . */ && (length === 1 || (length === 2 && path.charCodeAt(start + 1) === 46))) return false;
    if (end < 0) return true;
    start = end + 1;
  }
}

/** `resolve(directory, path)`, where `directory` is absolute and normal (a real path, or one `resolve` gave). */
export function resolveUnder(directory: string, path: string): string {
  if (sep !== '/' || !isPlainRelative(path)) return resolve(directory, path);
  return directory === '/' ? `/${path}` : `${directory}/${path}`;
}

/**
 * `relative(root, candidate)` when both are absolute and normal and `candidate` is `root` or below it;
 * otherwise `node:path`'s own answer.
 */
export function relativeBelow(root: string, candidate: string): string {
  if (sep === '/') {
    if (candidate === root) return '';
    const prefix = root === '/' ? '/' : `${root}/`;
    if (candidate.startsWith(prefix)) return candidate.slice(prefix.length);
  }
  return relative(root, candidate);
}

/** Whether `candidate` is `root` or below it; both absolute and normal, as a real path is. */
export function isInside(root: string, candidate: string): boolean {
  if (sep === '/' && (candidate === root || candidate.startsWith(root === '/' ? '/' : `${root}/`))) return true;
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}
