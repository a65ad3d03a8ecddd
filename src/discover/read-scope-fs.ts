import { resolve, sep } from 'node:path';
import { firstOfEachRoot, relatedTargetFinder } from './related-target.js';
import { targetFileReader } from './read-target-fs.js';

/** A file the CLI was asked to check, as its reader needs it: the root it must stay inside, and its path there. */
export interface ScopedFile {
  readonly path: string;
  readonly root: string;
  readonly relative: string;
}

/**
 * Where a scan may read files, as plain data: the action's workspace, or the CLI's files with the roots
 * they were found under. Worker threads are given it to build the very reader the main thread uses
 * (`scopedReaders`), so the files a compose file depends on are read where the compose file is checked,
 * under the same refusals and limits, instead of through a round trip to the main thread per file.
 */
export type ReadScope =
  | { readonly workspace: string; readonly maxBytes: number }
  | {
      /** The scanned roots, in the order of the files found under them (see relatedTargetFinder). */
      readonly roots: readonly string[];
      /** The named files that the first root holding them would not place as they were found (usually none). */
      readonly named: readonly ScopedFile[];
      readonly cwd: string;
      readonly maxBytes: number;
    };

/**
 * The CLI's scope: its files' roots, and only those files that need their own entry. Listing every
 * file would give each worker thread a copy of the whole file list (~13 MiB more peak memory over the
 * corpus's 4,898 files), for files the roots already place exactly.
 */
export function cliReadScope(files: readonly ScopedFile[], cwd: string, maxBytes: number): ReadScope {
  const roots = [...firstOfEachRoot(files).values()].map((index) => (files[index] as ScopedFile).root);
  const placed = relatedTargetFinder(roots.map((root) => ({ root })), cwd);
  // Under a single root every file is placed where it was found: its display path leads back to it
  // (on Windows the path found is written with backslashes, the display path with slashes).
  const oneRoot = roots.length === 1 && sep === '/';
  const named = files.filter((file) => {
    if (oneRoot) return false;
    const found = placed(file.path);
    return resolve(found.root) !== resolve(file.root) || found.relative !== file.relative;
  });
  return { roots, named: named.map(({ path, root, relative }) => ({ path, root, relative })), cwd, maxBytes };
}

export interface ScopedReaders {
  /** Reads a file to check, or a file one depends on (`.env`, override, `extends`, `include`). */
  readFile(path: string): Promise<Uint8Array>;
  /** Reads a file a checked file refers to (in the CLI, under the first scanned root that holds it). */
  readRelated(path: string): Promise<Uint8Array>;
}

export function scopedReaders(scope: ReadScope): ScopedReaders {
  if ('workspace' in scope) {
    const read = targetFileReader(scope.workspace, scope.maxBytes);
    return { readFile: read, readRelated: read };
  }
  const named = new Map(scope.named.map((file) => [file.path, file]));
  const relatedTarget = relatedTargetFinder(scope.roots.map((root) => ({ root })), scope.cwd);
  const readers = new Map<string, ReturnType<typeof targetFileReader>>();
  const readUnder = (file: ScopedFile): Promise<Uint8Array> => {
    let read = readers.get(file.root);
    if (!read) readers.set(file.root, (read = targetFileReader(file.root, scope.maxBytes)));
    return read(file.relative);
  };
  // Async, so that a file outside every root is a rejection like any other refusal, never a throw.
  return {
    // A named file stays inside the root it was found under; any other inside the first scanned root that holds it.
    readFile: async (path) => readUnder(named.get(path) ?? relatedTarget(path)),
    readRelated: async (path) => readUnder(relatedTarget(path)),
  };
}
