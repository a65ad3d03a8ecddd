import type { LineRange } from '../parsed-file.js';

/** Where a value was written: the file (workspace-relative) and its lines. */
export interface SourceRange extends LineRange {
  readonly path: string;
}

/** A YAML value that remembers where it was written. Maps keep key order. */
export type Tree =
  | {
      readonly kind: 'scalar';
      readonly value: string | number | boolean | null;
      readonly loc: SourceRange;
      readonly tag?: string;
      /** Variables left as written (`${VAR}`) because nothing sets them. */
      readonly unresolved?: readonly string[];
    }
  | { readonly kind: 'seq'; readonly items: readonly Tree[]; readonly loc: SourceRange; readonly tag?: string }
  | { readonly kind: 'map'; readonly entries: ReadonlyMap<string, Tree>; readonly loc: SourceRange; readonly tag?: string };

export type MapTree = Extract<Tree, { kind: 'map' }>;
export type SeqTree = Extract<Tree, { kind: 'seq' }>;

export const isMapTree = (tree: Tree | undefined): tree is MapTree => tree?.kind === 'map';
export const isSeqTree = (tree: Tree | undefined): tree is SeqTree => tree?.kind === 'seq';

export function mapTree(entries: ReadonlyMap<string, Tree>, loc: SourceRange, tag?: string): MapTree {
  return tag === undefined ? { kind: 'map', entries, loc } : { kind: 'map', entries, loc, tag };
}

/** The same node placed at another location (a key's range when it becomes a map entry). */
export function relocate(tree: Tree, loc: SourceRange): Tree {
  return { ...tree, loc };
}

/** The child at `key` of a map (or index of a sequence). */
export function child(tree: Tree | undefined, key: string | number): Tree | undefined {
  if (tree?.kind === 'map') return tree.entries.get(String(key));
  if (tree?.kind === 'seq' && typeof key === 'number') return tree.items[key];
  return undefined;
}

/** Plain data, as the policies see it. */
export function toData(tree: Tree): unknown {
  if (tree.kind === 'scalar') return tree.value;
  if (tree.kind === 'seq') return tree.items.map(toData);
  const out: Record<string, unknown> = {};
  for (const [key, value] of tree.entries) out[key] = toData(value);
  return out;
}

/** A string key for a path, used to index locations. */
export const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path.map(String));

/** Every node's location by path, so `locate` works on the merged model. */
export function indexLocations(tree: Tree): Map<string, SourceRange> {
  const out = new Map<string, SourceRange>();
  const walk = (node: Tree, path: (string | number)[]): void => {
    out.set(pathKey(path), node.loc);
    if (node.kind === 'seq') node.items.forEach((item, i) => walk(item, [...path, i]));
    if (node.kind === 'map') for (const [key, value] of node.entries) walk(value, [...path, key]);
  };
  walk(tree, []);
  return out;
}
