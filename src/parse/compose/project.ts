import { posix } from 'node:path';
import type { DecodedText } from '../decode-text.js';
import type { ComposeDocument, VariableSource } from '../input-document.js';
import type { LineRange, NodePath, ParsedFile } from '../parsed-file.js';
import { ParseError } from '../parse-error.js';
import { readComposeTree } from '../compose.js';
import { resolveBareVariables } from './bare-variables.js';
import { castBooleans } from './booleans.js';
import { EnvFileError, parseEnvFileLines } from './env-file.js';
import { resolveExtends } from './extends.js';
import { addIncluded, includeEntries } from './include.js';
import type { Lookup } from './interpolate.js';
import { findInlineDockerfiles } from './inline-dockerfiles.js';
import { interpolateTree, type SourceOf } from './interpolate-tree.js';
import { mergeTrees } from './merge.js';
import { withoutResets } from './reset-tag.js';
import { normaliseProject } from './normalise.js';
import { rebaseServices } from './rebase.js';
import { addEnvFiles } from './service-env.js';
import { optionalFile, requireFile, resolveRelated, type RelatedFiles } from './related.js';
import { isMapTree, locateIn, toData, type MapTree, type Tree } from './tree.js';

/** How much of the project to read: `envFiles: false` leaves `env_file` contents out (one file on its own). */
export interface BuildOptions {
  readonly envFiles?: boolean;
  /**
   * Trees already read from these texts, kept by the caller across the retries of one load (each retry
   * rebuilds the project after one more file was read); the trees are never modified, so sharing is safe.
   */
  readonly trees?: WeakMap<DecodedText, Tree>;
}

/** The variables a file is interpolated with, and where each is set. */
interface VariableScope {
  readonly lookup: Lookup;
  readonly sourceOf: SourceOf;
}

/** Variables set by configuration; they win over `.env` files, as the shell does for compose. */
export type Variables = Readonly<Record<string, string>>;

/**
 * Builds one compose project from its files (the first is the main one; later files override it, as
 * `docker compose -f a -f b` does): each file read, interpolated with the `.env` beside the first file and
 * the configured variables, its boolean fields cast as compose casts them, its `include`s added and `extends` resolved, then the files merged. Pure: every
 * file comes from `related`, and a file not read yet throws NeedsFile for the caller to read and retry.
 */
