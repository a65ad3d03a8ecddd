import { Composer, LineCounter, Lexer, Parser, isAlias, isCollection, isMap, isPair, isScalar, type Alias, type Document, type Node, type YAMLError } from 'yaml';
import type { ParsedFile } from './parsed-file.js';
import type { DecodedText } from './decode-text.js';
import { ParseError } from './parse-error.js';
import { buildComposeProject } from './compose/project.js';
import type { Tree } from './compose/tree.js';
import { toTree } from './compose/yaml-tree.js';
import { yamlBoundsGauge } from './yaml-bounds.js';
import { hasRepeatedKey } from './compose/repeated-key.js';
import { withQuietYaml } from './quiet-yaml.js';
import { readPlainYaml } from './compose/plain-yaml.js';

/**
 * Cap on alias expansion, as counted by the yaml library: for each alias, how often its anchor has been
 * used times how many aliases nest inside the anchor. An anchor without nested aliases used 10,000 times
 * passes, and so do two levels of 100; a billion-laughs chain (9 levels of 9) exceeds it within a few
 * hundred expansions. The library's default of 100 refuses real files that share one anchor among
 * hundreds of services.
 */
export const MAX_ALIAS_COUNT = 10_000;

/**
 * Cap on the nodes of the data after aliases are expanded. Aliases share objects, so a file can pass the
 * alias cap and still describe a huge tree (10,000 uses of a 10,000-item list) that serialising the
 * policy input would blow up. Large real compose files have a few thousand nodes.
 */
export const MAX_EXPANDED_NODES = 500_000;

const MAPPING_REQUIRED =
  'a compose file must be a YAML mapping with top-level keys such as `services`. If this file is not a compose file, exclude it from the scan.';

/**
 * Reads one compose file's YAML into a located tree (anchors and merge keys resolved, every value with its
 * file and lines), refusing what `docker compose` refuses: invalid YAML, several documents, a top level
 * that is not a mapping, aliases without anchors, and alias expansion past the caps above.
 */
export function readComposeTree(path: string, source: DecodedText): Tree {
  // Most compose files are plain block YAML, which readPlainYaml reads several times faster, to the same tree.
  return readPlainYaml(path, source.text) ?? readComposeTreeWithLibrary(path, source);
}

/** readComposeTree through the yaml library alone, for any YAML (and what the plain reader is compared with). */
export function readComposeTreeWithLibrary(path: string, source: DecodedText): Tree {
  const { docs, lineCounter } = parseDocuments(path, source.text);

  const firstError = docs.flatMap((doc) => doc.errors)[0];
  if (firstError) throw yamlError(path, firstError, lineCounter, source.lines.length);
  const doc = docs[0];
  if (doc === undefined) throw new ParseError(path, 1, `the file holds no YAML content: ${MAPPING_REQUIRED}`);
  const second = docs[1];
  if (second) {
    throw new ParseError(
      path,
      lineCounter.linePos(second.range[0]).line,
      'the file holds more than one YAML document (separated by `---`); a compose file is a single document. Split it into separate files.',
    );
  }
  if (!isMap(doc.contents)) throw new ParseError(path, 1, MAPPING_REQUIRED);
  const { anchors, mayExpand } = resolveAliases(path, doc, lineCounter);
  if (mayExpand) checkExpansion(path, doc);
  return toTree(path, doc, anchors, lineCounter, source.text, MAX_EXPANDED_NODES);
}

/**
 * The YAML documents of `text`, as the library's parseAllDocuments reads them (without its error
 * excerpts), with the bounds of yaml-bounds.ts applied on the way: the parser receives each lexer
 * token only after they have accepted it, and the text is lexed once for both.
 *
 * Repeated keys are looked for by one pass over the documents rather than by the library's quadratic
 * check. Only a file that has one is read again with the library's check, so that its errors, and
 * their order among any others, are exactly the library's.
 */
function parseDocuments(path: string, text: string): { docs: Document.Parsed[]; lineCounter: LineCounter } {
  const read = composeDocuments(path, text, false);
  return read.docs.some((doc) => hasRepeatedKey(doc.contents)) ? composeDocuments(path, text, true) : read;
}

