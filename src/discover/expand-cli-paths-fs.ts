import { statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
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
 * projects' files, found when their directory is walked.
 */
export async function expandCliPaths(
  paths: readonly string[],
  cwd: string,
  patterns: FilePatterns,
  kind: FileKind | undefined,
  composeFiles: ReadonlySet<string> = new Set(),
): Promise<CliTarget[]> {
  const targets = new Map<string, CliTarget>();
  for (const arg of paths) {
    const absolute = resolve(cwd, arg);
    const info = statOrUndefined(absolute);
    if (!info) throw new UserError(`${arg}: no such file or directory.`);
    if (info.isDirectory()) {
      for (const rel of await walkWorkspace(absolute)) {
        const found = classifyPath(rel, patterns) ?? (composeFiles.has(relative(cwd, join(absolute, rel)).split('\\').join('/')) ? 'compose' : undefined);
        if (found) add(targets, cwd, absolute, rel, found);
      }
    } else {
      const found = kind ?? classifyPath(basename(absolute), patterns);
      if (!found) {
        throw new UserError(
          `${arg} is not named like a Dockerfile or a compose file; pass --kind dockerfile or --kind compose to check it anyway.`,
        );
      }
      add(targets, cwd, dirname(absolute), basename(absolute), found);
    }
  }
  return [...targets.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function add(targets: Map<string, CliTarget>, cwd: string, root: string, rel: string, kind: FileKind): void {
  const path = relative(cwd, join(root, rel)).split('\\').join('/');
  targets.set(path, { path, kind, root, relative: rel });
}

/** Synchronous for the reason reads are (see read-target-fs.ts): a command line can name thousands of files. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
