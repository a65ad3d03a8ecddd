import { posix } from 'node:path';
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

/** Override files `docker compose` loads beside its default file names, in its order of preference. */
const OVERRIDES: Record<string, readonly string[]> = {
  'compose.yaml': ['compose.override.yaml', 'compose.override.yml'],
  'compose.yml': ['compose.override.yml', 'compose.override.yaml'],
  'docker-compose.yml': ['docker-compose.override.yml', 'docker-compose.override.yaml'],
  'docker-compose.yaml': ['docker-compose.override.yaml', 'docker-compose.override.yml'],
};

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
 * Loads the project `docker compose` would build when run beside `path`: the file and, for the default
 * names (`compose.yaml`, `docker-compose.yml`, ...), the override file next to it when there is one.
 * `bytes` are the file's content, already read by the pipeline.
 */
export async function loadComposeFile(path: string, bytes: Uint8Array, context: ComposeContext): Promise<ParsedFile> {
  const cache = new Map<string, RelatedFile>([[path, decodeText(path, bytes)]]);
  const files = [path];
  const candidates = (OVERRIDES[posix.basename(path)] ?? []).map((name) => posix.join(posix.dirname(path), name));
  const env = posix.join(posix.dirname(path), '.env');
  // The override candidates and the `.env` are read at once rather than one after another: on a
  // worker thread each read is a round trip through the main thread, and the worker waits for it.
  // The answers are taken in the same order as before; a candidate after the one found is read for
  // nothing, and ignored.
  const [envFile, ...found] = await Promise.all([env, ...candidates].map((candidate) => readRelated(context, candidate)));
  for (const [i, candidate] of candidates.entries()) {
    cache.set(candidate, found[i] ?? null);
    if (found[i] !== null) {
      files.push(candidate);
      break;
    }
  }
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
  if (new TextDecoder().decode(bytes).trim() === '') return { text: '', lines: [] };
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