function composeDocuments(path: string, text: string, uniqueKeys: boolean): { docs: Document.Parsed[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const bounds = yamlBoundsGauge();
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens() {
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      const crossed = bounds(lexeme);
      if (crossed) throw new ParseError(path, crossed.line, crossed.message);
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  const docs = withQuietYaml(() => Array.from(new Composer({ version: '1.2', merge: true, uniqueKeys }).compose(tokens())) as Document.Parsed[]);
  return { docs, lineCounter };
}

/**
 * Parses one compose file on its own: interpolation without a `.env` file, `extends` within the file,
 * normalised views, `env_file` contents left out. Files it refers to (`extends.file`, `include`) are reported as not read; the
 * pipeline loads whole projects with `loadComposeProject`, which reads them.
 */
export function parseComposeFile(path: string, source: DecodedText): ParsedFile {
  return buildComposeProject([path], (p) => (p === path ? source : p.endsWith('.env') ? null : SINGLE_FILE), {}, { envFiles: false });
}

const SINGLE_FILE = new Error('related files are read only when the whole compose project is loaded');

/**
 * The node each alias stands for: the last one anchored with its name before it, as the library's
 * `Alias.resolve` finds it, but for all aliases in one walk (`resolve` walks the whole document per
 * call). An alias needs an anchor written before it. The library reports a missing one only when
 * building the data, without a line; an unquoted `*****` password is the usual cause, so say where it is.
 *
 * `mayExpand` is false when the expansion checks cannot fail: no aliases, no merge keys, and fewer
 * nodes than MAX_EXPANDED_NODES. The data is then the document as written, and most files are so.
 */
function resolveAliases(path: string, doc: Document.Parsed, lineCounter: LineCounter): { anchors: Map<Alias, Node>; mayExpand: boolean } {
  const latest = new Map<string, Node>();
  const anchors = new Map<Alias, Node>();
  let merges = false;
  let nodes = 0; // scalars, collections and pairs: at least as many as the values of the data
  // In the order of the library's `visit` (a node, then its items; a pair's key, then its value), which
  // `resolve` follows; written out because `visit` copies and freezes a path array for every node.
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      const anchored = latest.get(node.source);
      if (anchored === undefined) {
        const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
        throw new ParseError(
          path,
          line,
          `the alias *${node.source} has no anchor &${node.source} before it. Define the anchor first, or quote the value if a literal "*" was meant.`,
        );
      }
      anchors.set(node, anchored);
    } else if (isPair(node)) {
      nodes++;
      walk(node.key);
      walk(node.value);
    } else if (isScalar(node) || isCollection(node)) {
      nodes++;
      if (node.anchor) latest.set(node.anchor, node);
      // The merge key `<<` (the library reads a plain one as a symbol).
      if (isScalar(node) && (node.value === '<<' || typeof node.value === 'symbol')) merges = true;
      if (isCollection(node)) for (const item of node.items) walk(item);
    }
  };
  walk(doc.contents);
  return { anchors, mayExpand: anchors.size > 0 || merges || nodes > MAX_EXPANDED_NODES };
}

function checkExpansion(path: string, doc: Document.Parsed): void {
  let data: unknown;
  try {
    // Maps as Maps: a complex key (`? {a: 1}`) would otherwise be stringified with a process warning
    // that prints the file's content to the log.
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    if (/excessive alias/i.test(reason)) {
      throw new ParseError(
        path,
        undefined,
        `anchors and aliases expand too much (more than ${MAX_ALIAS_COUNT} alias uses, counting nesting); this looks like a YAML "bomb". Reduce nested aliases.`,
      );
    }
    throw new ParseError(path, undefined, `the YAML cannot be loaded: ${reason}.`);
  }
  if (!fitsWithin(data, MAX_EXPANDED_NODES)) {
    throw new ParseError(
      path,
      undefined,
      `the YAML expands to more than ${MAX_EXPANDED_NODES} values once aliases are resolved. Reduce the use of anchors and aliases.`,
    );
  }
}

/** Whether the data, with shared objects counted each time they are reached, has at most `limit` nodes. */
function fitsWithin(data: unknown, limit: number): boolean {
  let budget = limit;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    if (--budget < 0) return false;
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    // One push per child: spreading a huge array into push() would overflow the call stack.
    for (const child of Array.isArray(value) ? value : value instanceof Map ? value.values() : Object.values(value)) stack.push(child);
  }
  return true;
}

function yamlError(path: string, error: YAMLError, lineCounter: LineCounter, lineCount: number): ParseError {
  // An error at the end of the input (an unclosed flow collection) sits after the last line.
  const line = Math.min(error.pos[0] === -1 ? 1 : lineCounter.linePos(error.pos[0]).line, lineCount);
  // The library's message ends with a source excerpt; the first line says what is wrong and where.
  const what = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
  // The parser recurses per nesting level; a hostile file nested thousands deep exhausts its stack.
  if (/call stack/i.test(what)) return new ParseError(path, line, 'the YAML nests too deeply to read (thousands of levels). Compose files nest a few levels; flatten it.');
  return new ParseError(path, line, `invalid YAML: ${what}. Fix the syntax on this line (or just before it).`);
}
