import { dirname, resolve } from 'node:path';
import { RefusedFileError } from './read-target-fs.js';
import { isPlainRelative, relativeBelow, resolveUnder } from './plain-paths.js';

/** Each distinct root (resolved), in order of first use, with the position of the first item under it. */
export function firstOfEachRoot(items: readonly { readonly root: string }[]): Map<string, number> {
  const first = new Map<string, number>();
  let previous: string | undefined; // a walked directory's files share their root: resolved once
  items.forEach((item, index) => {
    if (item.root === previous) return;
    previous = item.root;
    const root = resolve(item.root);
    if (!first.has(root)) first.set(root, index);
  });
  return first;
}

/**
 * Places a file a target refers to (a compose file's `.env`, override, `extends` file) under a scanned
 * root: it belongs under the root of the first target (in the targets' order) whose
 * root holds it. The roots are indexed once and a file's ancestors looked up, rather than every target
 * tried per file: files named one by one on the command line each bring their directory as a root, and
 * a compose project reads a few related files, so trying every target was quadratic (1,430 compose
 * files named on the command line: 7 s of path arithmetic).
 */
export function relatedTargetFinder<T extends { readonly root: string }>(targets: readonly T[], cwd: string): (path: string) => T & { path: string; relative: string } {
  const firstByRoot = firstOfEachRoot(targets);
  // The first root holding each directory, once per directory: a compose project asks for several
  // files of one directory (its .env, overrides), and its neighbours share most ancestors.
  const firstHolding = new Map<string, number | undefined>();
  const firstRootHolding = (directory: string): number | undefined => {
    const unknown: string[] = [];
    let dir = directory;
    while (!firstHolding.has(dir)) {
      unknown.push(dir);
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    // Down from the highest: each directory's answer is its own root's position or its parent's, the lower.
    let first = firstHolding.get(dir);
    for (let k = unknown.length - 1; k >= 0; k--) {
      const own = firstByRoot.get(unknown[k] as string);
      if (own !== undefined && (first === undefined || own < first)) first = own;
      firstHolding.set(unknown[k] as string, first);
    }
    return first;
  };
  const resolvedRoots = new Map([...firstByRoot].map(([root, index]) => [index, root]));
  const absoluteOf = absolutePaths(cwd);
  return (path) => {
    const absolute = absoluteOf(path);
    // The roots that hold the file are its ancestors (the file itself is no root of its own).
    const first = firstRootHolding(dirname(absolute));
    const target = first === undefined ? undefined : targets[first];
    if (target === undefined) throw new RefusedFileError(`${path} is outside the paths given to scan; it was not read.`);
    return { ...target, path, relative: relativeBelow(resolvedRoots.get(first as number) as string, absolute) };
  };
}

/**
 * `resolve(cwd, path)`, with each directory part resolved once: a compose project's related files are
 * asked for by name beside it, so most asks share the directory of the one before.
 */
function absolutePaths(cwd: string): (path: string) => string {
  const directories = new Map<string, string>();
  return (path) => {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    if (!isPlainRelative(name)) return resolve(cwd, path);
    const part = slash < 0 ? '' : slash === 0 ? '/' : path.slice(0, slash);
    let directory = directories.get(part);
    if (directory === undefined) directories.set(part, (directory = resolve(cwd, part)));
    return resolveUnder(directory, name);
  };
}
