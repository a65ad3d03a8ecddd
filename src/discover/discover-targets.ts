import { posix } from 'node:path';
import type { CheckError, TargetFile } from '../model.js';
import type { ScanScope } from '../config/settings.js';
import { baseGoverns } from './base-files.js';
import { listChanges, type ChangeListPorts, type EventContext } from './change-list.js';
import { findBuildReferences } from './compose-build-refs.js';
import { findDockerfileTargets } from './compose-build-targets.js';
import { groupComposeProjects, type ComposeProject } from './compose-projects.js';
import { describeChanges, envRechecks, goneComposeRechecks, referenceRechecks, type Recheck } from './compose-rechecks.js';
import { findRelatedReferences, nameProbe, type RelatedReference } from './compose-related-refs.js';
import { textReader } from './text-reader.js';
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
  /** Reads a workspace file safely (see read-target-fs); used to find which compose files build a Dockerfile or name a changed file. */
  readonly readFile?: (path: string) => Promise<Uint8Array>;
}

export interface Discovery {
  readonly files: TargetFile[];
  /** What was scanned, in words, for the log and the summary. */
  readonly scope: string;
  /** Things to tell the user about the selection (see ScanResult.notices). */
  readonly notices?: readonly string[];
  /** Files the selection should hold but cannot (a Dockerfile a compose file names that is missing); they fail the run as any error does. */
  readonly errors?: readonly CheckError[];
}

/**
 * Chooses the files to check: the files the event changed (see listChanges), or the whole workspace,
 * narrowed to the include/exclude scope and the Dockerfile and compose patterns, then widened by the
 * compose files the change alters without editing them (see composeRechecks) and so a changed compose
 * file brings its whole project.
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
  const readText = ports.readFile ? textReader(ports.readFile) : undefined;
  if (changes.kind === 'changed') {
    const rechecks = await composeRechecks(changes.entries, options, listWorkspace, readText);
    selected = withRechecks(selected, rechecks.filter((r) => inScope(r.path)), notices);
  }
  const hasCompose = selected.some((f) => f.kind === 'compose');
  if (hasCompose || (options.composeProjects?.length ?? 0) > 0) {
    const existing = await listWorkspace();
    selected = groupComposeProjects(selected, options.composeProjects ?? [], (p) => existing.has(p));
  }
  if (changes.kind === 'changed' && readText && selected.some((f) => f.kind === 'dockerfile')) {
    notices.push(...(await buildNotices(selected, [...(await listWorkspace())], options.patterns, readText)));
  }
  const errors: CheckError[] = [];
  // After the build notices: a Dockerfile added here has its own notice, naming the service.
  if (readText) {
    const existing = selected.some((f) => f.kind === 'compose') ? await listWorkspace() : new Set<string>();
    const built = await findDockerfileTargets(selected, readText, {
      patterns: options.patterns,
      inScope,
      exists: (path) => existing.has(path),
      outside: (path) => (path === '..' || path.startsWith('../') || path.startsWith('/') ? 'which is outside the workspace' : undefined),
    });
    selected = [...selected, ...built.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    notices.push(...built.notices);
    errors.push(...built.errors);
  }
  return { files: selected, scope, ...(notices.length > 0 ? { notices } : {}), ...(errors.length > 0 ? { errors } : {}) };
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
 * The compose files a change alters without editing them: a compose file it takes away (the project
 * left in that directory), a `.env` (the compose files of its directory), and a file a compose file
 * names as `env_file`, `extends` or `include`. Finding the last reads every compose file of the
 * workspace, so it is done only when the change touches files that are neither Dockerfiles nor compose
 * files, and only the compose files whose text may name one of them are parsed (see nameProbe).
 */
async function composeRechecks(
  entries: readonly ChangedFileEntry[],
  options: DiscoveryOptions,
  listWorkspace: () => Promise<Set<string>>,
  readText: ((path: string) => Promise<string | undefined>) | undefined,
): Promise<Recheck[]> {
  const configured = options.composeProjects ?? [];
  const configuredFiles = new Set(configured.flatMap((p) => p.files.map((f) => posix.normalize(f.replace(/^\.\//, '')))));
  const changed = describeChanges(entries);
  const related = [...changed.keys()].filter((p) => classifyPath(p, options.patterns) === undefined && !configuredFiles.has(p));
  // Other changes alter no project they do not touch: they skip the walk.
  const takesAway = entries.some((e) => e.status === 'removed' || e.status === 'renamed');
  if (!takesAway && related.length === 0) return [];
  const existing = await listWorkspace();
  const paths = [...existing];
  const rechecks = [...goneComposeRechecks(entries, configured, (p) => existing.has(p)), ...envRechecks(changed, paths, options.patterns, configured)];
  if (related.length === 0 || !readText) return rechecks;
  const mayName = nameProbe(related);
  const refs: RelatedReference[] = [];
  for (const compose of paths.filter((p) => classifyPath(p, options.patterns) === 'compose' || configuredFiles.has(p))) {
    const text = await readText(compose);
    if (text !== undefined && mayName(text)) refs.push(...findRelatedReferences(compose, text));
  }
  return [...rechecks, ...referenceRechecks(refs, changed)];
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
  readText: (path: string) => Promise<string | undefined>,
): Promise<string[]> {
  const dockerfiles = new Set(selected.filter((f) => f.kind === 'dockerfile').map((f) => f.path));
  const notices: string[] = [];
  for (const compose of workspace.filter((p) => classifyPath(p, patterns) === 'compose')) {
    const text = await readText(compose);
    if (text === undefined) continue;
    for (const ref of findBuildReferences(compose, text)) {
      if (dockerfiles.has(ref.dockerfile)) {
        notices.push(`${ref.dockerfile} is the Dockerfile that service "${ref.service}" of ${ref.compose} builds (build:); its findings apply to that service.`);
      }
    }
  }
  return notices;
}
