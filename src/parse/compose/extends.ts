import { posix } from 'node:path';
import { ParseError } from '../parse-error.js';
import { rebaseService } from './rebase.js';
import { mergeTrees } from './merge.js';
import { isMapTree, type MapTree, type Tree } from './tree.js';

/** Loads another file's model (interpolated, its own `extends` not yet resolved) for `extends.file`. */
export type LoadForExtends = (from: string, ref: string, line: number) => { path: string; tree: MapTree };

/**
 * Resolves every service's `extends` (same file, or `file:` another one), recursively, merging the base
 * under the service with compose's merge rules so each value keeps the file and line that set it.
 * A cycle is an error naming the chain.
 */
export function resolveExtends(path: string, tree: MapTree, load: LoadForExtends): MapTree {
  const services = tree.entries.get('services');
  if (!isMapTree(services)) return tree;
  const resolved = new Map<string, Tree>();
  const done: Done = new Map();
  const budget = { left: MAX_EXTENDED_VALUES };
  for (const [name, service] of services.entries) resolved.set(name, resolveService(path, tree, name, service, { load, done, budget }, []).tree);
  return { ...tree, entries: new Map([...tree.entries, ['services', { ...services, entries: resolved }]]) };
}

/**
 * Each service resolved so far, by file and name: every service of a chain (`b` extends `a`, `c`
 * extends `b`, ...) is resolved once, not again for each service below it, which made a chain of
 * 1,000 services take 21 s.
 */
type Done = Map<string, { readonly tree: Tree; readonly depth: number }>;

/**
 * The most values the services of one file may hold once `extends` has copied their bases into them. A
 * base is copied whole into each service that extends it, so a file can multiply itself: a base of
 * 2,000 environment variables extended by 1,000 services is two million values (100 services took 1 s
 * and 670 MB; 1,000 never finished). The same bound as for the YAML tokens of one file.
 */
export const MAX_EXTENDED_VALUES = 200_000;

/** How many services a chain of `extends` may link, whatever order they are written in. Real files have a few; a longer chain is refused rather than followed link by link on the stack. */
export const MAX_EXTENDS_DEPTH = 100;

function resolveService(path: string, tree: MapTree, name: string, service: Tree, how: How, chain: readonly string[]): { tree: Tree; depth: number } {
  if (!isMapTree(service)) return { tree: service, depth: 0 };
  const ext = service.entries.get('extends');
  if (ext === undefined) return { tree: service, depth: 0 };
  const link = `${path} service "${name}"`;
  const known = how.done.get(link);
  if (known !== undefined) return known;
  if (chain.includes(link)) {
    throw new ParseError(path, ext.loc.startLine, `extends forms a cycle: ${[...chain, link].join(' → ')}. Break the cycle.`);
  }
  const tooLong = () =>
    new ParseError(path, ext.loc.startLine, `service "${name}" extends a chain of more than ${MAX_EXTENDS_DEPTH} services. Extend a common base service instead of one another.`);
  // Refused before it goes deeper (a chain written last link first is followed on the stack), and once
  // resolved (one whose links were resolved before, first link first, comes back with its depth).
  if (chain.length >= MAX_EXTENDS_DEPTH) throw tooLong();
  const resolved = resolveBase(path, tree, name, service, ext, how, [...chain, link]);
  if (resolved.depth > MAX_EXTENDS_DEPTH) throw tooLong();
  how.done.set(link, resolved);
  return resolved;
}

interface How {
  readonly load: LoadForExtends;
  readonly done: Done;
  /** Values the extended services may still hold (MAX_EXTENDED_VALUES). */
  readonly budget: { left: number };
}

function resolveBase(path: string, tree: MapTree, name: string, service: MapTree, ext: Tree, how: How, chain: readonly string[]): { tree: Tree; depth: number } {
  const { load } = how;
  const target = extendsTarget(path, ext);
  let basePath = path;
  let baseTree = tree;
  if (target.file !== undefined) ({ path: basePath, tree: baseTree } = load(path, target.file, ext.loc.startLine));
  const baseServices = baseTree.entries.get('services');
  let base = isMapTree(baseServices) ? baseServices.entries.get(target.service) : undefined;
  // A service written with no attributes (`common:`) is an empty one.
  if (base?.kind === 'scalar' && base.value === null) base = { kind: 'map', entries: new Map(), loc: base.loc };
  if (!isMapTree(base)) {
    throw new ParseError(path, ext.loc.startLine, `extends names service "${target.service}", which ${basePath === path ? 'this file' : basePath} does not define as a mapping. Fix the service name or the file.`);
  }
  // Relative paths in a base from another directory are relative to that file, as in compose.
  const below = resolveService(basePath, baseTree, target.service, base, how, chain);
  const resolvedBase = rebaseService(below.tree, posix.dirname(basePath), posix.dirname(path));
  const own = new Map(service.entries);
  own.delete('extends');
  const merged = mergeTrees(resolvedBase, { ...service, entries: own }, ['services', name], 'over');
  how.budget.left -= valuesIn(merged ?? service);
  if (how.budget.left < 0) {
    throw new ParseError(
      path,
      ext.loc.startLine,
      `extends copies the services' bases into them until they hold more than ${MAX_EXTENDED_VALUES} values in all (service "${name}" extends "${target.service}"). Move what many services share out of the base, or split the file.`,
    );
  }
  return { tree: merged ?? service, depth: below.depth + 1 };
}

/** How many values a tree holds: its scalars, mappings and sequences. */
function valuesIn(tree: Tree): number {
  if (tree.kind === 'map') {
    let n = 1;
    for (const value of tree.entries.values()) n += valuesIn(value);
    return n;
  }
  if (tree.kind === 'seq') return tree.items.reduce((n, item) => n + valuesIn(item), 1);
  return 1;
}

function extendsTarget(path: string, ext: Tree): { service: string; file?: string } {
  if (ext.kind === 'scalar' && typeof ext.value === 'string') return { service: ext.value };
  if (isMapTree(ext)) {
    const service = ext.entries.get('service');
    const file = ext.entries.get('file');
    if (service?.kind === 'scalar' && typeof service.value === 'string') {
      if (file === undefined) return { service: service.value };
      if (file.kind === 'scalar' && typeof file.value === 'string') return { service: service.value, file: file.value };
    }
  }
  throw new ParseError(path, ext.loc.startLine, '`extends` must be a service name or a mapping with `service:` (and optionally `file:`).');
}
