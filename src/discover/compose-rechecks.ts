import { posix } from 'node:path';
import { DEFAULT_COMPOSE_FILES, DEFAULT_OVERRIDE_FILES, implicitProject, type ComposeProject } from './compose-projects.js';
import type { RelatedReference } from './compose-related-refs.js';
import { classifyPath, type FilePatterns } from './file-patterns.js';
import type { ChangedFileEntry } from './select-changed-files.js';

/** A compose file the change does not touch, checked because of what the change did to a file it loads. */
export interface Recheck {
  readonly path: string;
  /** Why, in words, for the run's log and summary. */
  readonly why: string;
}

const DEFAULT_NAMES = new Set([...DEFAULT_COMPOSE_FILES, ...DEFAULT_OVERRIDE_FILES]);

/**
 * The compose projects a change alters by taking a compose file away (removing it, or renaming it to
 * another name): without it `docker compose` loads another base file or no override in that directory,
 * and a configured project lists a file that is gone. The project that is left is checked, although no
 * file of it changed: deleting a hardening override must not pass unchecked.
 */
export function goneComposeRechecks(
  entries: readonly ChangedFileEntry[],
  configured: readonly ComposeProject[],
  exists: (path: string) => boolean,
): Recheck[] {
  const out: Recheck[] = [];
  const projects = configured.map((p) => ({ name: p.name, files: p.files.map(normalise) }));
  for (const entry of entries) {
    const gone = entry.status === 'removed' ? entry.filename : entry.status === 'renamed' ? entry.previous_filename : undefined;
    if (gone === undefined || exists(gone)) continue;
    const how = entry.status === 'removed' ? `removes ${gone}` : `renames ${gone} to ${entry.filename}`;
    const dir = posix.dirname(gone) === '.' ? '' : posix.dirname(gone);
    const project = DEFAULT_NAMES.has(posix.basename(gone)) ? implicitProject(dir, exists) : undefined;
    if (project) {
      const loads = project.files.length > 1 ? project.files.join(' merged with ') : `${project.files[0]} alone`;
      out.push({ path: project.files[0] as string, why: `the change ${how}, so \`docker compose\` in ${project.name} now loads ${loads}` });
    }
    for (const p of projects) {
      const left = p.files.find(exists);
      if (p.files.includes(gone) && left) out.push({ path: left, why: `the change ${how}, a file of the configured compose project "${p.name}"` });
    }
  }
  return out;
}

/** Every path a change touches (both names of a rename), with what it did to it in words: "modifies a/.env". */
export function describeChanges(entries: readonly ChangedFileEntry[]): Map<string, string> {
  const changed = new Map<string, string>();
  for (const entry of entries) {
    if (entry.status === 'unchanged') continue;
    if (entry.status === 'renamed' && entry.previous_filename !== undefined) {
      const how = `renames ${entry.previous_filename} to ${entry.filename}`;
      changed.set(entry.previous_filename, how);
      changed.set(entry.filename, how);
    } else {
      changed.set(entry.filename, `${entry.status === 'added' ? 'adds' : entry.status === 'removed' ? 'removes' : 'modifies'} ${entry.filename}`);
    }
  }
  return changed;
}

/**
 * The compose files that read a changed `.env` for their variables: every compose file of its
 * directory (each is loaded with the `.env` beside it), and each configured project whose first file is
 * there. Added, modified, removed or renamed, the variables change.
 */
export function envRechecks(
  changed: ReadonlyMap<string, string>,
  workspace: readonly string[],
  patterns: FilePatterns,
  configured: readonly ComposeProject[],
): Recheck[] {
  const envs = new Map<string, string>();
  for (const [path, how] of changed) if (posix.basename(path) === '.env') envs.set(posix.dirname(path), how);
  if (envs.size === 0) return [];
  const out: Recheck[] = [];
  const why = (dir: string) => `the change ${envs.get(dir) as string}, the \`.env\` it reads its variables from`;
  for (const path of workspace) {
    const dir = posix.dirname(path);
    if (envs.has(dir) && classifyPath(path, patterns) === 'compose') out.push({ path, why: why(dir) });
  }
  const exists = new Set(workspace);
  for (const project of configured) {
    const files = project.files.map(normalise);
    const dir = posix.dirname(files[0] ?? '');
    const left = files.find((f) => exists.has(f));
    if (envs.has(dir) && left) out.push({ path: left, why: why(dir) });
  }
  return out;
}

/** The compose files that name a changed file (see findRelatedReferences), each with the reference. */
export function referenceRechecks(refs: readonly RelatedReference[], changed: ReadonlyMap<string, string>): Recheck[] {
  return refs.flatMap((ref) => {
    const how = changed.get(ref.file);
    return how === undefined ? [] : [{ path: ref.compose, why: `it names ${ref.file} (${ref.via}), and the change ${how}` }];
  });
}

function normalise(path: string): string {
  return posix.normalize(path.replace(/^\.\//, ''));
}
