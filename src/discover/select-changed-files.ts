import type { TargetFile } from '../model.js';
import { classifyPath, type FilePatterns } from './file-patterns.js';

/** One entry of GitHub's "list pull request files" answer, reduced to what discovery needs. */
export interface ChangedFileEntry {
  readonly filename: string;
  readonly status: string;
  readonly previous_filename?: string;
}

/**
 * The files of a change that need checking: removed files are dropped (nothing is left to check),
 * renamed files are checked under their new name, and only names matching a pattern are kept.
 * Sorted and de-duplicated so reports are stable.
 */
export function selectChangedFiles(entries: readonly ChangedFileEntry[], patterns: FilePatterns): TargetFile[] {
  const byPath = new Map<string, TargetFile>();
  for (const entry of entries) {
    if (entry.status === 'removed') continue;
    const kind = classifyPath(entry.filename, patterns);
    if (kind) byPath.set(entry.filename, { path: entry.filename, kind });
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Classifies every path of a full listing (a workspace walk), sorted. */
export function selectAllFiles(paths: readonly string[], patterns: FilePatterns): TargetFile[] {
  return selectChangedFiles(
    paths.map((filename) => ({ filename, status: 'added' })),
    patterns,
  );
}
