import { posix } from 'node:path';
import type { DecodedText } from '../decode-text.js';
import type { ComposeDocument } from '../input-document.js';
import type { LineRange, NodePath, ParsedFile } from '../parsed-file.js';
import { ParseError } from '../parse-error.js';
import { readComposeTree } from '../compose.js';
import { castBooleans } from './booleans.js';
import { EnvFileError, parseEnvFile } from './env-file.js';
import { resolveExtends } from './extends.js';
import { addIncluded, includeEntries } from './include.js';
import type { Lookup } from './interpolate.js';
import { findInlineDockerfiles } from './inline-dockerfiles.js';
import { interpolateTree } from './interpolate-tree.js';
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
  const envLookup = (dir: string, envFiles: readonly string[] | undefined, from: string, outer: Lookup): Lookup => {
    const values = new Map<string, string>();
    const candidates = envFiles ?? [posix.join(dir, '.env')];
    for (const envPath of candidates) {
      const text = envFiles ? requireFile(related, envPath, from, 1, 'env_file') : optionalFile(related, envPath, from);
      if (text === null) continue;
      used.add(envPath);
      try {
        for (const [k, v] of parseEnvFile(text.text, (name) => variables[name] ?? outer(name) ?? values.get(name))) values.set(k, v);
      } catch (thrown) {
        if (thrown instanceof EnvFileError) throw new ParseError(envPath, thrown.line, thrown.message);
        throw thrown;
      }
    }
    // An included project's own .env or env_file only fills what the including project leaves unset:
    // compose-go's ApplyInclude loads it with environment.Clone().Merge(envFromFile), and Merge keeps
    // the keys already there.
    return (name) => (Object.hasOwn(variables, name) ? variables[name] : outer(name) ?? values.get(name));
  };

  const loadInterpolated = (path: string, lookup: Lookup, from: string, line: number, what: string): MapTree => {
    const text = path === main ? requireFile(related, path, path, 1, 'compose file') : requireFile(related, path, from, line, what);
    used.add(path);
    let parsed = options.trees?.get(text);
    if (parsed === undefined || parsed.loc.path !== path) {
      parsed = readComposeTree(path, text);
      options.trees?.set(text, parsed);
    }
    const tree = castBooleans(interpolateTree(parsed, lookup));
    if (!isMapTree(tree)) throw new ParseError(path, 1, 'a compose file must be a YAML mapping.');
    return tree;
  };

  const loadModel = (path: string, lookup: Lookup, chain: readonly string[], from: string, line: number, what: string): MapTree => {
    if (chain.includes(path)) {
      throw new ParseError(from, line, `include forms a cycle: ${[...chain, path].join(' → ')}. Remove one of the includes.`);
    }
    let tree = loadInterpolated(path, lookup, from, line, what);
    tree = resolveExtends(path, tree, (extFrom, ref, extLine) => {
      const extPath = resolveRelated(extFrom, ref, extLine, 'extends file');
      return { path: extPath, tree: loadInterpolated(extPath, lookup, extFrom, extLine, 'extends file') };
    });
    for (const entry of includeEntries(path, tree)) {
      const paths = entry.paths.map((p) => resolveRelated(path, p, entry.line, 'include'));
      const first = paths[0] as string;
      const dir = entry.projectDirectory !== undefined ? resolveRelated(path, entry.projectDirectory + '/x', entry.line, 'include project_directory').replace(/\/?x$/, '') : posix.dirname(first);
      const envFiles = entry.envFiles.length > 0 ? entry.envFiles.map((p) => resolveRelated(path, p, entry.line, 'include env_file')) : undefined;
      const includedLookup = envLookup(dir, envFiles, path, lookup);
      let included = loadModel(first, includedLookup, [...chain, path], path, entry.line, 'include');
      for (const over of paths.slice(1)) {
        included = (mergeTrees(included, loadModel(over, includedLookup, [...chain, path], path, entry.line, 'include'), [], 'base') as MapTree) ?? included;
      }
      tree = addIncluded(path, tree, rebaseServices(included, dir, posix.dirname(path)), entry.line, first);
    }
    return tree;
  };

  const lookup = envLookup(posix.dirname(main), undefined, main, fromInvokingShell);
  let model = loadModel(main, lookup, [], main, 1, 'compose file');
  for (const over of files.slice(1)) {
    const merged = mergeTrees(model, loadModel(over, lookup, [], main, 1, 'override file'), [], 'base');
    if (isMapTree(merged)) model = merged;
  }
  // What no merge took out: the main file's own `!reset` values, which compose never reads (reset-tag.ts).
  model = withoutResets(model) as MapTree;
  model = { ...model, entries: new Map([...model.entries].filter(([key]) => key !== 'include')) };
  if (options.envFiles !== false) model = addEnvFiles(model, main, related, lookup, used);

  const mainText = requireFile(related, main, main, 1, 'compose file');
  const data = toData(model) as Record<string, unknown>;
  const document: ComposeDocument = {
    kind: 'compose',
    path: main,
    lines: mainText.lines,
    data,
    ...normaliseProject(model, posix.dirname(main)),
    unresolved: collectUnresolved(model),
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

/** Every value that read a variable nothing sets (as blank), by its path in the merged model. */
function collectUnresolved(tree: Tree): { path: string[]; variables: string[] }[] {
  const out: { path: string[]; variables: string[] }[] = [];
  const walk = (node: Tree, path: string[]): void => {
    if (node.kind === 'scalar' && node.unresolved) out.push({ path, variables: [...node.unresolved] });
    if (node.kind === 'seq') node.items.forEach((item, i) => walk(item, [...path, String(i)]));
    if (node.kind === 'map') for (const [key, value] of node.entries) walk(value, [...path, key]);
  };
  walk(tree, []);
  return out;
}

/**
 * What the shell that runs `docker compose` always sets, when neither `.env` nor the configuration does:
 * PWD, the directory compose is run from, which is the project's (`${PWD}/data` is `./data`). Read as
 * blank like other unset variables, `${PWD}/:/app` was judged a mount of the host's root.
 */
function fromInvokingShell(name: string): string | undefined {
  return name === 'PWD' ? '.' : undefined;
}

