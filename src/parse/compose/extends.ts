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
  for (const [name, service] of services.entries) resolved.set(name, resolveService(path, tree, name, service, load, []));
  return { ...tree, entries: new Map([...tree.entries, ['services', { ...services, entries: resolved }]]) };
}

function resolveService(path: string, tree: MapTree, name: string, service: Tree, load: LoadForExtends, chain: readonly string[]): Tree {
  if (!isMapTree(service)) return service;
  const ext = service.entries.get('extends');
  if (ext === undefined) return service;
  const link = `${path} service "${name}"`;
  if (chain.includes(link)) {
    throw new ParseError(path, ext.loc.startLine, `extends forms a cycle: ${[...chain, link].join(' → ')}. Break the cycle.`);
  }
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
  const resolvedBase = rebaseService(resolveService(basePath, baseTree, target.service, base, load, [...chain, link]), posix.dirname(basePath), posix.dirname(path));
  const own = new Map(service.entries);
  own.delete('extends');
  const merged = mergeTrees(resolvedBase, { ...service, entries: own }, ['services', name], 'over');
  return merged ?? service;
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
