import { describeError } from '../../errors.js';
import { decodeText, splitLines } from '../decode-text.js';
import { parseDockerfileFile } from '../dockerfile.js';
import type { ComposeDocument } from '../input-document.js';
import { ParseError } from '../parse-error.js';
import type { EmbeddedDockerfile, LineRange, NodePath } from '../parsed-file.js';

/** Where the project's values were written (ParsedFile.locate) and the lines of each file it was built from. */
export interface ProjectSources {
  locate(path: NodePath): LineRange | undefined;
  linesOf(path: string): readonly string[] | undefined;
}

/**
 * Every service's `build.dockerfile_inline` in the merged, interpolated model (the value `docker
 * compose build` hands the builder), parsed as a Dockerfile. What compose refuses is an error at the
 * key's line rather than a Dockerfile left unchecked: a value that is not a string (the schema says
 * string), an empty one, and one beside a `build.dockerfile` (compose-go's checkConsistency: the two
 * are mutually exclusive).
 */
export function findInlineDockerfiles(document: ComposeDocument, sources: ProjectSources): EmbeddedDockerfile[] {
  const services = document.data.services;
  if (!isRecord(services)) return [];
  const found: EmbeddedDockerfile[] = [];
  for (const [service, definition] of Object.entries(services)) {
    const build = isRecord(definition) ? definition.build : undefined;
    if (!isRecord(build) || !Object.hasOwn(build, 'dockerfile_inline')) continue;
    const loc = sources.locate(['services', service, 'build', 'dockerfile_inline']);
    const path = loc?.path ?? document.path;
    const keyLine = loc?.startLine ?? 1;
    const place = { service, path, keyLine };
    const content = build.dockerfile_inline;
    const refuse = (message: string): EmbeddedDockerfile => ({ ...place, error: { line: keyLine, message: `${intro(service)}: ${message}` } });
    if (typeof content !== 'string') {
      found.push(refuse(`the value is ${content === null ? 'empty (null)' : `a ${typeof content}`}; compose requires the Dockerfile's content as a string.`));
    } else if (content.trim() === '') {
      found.push(refuse('the inline Dockerfile is empty, so there is nothing to build. Write its content, or name a file with build.dockerfile.'));
    } else if (typeof build.dockerfile === 'string' && build.dockerfile !== '') {
      found.push(refuse('the service sets both build.dockerfile and build.dockerfile_inline, which docker compose refuses (they are mutually exclusive). Keep one.'));
    } else {
      const lines = loc ? sources.linesOf(path) : undefined;
      const firstLine = lines && loc ? literalFirstLine(lines, loc, content) : undefined;
      found.push({ ...place, ...(firstLine !== undefined ? { firstLine } : {}), ...parseInline(path, content, (line) => composeLine({ keyLine, firstLine }, line), service) });
    }
  }
  return found;
}

/** The compose line of line `line` (1-based) of an inline Dockerfile. */
export function composeLine(embedded: Pick<EmbeddedDockerfile, 'keyLine' | 'firstLine'>, line: number): number {
  return embedded.firstLine === undefined ? embedded.keyLine : embedded.firstLine + line - 1;
}

/** How findings and errors of an inline Dockerfile name it, so a reader knows which service's it is. */
export function intro(service: string): string {
  return `Inline Dockerfile of service "${service}" (build.dockerfile_inline)`;
}

function parseInline(path: string, content: string, toCompose: (line: number) => number, service: string): Pick<EmbeddedDockerfile, 'parsed' | 'error'> {
  try {
    return { parsed: parseDockerfileFile(path, decodeText(path, new TextEncoder().encode(content))) };
  } catch (thrown) {
    if (!(thrown instanceof ParseError)) {
      return { error: { line: toCompose(1), message: `${intro(service)}: could not be parsed: ${describeError(thrown)}` } };
    }
    // The parser's message starts with where it is (`path:line: `); this error says so itself.
    const where = thrown.line === undefined ? `${path}: ` : `${path}:${thrown.line}: `;
    const reason = thrown.message.startsWith(where) ? thrown.message.slice(where.length) : thrown.message;
    const at = thrown.line === undefined ? '' : `, its line ${thrown.line}`;
    return { error: { line: toCompose(thrown.line ?? 1), message: `${intro(service)}${at}: ${reason}` } };
  }
}

// The value's key, written plainly or quoted, then `|` or `>` with its chomping and indentation
// indicators (after any anchor or tag), and nothing else on the line but a comment.
const BLOCK_HEADER = /(?:^|[\s{,])["']?dockerfile_inline["']?\s*:\s+(?:[&!]\S*\s+)*[|>][-+1-9]{0,2}\s*(?:#.*)?$/;

/**
 * The line of the compose file holding the first line of a block scalar's content (the line after its
 * header), when the content's lines are the file's lines one for one: a literal scalar, or a folded one
 * that folds nothing. A fold or an interpolated value holding line breaks would change how many lines
 * there are, so the content, up to its last non-blank line, must span exactly the lines the value does;
 * otherwise the lines cannot be mapped, and undefined says so.
 */
export function literalFirstLine(lines: readonly string[], loc: LineRange, content: string): number | undefined {
  if (!BLOCK_HEADER.test(lines[loc.startLine - 1] ?? '')) return undefined;
  const own = splitLines(content);
  let count = own.length;
  while (count > 0 && (own[count - 1] ?? '').trim() === '') count--;
  return loc.startLine + count === loc.endLine ? loc.startLine + 1 : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
