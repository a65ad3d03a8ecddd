import type { FileKind, TargetFile } from '../model.js';
import type { ParsedFile } from './parsed-file.js';
import { decodeText, type DecodedText } from './decode-text.js';
import { parseDockerfileFile } from './dockerfile.js';
import { parseComposeFile } from './compose.js';
import { loadComposeFile, loadComposeProject, type ComposeContext } from './compose/load-project.js';

/** A parser for one kind of file: decoded text in, policy input and locator out. */
export type FileParser = (path: string, source: DecodedText) => ParsedFile;

/** One parser per file kind; adding a kind to FileKind without a parser here fails the type check. */
const PARSERS: Readonly<Record<FileKind, FileParser>> = {
  dockerfile: parseDockerfileFile,
  compose: parseComposeFile,
};

/**
 * Decodes and parses one file. A file the user can fix (binary, not UTF-8, empty, invalid syntax) throws
 * a ParseError; anything else that escapes is a bug. A kind without a parser is a bug in the caller.
 */
export function parseFile(kind: FileKind, path: string, bytes: Uint8Array): ParsedFile {
  const parser = Object.hasOwn(PARSERS, kind) ? PARSERS[kind] : undefined;
  if (parser === undefined) {
    throw new Error(`No parser for file kind "${String(kind)}" (${path}); known kinds: ${Object.keys(PARSERS).join(', ')}.`);
  }
  return parser(path, decodeText(path, bytes));
}

/** What parsers that read related files need: the guarded workspace reader and configured variables. */
export type ParseContext = ComposeContext;

/**
 * Like parseFile, and reads the files a file depends on through `context`: for compose, the `.env` beside
 * it, `extends` and `include` files and the override file `docker compose` would load with it.
 */
export async function loadFile(kind: FileKind, path: string, bytes: Uint8Array, context: ParseContext): Promise<ParsedFile> {
  if (kind === 'compose') return loadComposeFile(path, bytes, context);
  return parseFile(kind, path, bytes);
}

/**
 * Like loadFile for a discovered target: a compose file that discovery placed in a project (a base and
 * its overrides, or a configured list) is loaded as that whole project, merged in order, so a finding
 * lands in the file that set the value. `bytes` are the target's own content, already read.
 */
export async function loadTarget(file: TargetFile, bytes: Uint8Array, context: ParseContext): Promise<ParsedFile> {
  if (file.kind === 'compose' && file.project && file.project.length > 1) {
    const own = file.path;
    // The target's bytes are not read twice; every other file of the project goes through the guarded reader.
    return loadComposeProject(file.project, { ...context, readFile: (path) => (path === own ? Promise.resolve(bytes) : context.readFile(path)) });
  }
  return loadFile(file.kind, file.path, bytes, context);
}
