import { posix } from 'node:path';
import { isWindowsAbsolute } from './path-forms.js';

/**
 * The host directory a bind source (or a named volume's `device`) reaches, cleaned as a path: `//`, `.`
 * and `..` collapsed, so `/tmp/..` is `/` and `/srv/../var/run` is `/var/run`, whatever the daemon is
 * handed (compose joins a relative source to the project directory and cleans it; the kernel resolves
 * an absolute one's `..`). A relative source is joined to `projectDir` (the main file's directory,
 * relative to the repository) and stays relative to the repository, as `./dir/...`. Where the checkout
 * sits is unknown, so `..` climbing above the repository root is taken to reach `/`: from the root,
 * `../../etc` is `/etc`. A start nothing here knows (`~`, a variable left unset) is kept as the base,
 * and climbing above it likewise reaches `/`. Windows paths are returned as written.
 */
export function cleanHostPath(source: string, projectDir: string): string {
  if (source === '' || isWindowsAbsolute(source) || source.startsWith('\\')) return source;
  if (source.startsWith('/')) return clean('/', source);
  const unknownBase = /^(~[^/]*|\$[^/]*)(.*)$/.exec(source);
  if (unknownBase) return clean(unknownBase[1] as string, unknownBase[2] as string);
  const joined = clean('.', posix.join(projectDir === '' ? '.' : projectDir, source));
  return joined === '.' || joined.startsWith('/') ? joined : `./${joined}`;
}

/** `rest` cleaned below `base` (`/`, `.` or an unknown start); `..` past the base reaches `/`. */
function clean(base: string, rest: string): string {
  const kept: string[] = [];
  let escaped = false;
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') kept.push(part);
    else if (kept.length > 0) kept.pop();
    else escaped = base !== '/';
  }
  if (base === '/' || escaped) return `/${kept.join('/')}`;
  if (kept.length === 0) return base;
  return base === '.' ? kept.join('/') : `${base}/${kept.join('/')}`;
}
