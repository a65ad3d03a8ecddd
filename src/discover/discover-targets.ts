import type { TargetFile } from '../model.js';
import type { ScanScope } from '../config/settings.js';
import { baseGoverns } from './base-files.js';
import { listChanges, type ChangeListPorts, type EventContext } from './change-list.js';
import { findBuildReferences } from './compose-build-refs.js';
import { groupComposeProjects, type ComposeProject } from './compose-projects.js';
import { goneComposeRechecks, type Recheck } from './compose-rechecks.js';
import { classifyPath, type FilePatterns } from './file-patterns.js';
import { DEFAULT_SCOPE, compilePathScope, type PathScope } from './path-filter.js';
import { selectChangedFiles, type ChangedFileEntry } from './select-changed-files.js';

export type { EventContext } from './change-list.js';

export interface DiscoveryOptions {
  readonly patterns: FilePatterns;
  readonly scan: ScanScope;
  /** Which paths are in scope at all (include/exclude globs); everything by default. */
  readonly scope?: PathScope;
  /** Compose projects whose files are checked together; directories' base + override pairs are implicit. */
  readonly composeProjects?: readonly ComposeProject[];
  /**
   * Files that govern the check itself (the configuration file, custom policy directories). A pull
   * request that changes one is told the change applies only after merge: the check reads them from
   * the base commit.
   */
  readonly governingPaths?: readonly string[];
}

export interface DiscoveryPorts extends ChangeListPorts {
  /** Lists every file below the workspace (see walk-workspace-fs). */
  readonly listWorkspace: () => Promise<string[]>;
  /** Reads a workspace file safely (see read-target-fs); used to find which compose services build a Dockerfile. */
  readonly readFile?: (path: string) => Promise<Uint8Array>;
}

export interface Discovery {
  readonly files: TargetFile[];
  /** What was scanned, in words, for the log and the summary. */
  readonly scope: string;
  /** Things to tell the user about the selection (see ScanResult.notices). */
  readonly notices?: readonly string[];
}

/**
 * Chooses the files to check: the files the event changed (see listChanges), or the whole workspace,
 * narrowed to the include/exclude scope and the Dockerfile and compose patterns, then widened so a
 * changed compose file brings its whole project.
 */
export async function discoverTargets(event: EventContext, options: DiscoveryOptions, ports: DiscoveryPorts): Promise<Discovery> {
  const inScope = compilePathScope(options.scope ?? DEFAULT_SCOPE);
  const changes = await listChanges(event, options.scan, ports);
  const notices: string[] = [];
  let selected: TargetFile[];
  let scope: string;
  let workspace: Set<string> | undefined;
  const listWorkspace = async () => (workspace ??= new Set(await ports.listWorkspace()));
  if (changes.kind === 'all') {
    const paths = [...(await listWorkspace())].filter(inScope);
    selected = selectChangedFiles(paths.map((filename) => ({ filename, status: 'added' })), options.patterns);
    scope = `all files in the workspace (${changes.reason})`;
  } else {
    selected = selectChangedFiles(changes.entries.filter((e) => inScope(e.filename)), options.patterns);
    scope = changes.scope;
    if (baseGoverns(event)) notices.push(...governingNotices(changes.entries, options.governingPaths ?? []));
  }
  // Only a change that takes files away can alter a project it does not touch this way; others skip the walk.
  if (changes.kind === 'changed' && changes.entries.some((e) => e.status === 'removed' || e.status === 'renamed')) {
    const existing = await listWorkspace();
    const rechecks = goneComposeRechecks(changes.entries, options.composeProjects ?? [], (p) => existing.has(p));
    selected = withRechecks(selected, rechecks.filter((r) => inScope(r.path)), notices);
  }
  const hasCompose = selected.some((f) => f.kind === 'compose');
  if (hasCompose || (options.composeProjects?.length ?? 0) > 0) {
    const existing = await listWorkspace();
    selected = groupComposeProjects(selected, options.composeProjects ?? [], (p) => existing.has(p));
  }
  if (changes.kind === 'changed' && ports.readFile && selected.some((f) => f.kind === 'dockerfile')) {
    notices.push(...(await buildNotices(selected, [...(await listWorkspace())], options.patterns, ports.readFile)));
  }
  return { files: selected, scope, ...(notices.length > 0 ? { notices } : {}) };
}

/** A notice for each governing file the change touches: it is read from the base commit, so it applies after merge. */
export function governingNotices(entries: readonly ChangedFileEntry[], governing: readonly string[]): string[] {
  const touched = new Set<string>();
  for (const entry of entries) {
    for (const path of [entry.filename, entry.previous_filename]) {
      if (!path) continue;
      const hit = governing.find((g) => path === g || path.startsWith(g.replace(/\/?$/, '/')));
      if (hit) touched.add(hit);
    }
  }
  return [...touched].sort().map(
    (path) =>
      `This change edits ${path}, which configures this check. The check uses the base branch's version, so a pull request cannot weaken its own gate; the change takes effect after merge.`,
  );
}

/**
 * Adds the compose files a change alters without touching them (see compose-rechecks), each once with a
 * notice saying why; the grouping that follows brings the rest of its project.
 */
function withRechecks(selected: readonly TargetFile[], rechecks: readonly Recheck[], notices: string[]): TargetFile[] {
  const byPath = new Map(selected.map((f) => [f.path, f]));
  for (const recheck of rechecks) {
    if (byPath.has(recheck.path)) continue;
    byPath.set(recheck.path, { path: recheck.path, kind: 'compose' });
    notices.push(`${recheck.path} is checked although the change does not edit it: ${recheck.why}.`);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Notes, for each changed Dockerfile, the compose services that build from it. */
async function buildNotices(
  selected: readonly TargetFile[],
  workspace: readonly string[],
  patterns: FilePatterns,
  readFile: (path: string) => Promise<Uint8Array>,
): Promise<string[]> {
  const dockerfiles = new Set(selected.filter((f) => f.kind === 'dockerfile').map((f) => f.path));
  const notices: string[] = [];
  for (const compose of workspace.filter((p) => classifyPath(p, patterns) === 'compose')) {
    let text: string;
    try {
      text = new TextDecoder().decode(await readFile(compose));
    } catch {
      continue; // Unreadable compose files are reported when they are checked; here they only lose a note.
    }
    for (const ref of findBuildReferences(compose, text)) {
      if (dockerfiles.has(ref.dockerfile)) {
        notices.push(`${ref.dockerfile} is the Dockerfile that service "${ref.service}" of ${ref.compose} builds (build:); its findings apply to that service.`);
      }
    }
  }
  return notices;
}
