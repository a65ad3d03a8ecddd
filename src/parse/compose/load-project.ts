import { posix } from 'node:path';
import { DEFAULT_COMPOSE_FILES, DEFAULT_OVERRIDE_FILES, implicitProject } from '../../discover/compose-projects.js';
import { decodeText, type DecodedText } from '../decode-text.js';
import { ParseError } from '../parse-error.js';
import type { ParsedFile } from '../parsed-file.js';
import { buildComposeProject, type Variables } from './project.js';
import type { Tree } from './tree.js';
import { NeedsFile, type RelatedFile } from './related.js';

/** What loading a project needs from the outside: the guarded workspace reader, and configured variables. */
export interface ComposeContext {
  /** Reads a workspace-relative file; refuses paths outside the workspace, symlinks out and oversized files. */
  readFile(path: string): Promise<Uint8Array>;
  readonly variables?: Variables;
}

/**
 * Bounds the files one project may pull in (its compose files, `.env` files, extends bases, includes):
 * real projects use a handful; the cap stops a chain of includes from reading the whole repository.
 */
export const MAX_PROJECT_FILES = 64;

/**
 * Loads a compose project made of `files` (merged in order, as `docker compose -f a -f b`), reading every
 * related file through `context.readFile`. The pure builder asks for files as it finds references; each
 * is read once and the build retried, so all logic stays in pure code.
 */
export async function loadComposeProject(files: readonly string[], context: ComposeContext, known?: Map<string, RelatedFile>): Promise<ParsedFile> {
  const cache = known ?? new Map<string, RelatedFile>();
  // The build asks for the `.env` beside the first file before anything else: read it up front rather
  // than after a first attempt that stops there.
  const env = files[0] === undefined ? undefined : posix.join(posix.dirname(files[0]), '.env');
  if (env !== undefined && !cache.has(env)) cache.set(env, await readRelated(context, env));
  // Each retry rebuilds the project; the files parsed by earlier attempts are not parsed again.
  const trees = new WeakMap<DecodedText, Tree>();
  for (;;) {
    if (cache.size > MAX_PROJECT_FILES) {
      throw new ParseError(files[0] ?? '', undefined, `the project refers to more than ${MAX_PROJECT_FILES} files (compose files, .env, extends and include); split it.`);
    }
    try {
      return buildComposeProject(files, (path) => cache.get(path), context.variables ?? {}, { trees });
    } catch (thrown) {
      if (!(thrown instanceof NeedsFile)) throw thrown;
      cache.set(thrown.path, await readRelated(context, thrown.path));
    }
  }
}

/**
 * Loads the project `docker compose` would build when run beside `path`: when the file is the one it
 * picks in that directory (see implicitProject), with the override it would merge; any other file alone.
 * `bytes` are the file's content, already read by the pipeline.
 */
export async function loadComposeFile(path: string, bytes: Uint8Array, context: ComposeContext): Promise<ParsedFile> {
  const cache = new Map<string, RelatedFile>([[path, decodeText(path, bytes)]]);
  const dir = posix.dirname(path);
  const at = (name: string) => posix.join(dir, name);
  const name = posix.basename(path);
  const rank = DEFAULT_COMPOSE_FILES.indexOf(name);
  // Only a default name can be the directory's project file; it is, unless a name compose prefers is present.
  const preferred = rank < 0 ? [] : DEFAULT_COMPOSE_FILES.slice(0, rank).map(at);
  const overrides = rank < 0 ? [] : DEFAULT_OVERRIDE_FILES.map(at);
  const env = at('.env');
  // The candidates and the `.env` are read at once rather than one after another: on a worker thread
  // each read is a round trip through the main thread, and the worker waits for it.
  const candidates = [...preferred, ...overrides];
  const [envFile, ...found] = await Promise.all([env, ...candidates].map((candidate) => readRelated(context, candidate)));
  const read = new Map(candidates.map((candidate, i) => [candidate, found[i] ?? null]));
  // A file that is there but refused (a link out, too large) is there for compose too.
  const project = rank < 0 ? undefined : implicitProject(dir === '.' ? '' : dir, (p) => p === path || (read.get(p) ?? null) !== null);
  const files = project?.files[0] === path ? project.files : [path];
  for (const override of overrides) cache.set(override, read.get(override) ?? null);
  if (!cache.has(env)) cache.set(env, envFile ?? null);
  return loadComposeProject(files, context, cache);
}

async function readRelated(context: ComposeContext, path: string): Promise<RelatedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await context.readFile(path);
  } catch (thrown) {
    if (isMissing(thrown)) return null;
    return thrown instanceof Error ? thrown : new Error(String(thrown));
  }
  // An empty `.env` is fine; an empty compose file is refused by the YAML reader with its own message.
  if (new TextDecoder().decode(bytes).trim() === '') return { text: '', lines: [], loneCarriageReturnLine: null };
  try {
    return decodeText(path, bytes);
  } catch (thrown) {
    return thrown instanceof Error ? thrown : new Error(String(thrown));
  }
}

/** A file that does not exist (the workspace reader says so in words; a plain fs error has ENOENT). */
function isMissing(thrown: unknown): boolean {
  if ((thrown as NodeJS.ErrnoException | null)?.code === 'ENOENT') return true;
  return thrown instanceof Error && / does not exist/.test(thrown.message) && !/symbolic link|outside/.test(thrown.message);
}