export function buildComposeProject(files: readonly string[], related: RelatedFiles, variables: Variables, options: BuildOptions = {}): ParsedFile {
  const main = files[0];
  if (main === undefined) throw new Error('a compose project needs at least one file');
  const used = new Set<string>();
  const envScope = (dir: string, envFiles: readonly string[] | undefined, from: string, outer: VariableScope): VariableScope => {
    const values = new Map<string, string>();
    const sources = new Map<string, VariableSource>();
    const candidates = envFiles ?? [posix.join(dir, '.env')];
    for (const envPath of candidates) {
      const text = envFiles ? requireFile(related, envPath, from, 1, 'env_file') : optionalFile(related, envPath, from);
      if (text === null) continue;
      used.add(envPath);
      try {
        for (const [name, { value, line }] of parseEnvFileLines(text.text, (name) => variables[name] ?? outer.lookup(name) ?? values.get(name))) {
          values.set(name, value);
          sources.set(name, { name, file: envPath, line });
        }
      } catch (thrown) {
        if (thrown instanceof EnvFileError) throw new ParseError(envPath, thrown.line, thrown.message);
        throw thrown;
      }
    }
    // An included project's own .env or env_file only fills what the including project leaves unset:
    // compose-go's ApplyInclude loads it with environment.Clone().Merge(envFromFile), and Merge keeps
    // the keys already there.
    return {
      lookup: (name) => (Object.hasOwn(variables, name) ? variables[name] : outer.lookup(name) ?? values.get(name)),
      sourceOf: (name) => {
        if (Object.hasOwn(variables, name)) return { name };
        return outer.lookup(name) !== undefined ? outer.sourceOf(name) : sources.get(name);
      },
    };
  };

  const loadInterpolated = (path: string, scope: VariableScope, from: string, line: number, what: string): MapTree => {
    const text = path === main ? requireFile(related, path, path, 1, 'compose file') : requireFile(related, path, from, line, what);
    used.add(path);
    let parsed = options.trees?.get(text);
    if (parsed === undefined || parsed.loc.path !== path) {
      parsed = readComposeTree(path, text);
      options.trees?.set(text, parsed);
    }
    const tree = castBooleans(interpolateTree(parsed, scope.lookup, scope.sourceOf));
    if (!isMapTree(tree)) throw new ParseError(path, 1, 'a compose file must be a YAML mapping.');
    return resolveBareVariables(tree, scope.lookup, scope.sourceOf);
  };

  const loadModel = (path: string, scope: VariableScope, chain: readonly string[], from: string, line: number, what: string): MapTree => {
    if (chain.includes(path)) {
      throw new ParseError(from, line, `include forms a cycle: ${[...chain, path].join(' → ')}. Remove one of the includes.`);
    }
    let tree = loadInterpolated(path, scope, from, line, what);
    tree = resolveExtends(path, tree, (extFrom, ref, extLine) => {
      const extPath = resolveRelated(extFrom, ref, extLine, 'extends file');
      return { path: extPath, tree: loadInterpolated(extPath, scope, extFrom, extLine, 'extends file') };
    });
    for (const entry of includeEntries(path, tree)) {
      const paths = entry.paths.map((p) => resolveRelated(path, p, entry.line, 'include'));
      const first = paths[0] as string;
      const dir = entry.projectDirectory !== undefined ? resolveRelated(path, entry.projectDirectory + '/x', entry.line, 'include project_directory').replace(/\/?x$/, '') : posix.dirname(first);
      const envFiles = entry.envFiles.length > 0 ? entry.envFiles.map((p) => resolveRelated(path, p, entry.line, 'include env_file')) : undefined;
      const includedScope = envScope(dir, envFiles, path, scope);
      let included = loadModel(first, includedScope, [...chain, path], path, entry.line, 'include');
      for (const over of paths.slice(1)) {
        included = (mergeTrees(included, loadModel(over, includedScope, [...chain, path], path, entry.line, 'include'), [], 'base') as MapTree) ?? included;
      }
      tree = addIncluded(path, tree, rebaseServices(included, dir, posix.dirname(path)), entry.line, first);
    }
    return tree;
  };

  const scope = envScope(posix.dirname(main), undefined, main, INVOKING_SHELL);
  let model = loadModel(main, scope, [], main, 1, 'compose file');
  for (const over of files.slice(1)) {
    const merged = mergeTrees(model, loadModel(over, scope, [], main, 1, 'override file'), [], 'base');
    if (isMapTree(merged)) model = merged;
  }
  // What no merge took out: the main file's own `!reset` values, which compose never reads (reset-tag.ts).
  model = withoutResets(model) as MapTree;
  model = { ...model, entries: new Map([...model.entries].filter(([key]) => key !== 'include')) };
  if (options.envFiles !== false) model = addEnvFiles(model, main, related, scope.lookup, used);

  const mainText = requireFile(related, main, main, 1, 'compose file');
  const data = toData(model) as Record<string, unknown>;
  const document: ComposeDocument = {
    kind: 'compose',
    path: main,
    lines: mainText.lines,
    data,
    ...normaliseProject(model, posix.dirname(main)),
    ...collectMarks(model),
    files: [...used].sort(),
  };
  const locate = (path: NodePath): LineRange => locateIn(model, path);
  const linesOf = (path: string) => {
    const file = used.has(path) ? related(path) : undefined;
    return file && !(file instanceof Error) ? file.lines : undefined;
  };
  const embedded = findInlineDockerfiles(document, { locate, linesOf });
  return { document, locate, linesOf, ...(embedded.length > 0 ? { embedded } : {}) };
}

/**
 * Every value that read a variable nothing sets (as blank), and every value that read one a `.env` file
 * or the configuration sets, by its path in the merged model. `interpolated` is left out when empty, as
 * it is for most projects.
 */
function collectMarks(tree: Tree): Pick<ComposeDocument, 'unresolved' | 'interpolated'> {
  const unresolved: { path: string[]; variables: string[] }[] = [];
  const interpolated: { path: string[]; sources: VariableSource[] }[] = [];
  const walk = (node: Tree, path: string[]): void => {
    if (node.kind === 'scalar' && node.unresolved) unresolved.push({ path, variables: [...node.unresolved] });
    if (node.kind === 'scalar' && node.sources) interpolated.push({ path, sources: [...node.sources] });
    if (node.kind === 'seq') node.items.forEach((item, i) => walk(item, [...path, String(i)]));
    if (node.kind === 'map') for (const [key, value] of node.entries) walk(value, [...path, key]);
  };
  walk(tree, []);
  return interpolated.length > 0 ? { unresolved, interpolated } : { unresolved };
}

/**
 * What the shell that runs `docker compose` always sets, when neither `.env` nor the configuration does:
 * PWD, the directory compose is run from, which is the project's (`${PWD}/data` is `./data`). Read as
 * blank like other unset variables, `${PWD}/:/app` was judged a mount of the host's root.
 */
const INVOKING_SHELL: VariableScope = { lookup: (name) => (name === 'PWD' ? '.' : undefined), sourceOf: () => undefined };

