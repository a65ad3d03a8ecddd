import { untagged, withoutResets } from './reset-tag.js';
import { isMapTree, isSeqTree, toData, type MapTree, type Tree } from './tree.js';

/** Which definition's lines a mapping present in both keeps: the first file's, or the overriding one's. */
export type KeepLoc = 'base' | 'over';

type Path = readonly string[];

const matches = (path: Path, pattern: string): boolean => {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i]);
};

/** Attributes the later file replaces rather than merges (compose's merge rules, "shell commands"). */
const REPLACED = ['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test'];

/** Sequences that compose treats as `KEY=VALUE` mappings when merging. */
const AS_MAPPING = [
  'services.*.environment',
  'services.*.labels',
  'services.*.annotations',
  'services.*.sysctls',
  'services.*.extra_hosts',
  'services.*.build.args',
  'services.*.build.labels',
  'services.*.deploy.labels',
  'services.*.networks',
  'services.*.depends_on',
];

/** Unique resources: a later item with the same key replaces the earlier one (compose's merge rules). */
const UNIQUE: Record<string, (item: unknown) => string> = {
  'services.*.ports': portKey,
  'services.*.volumes': (item) => (typeof item === 'string' ? volumeTarget(item) : String((item as { target?: unknown } | null)?.target ?? JSON.stringify(item))),
  'services.*.secrets': resourceKey,
  'services.*.configs': resourceKey,
};

/**
 * Merges `over` onto `base` as `docker compose` merges files (and `extends` a service): mappings merge
 * key by key, sequences append, except the replaced attributes, the `KEY=VALUE` attributes (merged as
 * mappings) and unique resources (ports, volumes, secrets, configs: merged by key); an appended item
 * equal to one already there is dropped. `!reset` removes a value and `!override` replaces it whole. Each value keeps the location of the file that set it.
 */
export function mergeTrees(base: Tree | undefined, over: Tree, path: Path, keep: KeepLoc): Tree | undefined {
  // The base as compose-go holds it: its own `!reset` values already dropped (see reset-tag.ts).
  return mergeInto(base === undefined ? undefined : withoutResets(base), over, path, keep);
}

/** mergeTrees over a base without `!reset` values; what it takes from `over` whole loses them too. */
function mergeInto(base: Tree | undefined, over: Tree, path: Path, keep: KeepLoc): Tree | undefined {
  if (over.tag === '!reset') return undefined;
  if (over.tag === '!override') return untagged(over);
  if (base === undefined) return withoutResets(stripTag(over));
  if (REPLACED.some((p) => matches(path, p))) return withoutResets(over);
  if (AS_MAPPING.some((p) => matches(path, p)) && (isSeqTree(base) || isSeqTree(over))) {
    const hosts = matches(path, 'services.*.extra_hosts');
    return mergeMaps(asMapping(base, hosts), asMapping(isSeqTree(over) ? withoutResets(over) : over, hosts), path, keep);
  }
  if (matches(path, 'services.*.logging') && isMapTree(base) && isMapTree(over)) {
    const driver = (t: MapTree) => toData(t.entries.get('driver') ?? { kind: 'scalar', value: null, loc: t.loc });
    if (over.entries.has('driver') && driver(base) !== driver(over)) return withoutResets(over);
  }
  if (isMapTree(base) && isMapTree(over)) return mergeMaps(base, over, path, keep);
  if (isSeqTree(base) && isSeqTree(over)) {
    const unique = Object.entries(UNIQUE).find(([p]) => matches(path, p))?.[1];
    if (!unique) {
      // compose appends only the items not already there (appendWithoutDuplicates): over a base of
      // [no-new-privileges:true, no-new-privileges:false], repeating the first entry does not make it last.
      const items = [...base.items];
      const seen = new Set(items.map((item) => JSON.stringify(toData(item))));
      for (const item of (withoutResets(over) as typeof over).items) {
        const key = JSON.stringify(toData(item));
        if (seen.has(key)) continue;
        seen.add(key);
        items.push(item);
      }
      return { ...over, items, loc: keep === 'base' ? base.loc : over.loc };
    }
    const items = [...base.items];
    for (const item of (withoutResets(over) as typeof over).items) {
      const key = unique(toData(item));
      const at = items.findIndex((b) => unique(toData(b)) === key);
      if (at >= 0) items[at] = item;
      else items.push(item);
    }
    return { ...over, items, loc: keep === 'base' ? base.loc : over.loc };
  }
  return withoutResets(over);
}

function mergeMaps(base: MapTree, over: MapTree, path: Path, keep: KeepLoc): MapTree {
  const entries = new Map(base.entries);
  for (const [key, value] of over.entries) {
    const merged = mergeInto(base.entries.get(key), value, [...path, key], keep);
    if (merged === undefined) entries.delete(key);
    else entries.set(key, merged);
  }
  return { kind: 'map', entries, loc: keep === 'base' ? base.loc : over.loc };
}

function stripTag(tree: Tree): Tree {
  if (tree.tag === undefined) return tree;
  const { tag: _tag, ...rest } = tree;
  return rest as Tree;
}

/** A `["KEY=VALUE", "NAME"]` sequence as a mapping (`NAME` with a null value), each entry where it was written. */
export function asMapping(tree: Tree, hostColon = false): MapTree {
  if (tree.kind === 'map') return tree;
  const entries = new Map<string, Tree>();
  if (tree.kind === 'seq') {
    for (const item of tree.items) {
      const text = item.kind === 'scalar' && item.value !== null ? String(item.value) : '';
      // KEY=VALUE; `extra_hosts` may also be written host:ip.
      const at = text.includes('=') ? text.indexOf('=') : hostColon ? text.indexOf(':') : -1;
      const key = at >= 0 ? text.slice(0, at) : text;
      // The item's marks stay with its value: what it read from .env, or a variable nothing sets.
      const marks = item.kind === 'scalar' ? { ...(item.unresolved && { unresolved: item.unresolved }), ...(item.sources && { sources: item.sources }) } : {};
      entries.set(key, { kind: 'scalar', value: at >= 0 ? text.slice(at + 1) : null, loc: item.loc, ...marks });
    }
  }
  return { kind: 'map', entries, loc: tree.loc };
}

function portKey(item: unknown): string {
  if (typeof item === 'string' || typeof item === 'number') {
    const text = String(item);
    const protocol = text.includes('/') ? text.slice(text.lastIndexOf('/') + 1) : 'tcp';
    return `${text.replace(/\/[a-z]+$/, '')}/${protocol}`;
  }
  const p = (item ?? {}) as Record<string, unknown>;
  return `${String(p.host_ip ?? '')}:${String(p.published ?? '')}:${String(p.target ?? '')}/${String(p.protocol ?? 'tcp')}`;
}

function volumeTarget(spec: string): string {
  const parts = spec.split(':');
  return parts.length === 1 ? spec : (parts[1] ?? spec);
}

function resourceKey(item: unknown): string {
  if (typeof item === 'string') return `/run/secrets/${item}`;
  const r = (item ?? {}) as Record<string, unknown>;
  return String(r.target ?? r.source ?? JSON.stringify(item));
}
