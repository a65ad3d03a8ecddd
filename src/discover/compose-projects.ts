import { posix } from 'node:path';
import type { TargetFile } from '../model.js';

/** A compose project: files merged in order, as `docker compose -f a -f b` merges them. */
export interface ComposeProject {
  readonly name: string;
  readonly files: readonly string[];
}

/**
 * The file names `docker compose` looks for in a directory when no `-f` is given, in its order of
 * preference: compose-go's DefaultFileNames (cli/options.go). The first present is the project's file.
 */
export const DEFAULT_COMPOSE_FILES: readonly string[] = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
/**
 * The override names, in compose-go's order (DefaultOverrideFileNames): the first present is merged
 * over the base file, whatever the base file is called, so `compose.yaml` takes a
 * `docker-compose.override.yml` and a `compose.override.yml` wins over a `compose.override.yaml`.
 */
export const DEFAULT_OVERRIDE_FILES: readonly string[] = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/**
 * The project `docker compose` would load in `dir` with no `-f`: the first base file present and the
 * first override present. Undefined when the directory holds no base file. Any other compose file of the
 * directory is no part of it.
 */
export function implicitProject(dir: string, exists: (path: string) => boolean): ComposeProject | undefined {
  const at = (name: string) => (dir === '' ? name : `${dir}/${name}`);
  const base = DEFAULT_COMPOSE_FILES.find((name) => exists(at(name)));
  if (!base) return undefined;
  const override = DEFAULT_OVERRIDE_FILES.find((name) => exists(at(name)));
  return { name: dir === '' ? '.' : dir, files: override ? [at(base), at(override)] : [at(base)] };
}

/**
 * Widens a selection so every compose project a selected file belongs to is checked whole: the
 * configured projects first, then the implicit base + override pair of each directory. Every file of
 * such a project carries the project's file list, so the compose loader can merge them in order. A
 * configured file that does not exist is still listed, so reading it fails the run rather than
 * shrinking the project.
 */
export function groupComposeProjects(
  selected: readonly TargetFile[],
  configured: readonly ComposeProject[],
  exists: (path: string) => boolean,
): TargetFile[] {
  const byPath = new Map<string, TargetFile>(selected.map((f) => [f.path, f]));
  const claimed = new Set<string>();
  const addProject = (project: ComposeProject) => {
    for (const path of project.files) {
      claimed.add(path);
      byPath.set(path, { path, kind: 'compose', project: project.files });
    }
  };
  for (const project of configured) {
    const files = project.files.map((f) => posix.normalize(f.replace(/^\.\//, '')));
    if (files.some((f) => byPath.has(f))) addProject({ name: project.name, files });
    else files.forEach((f) => claimed.add(f));
  }
  // Once per directory: its compose files share one implicit project, and each look is a few file checks.
  const implicitIn = new Map<string, ComposeProject | undefined>();
  for (const file of selected) {
    if (file.kind !== 'compose' || claimed.has(file.path)) continue;
    const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
    if (!implicitIn.has(dir)) implicitIn.set(dir, implicitProject(dir, exists));
    const project = implicitIn.get(dir);
    if (project && project.files.length > 1 && project.files.includes(file.path) && !project.files.some((f) => claimed.has(f))) {
      addProject(project);
    }
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
