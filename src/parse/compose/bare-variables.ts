import type { SourceOf } from './interpolate-tree.js';
import type { Lookup } from './interpolate.js';
import { isMapTree, isSeqTree, type MapTree, type Tree } from './tree.js';

/**
 * Gives each bare `environment` entry and build arg of a file's services (`- PGPASS`, or `PGPASS:` with
 * no value) the value compose gives it: the variable of that name from the file's own scope (the `.env`
 * beside the project, an include's `env_file`, the configured variables), marked with where it is set.
 * compose-go resolves environment entries per file before merging (loader/resolve_env.go), so an
 * included file reads its own scope, and docker compose build resolves bare args from the project's
 * environment. An entry whose variable nothing sets stays bare: compose passes nothing for it, and a
 * value an `env_file` gives the service is kept.
 */
export function resolveBareVariables(file: MapTree, lookup: Lookup, sourceOf: SourceOf): MapTree {
  const services = file.entries.get('services');
  if (!isMapTree(services)) return file;
  let resolved: Map<string, Tree> | undefined;
  for (const [name, service] of services.entries) {
    if (!isMapTree(service)) continue;
    let next = withEntriesResolved(service, 'environment', lookup, sourceOf);
    const build = next.entries.get('build');
    if (build !== undefined && isMapTree(build)) {
      const args = withEntriesResolved(build, 'args', lookup, sourceOf);
      if (args !== build) next = { ...next, entries: new Map([...next.entries, ['build', args]]) };
    }
    if (next === service) continue;
    resolved ??= new Map(services.entries);
    resolved.set(name, next);
  }
  if (resolved === undefined) return file;
  return { ...file, entries: new Map([...file.entries, ['services', { ...services, entries: resolved }]]) };
}

/** `parent` with the bare entries under `key` resolved; the same tree when none is. */
function withEntriesResolved(parent: MapTree, key: string, lookup: Lookup, sourceOf: SourceOf): MapTree {
  const entries = parent.entries.get(key);
  const next = entries === undefined ? entries : resolveEntries(entries, lookup, sourceOf);
  return next === entries || next === undefined ? parent : { ...parent, entries: new Map([...parent.entries, [key, next]]) };
}

/** The entries with bare ones resolved; the same tree when none is. */
function resolveEntries(environment: Tree, lookup: Lookup, sourceOf: SourceOf): Tree {
  const resolve = (name: string, at: Tree, written: (value: string) => string): Tree | undefined => {
    const value = lookup(name);
    if (value === undefined) return undefined;
    const source = sourceOf(name);
    return { kind: 'scalar', value: written(value), loc: at.loc, ...(source && { sources: [source] }) };
  };
  if (isSeqTree(environment)) {
    let changed = false;
    const items = environment.items.map((item) => {
      if (item.kind !== 'scalar' || typeof item.value !== 'string' || item.value.includes('=') || item.value === '') return item;
      const named = resolve(item.value, item, (value) => `${item.value as string}=${value}`);
      changed ||= named !== undefined;
      return named ?? item;
    });
    return changed ? { ...environment, items } : environment;
  }
  if (isMapTree(environment)) {
    let entries: Map<string, Tree> | undefined;
    for (const [key, value] of environment.entries) {
      if (value.kind !== 'scalar' || value.value !== null) continue;
      const named = resolve(key, value, (text) => text);
      if (named === undefined) continue;
      entries ??= new Map(environment.entries);
      entries.set(key, named);
    }
    return entries === undefined ? environment : { ...environment, entries };
  }
  return environment;
}
