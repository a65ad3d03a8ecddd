import { posix } from 'node:path';
import { parseComposeText } from './compose-build-refs.js';

/** A workspace file a compose file names, so that a change to it changes the project. */
export interface RelatedReference {
  readonly compose: string;
  /** Workspace-relative path of the file named. */
  readonly file: string;
  /** How it is named, for the notice: `env_file`, `extends file`, `include`, `include env_file`, `include .env`. */
  readonly via: string;
}

/**
 * The files a compose file reads besides itself, as the compose loader resolves them against the
 * compose file's directory: each service's `env_file` and `extends.file`, and each `include`'s files,
 * its `env_file`s or, without them, the `.env` of the included project's directory. Interpolated,
 * absolute, remote and backslashed paths, and paths leaving the workspace, are left out: they name no
 * file here (the loader refuses the last three when the file is checked).
 */
export function findRelatedReferences(composePath: string, text: string): RelatedReference[] {
  const doc = parseComposeText(text);
  if (!isRecord(doc)) return [];
  const dir = posix.dirname(composePath);
  const refs: RelatedReference[] = [];
  const add = (path: unknown, via: string, from = dir) => {
    const file = resolve(from, path);
    if (file !== undefined) refs.push({ compose: composePath, file, via });
  };
  for (const service of isRecord(doc.services) ? Object.values(doc.services) : []) {
    if (!isRecord(service)) continue;
    for (const entry of list(service.env_file)) add(isRecord(entry) ? entry.path : entry, 'env_file');
    if (isRecord(service.extends)) add(service.extends.file, 'extends file');
  }
  for (const entry of list(doc.include)) {
    const paths = list(isRecord(entry) ? entry.path : entry);
    paths.forEach((path) => add(path, 'include'));
    const envFiles = isRecord(entry) ? list(entry.env_file) : [];
    envFiles.forEach((path) => add(path, 'include env_file'));
    if (envFiles.length > 0 || typeof paths[0] !== 'string') continue;
    // Without env_file, the included project reads the `.env` of its project directory.
    const projectDir = isRecord(entry) && typeof entry.project_directory === 'string' ? entry.project_directory : posix.dirname(paths[0]);
    add(posix.join(projectDir, '.env'), 'include .env');
  }
  return refs;
}

function resolve(dir: string, path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '' || /\$|\\|:\/\/|^git@/.test(path) || posix.isAbsolute(path)) return undefined;
  const resolved = posix.normalize(posix.join(dir, path));
  return resolved === '..' || resolved.startsWith('../') ? undefined : resolved;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Characters that end a path in YAML text (blanks, quotes, flow punctuation) or separate its parts. */
const SPLITTERS = /[\s"',[\]{}/]+/;

/**
 * A cheap test of whether a compose file's text may name any of `paths`, so that only those are parsed:
 * a path is written literally in the file (an alias repeats an anchor of the same file), so its base
 * name appears among the text's words. Text with a backslash may spell a name with an escape, and an
 * `include` reads a `.env` it does not name: such text is always parsed.
 */
export function nameProbe(paths: Iterable<string>): (text: string) => boolean {
  const words = new Set<string>();
  const odd: string[] = [];
  let env = false;
  for (const path of paths) {
    const name = posix.basename(path);
    if (name === '.env') env = true;
    if (SPLITTERS.test(name)) odd.push(name);
    else words.add(name);
  }
  return (text) =>
    text.includes('\\') ||
    (env && text.includes('include')) ||
    odd.some((name) => text.includes(name)) ||
    text.split(SPLITTERS).some((word) => words.has(word));
}
