import { statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileKind, TargetFile } from '../model.js';
import { UserError } from '../errors.js';
import { classifyPath, type FilePatterns } from './file-patterns.js';
import { walkWorkspace } from './walk-workspace-fs.js';

/** A file the CLI will check: its display path and where to read it from safely. */
export interface CliTarget extends TargetFile {
  /** The directory the file must stay inside (the directory argument it was found under). */
  readonly root: string;
  /** The path relative to root. */
  readonly relative: string;
}

/**
 * Expands the CLI's path arguments: directories are walked and filtered by the patterns; files are
 * checked as named (by `kind` when given, else by their names). Display paths are relative to `cwd`.
 * `composeFiles` (cwd-relative) are compose files whatever their names: the configured compose
 * projects' files, found when their directory is walked. `whenFound.reached` is called once, as soon as
 * the walks have come upon `whenFound.count` files the patterns match, while they go on (the CLI then
 * starts worker threads, on the core the walk leaves idle).
 */
export async function expandCliPaths(
  paths: readonly string[],
  cwd: string,
  patterns: FilePatterns,
  kind: FileKind | undefined,
  composeFiles: ReadonlySet<string> = new Set(),
  whenFound?: { readonly count: number; readonly reached: () => void },
): Promise<CliTarget[]> {
  const targets = new Map<string, CliTarget>();
  let matched = 0;
  const countOne = (): void => {
    if (whenFound !== undefined && matched < whenFound.count && ++matched === whenFound.count) whenFound.reached();
  };
  const onWalked = (rel: string): void => {
    if (whenFound !== undefined && matched < whenFound.count && classifyPath(rel, patterns)) countOne();
  };
  for (const arg of paths) {
    const absolute = resolve(cwd, arg);
    const info = statOrUndefined(absolute);
    if (!info) throw new UserError(`${arg}: no such file or directory.`);
    if (info.isDirectory()) {
      // The walk's paths are plain names joined by `/` (no `.`, `..` or empty parts), so below the
      // current directory a display path is the directory's own plus the walked path, worked out once
      // rather than by path arithmetic per file. Above it (`scan ..`) a walked path can lead back in.
      const under = displayPath(relative(cwd, absolute));
      const below = !under.startsWith('..') && !isAbsolute(under);
      for (const rel of await walkWorkspace(absolute, onWalked)) {
        const path = !below ? displayPath(relative(cwd, join(absolute, rel))) : under === '' ? displayPath(rel) : `${under}/${displayPath(rel)}`;
        const found = classifyPath(rel, patterns) ?? (composeFiles.has(path) ? 'compose' : undefined);
        if (found) targets.set(path, { path, kind: found, root: absolute, relative: rel });
      }
    } else {
      const found = kind ?? classifyPath(basename(absolute), patterns);
      if (!found) {
        throw new UserError(
          `${arg} is not named like a Dockerfile or a compose file; pass --kind dockerfile or --kind compose to check it anyway.`,
        );
      }
      add(targets, cwd, dirname(absolute), basename(absolute), found);
      countOne();
    }
  }
  return [...targets.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function add(targets: Map<string, CliTarget>, cwd: string, root: string, rel: string, kind: FileKind): void {
  const path = displayPath(relative(cwd, join(root, rel)));
  targets.set(path, { path, kind, root, relative: rel });
}

/**
 * Paths are shown, matched and keyed with forward slashes on every platform. Only Windows separates
 * with backslashes; elsewhere a backslash is part of a name, and turning it into a slash gave
 * `a\b/Dockerfile` the path of `a/b/Dockerfile`, so that one of the two was never checked.
 */
function displayPath(path: string): string {
  return sep === '\\' ? path.split('\\').join('/') : path;
}

/** Synchronous for the reason reads are (see read-target-fs.ts): a command line can name thousands of files. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
