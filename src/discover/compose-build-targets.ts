import type { CheckError, TargetFile } from '../model.js';
import { findNamedDockerfiles, type NamedDockerfile } from './compose-build-refs.js';
import { classifyPath, type FilePatterns } from './file-patterns.js';

/** What deciding needs to know about a named Dockerfile's path; the action and the CLI each answer for their own scope. */
export interface BuildFileScope {
  readonly patterns: FilePatterns;
  /** Why the path cannot be read (outside the workspace, or the paths given to scan), or undefined when it can. */
  outside(path: string): string | undefined;
  exists(path: string): boolean;
  /** Whether the user's include and exclude patterns keep the path. */
  inScope(path: string): boolean;
}

export interface BuildTargets {
  readonly files: TargetFile[];
  readonly notices: string[];
  readonly errors: CheckError[];
}

/**
 * The Dockerfiles that checked compose files build from (`build.dockerfile`) which the file patterns
 * would not select: each is checked as a Dockerfile with a notice saying why, as `docker compose build`
 * builds the service's image from it, unless the exclude patterns leave it out (a notice says so). One
 * that the check may not read is an error at the compose file's line: the image would otherwise go
 * unchecked. One that does not exist gets a notice: no image can be built from it.
 * `selected` holds the paths already selected.
 */
export function namedDockerfileTargets(refs: readonly NamedDockerfile[], selected: ReadonlySet<string>, scope: BuildFileScope): BuildTargets {
  const out: BuildTargets = { files: [], notices: [], errors: [] };
  const seen = new Set<string>();
  for (const ref of refs) {
    const where = `build.dockerfile of service "${ref.service}" (${ref.compose}:${ref.line})`;
    const outside = scope.outside(ref.dockerfile);
    if (outside !== undefined) {
      out.errors.push({ kind: 'read', path: ref.compose, line: ref.line, message: `${where} names ${ref.dockerfile}, ${outside}; the image this service builds cannot be checked. Build from a Dockerfile inside the repository.` });
      continue;
    }
    if (!scope.exists(ref.dockerfile)) {
      // Nothing can be built from it, so nothing escapes the check; an error would fail every scan of
      // a tree that generates its Dockerfile or holds only part of a repository (101 corpus files).
      out.notices.push(`${ref.dockerfile} is not checked although ${where} builds from it: it does not exist in the workspace, so docker compose build would fail (the path is relative to the build context).`);
      continue;
    }
    if (selected.has(ref.dockerfile) || seen.has(ref.dockerfile) || classifyPath(ref.dockerfile, scope.patterns) !== undefined) continue;
    seen.add(ref.dockerfile);
    if (!scope.inScope(ref.dockerfile)) {
      out.notices.push(`${ref.dockerfile} is not checked although ${where} builds from it: the exclude patterns leave it out.`);
      continue;
    }
    out.files.push({ path: ref.dockerfile, kind: 'dockerfile' });
    out.notices.push(`${ref.dockerfile} is checked as a Dockerfile although the file patterns do not match it: ${where} builds from it.`);
  }
  return out;
}

/**
 * namedDockerfileTargets for the compose files among `selected` (a project's other files included),
 * read through `readText` (the scan's guarded reader; undefined for a file it refuses, which its own
 * check reports).
 */
export async function findDockerfileTargets(selected: readonly TargetFile[], readText: (path: string) => Promise<string | undefined>, scope: BuildFileScope): Promise<BuildTargets> {
  const composeFiles = [...new Set(selected.flatMap((f) => (f.kind === 'compose' ? (f.project ?? [f.path]) : [])))];
  const refs: NamedDockerfile[] = [];
  for (const compose of composeFiles) {
    const text = await readText(compose);
    if (text !== undefined) refs.push(...findNamedDockerfiles(compose, text));
  }
  return namedDockerfileTargets(refs, new Set(selected.map((f) => f.path)), scope);
}
