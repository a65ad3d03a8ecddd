import { posix } from 'node:path';
import { DEFAULT_COMPOSE_FILES, DEFAULT_OVERRIDE_FILES, implicitProject, type ComposeProject } from './compose-projects.js';
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

function normalise(path: string): string {
  return posix.normalize(path.replace(/^\.\//, ''));
}
