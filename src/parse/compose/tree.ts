import type { LineRange } from '../parsed-file.js';
import type { VariableSource } from '../input-document.js';

/** Where a value was written: the file (workspace-relative) and its lines. */
export interface SourceRange extends LineRange {
  readonly path: string;
}

/**
 * The lines text[start, end) covers, trailing whitespace left out: how every value of a compose file
 * is located, by both readers of its YAML (the yaml library's tree in yaml-tree.ts, plain-yaml.ts),
 * which must agree to the line. `lineOf` gives an offset's 1-based line.
 */
export function spanLines(path: string, text: string, start: number, end: number, lineOf: (offset: number) => number): SourceRange {
  let last = end;
  while (last > start && /\s/.test(text[last - 1] ?? '')) last--;
  return { path, startLine: lineOf(start), endLine: lineOf(Math.max(start, last - 1)) };
}

/** A YAML value that remembers where it was written. Maps keep key order. */
export type Tree =
  | {
      readonly kind: 'scalar';
      readonly value: string | number | boolean | null;
      readonly loc: SourceRange;
      readonly tag?: string;
      /** Variables nothing sets, which the value holds as blank (as compose does). */
      readonly unresolved?: readonly string[];
      /** With `unresolved`: the value with those variables kept as written (`${PORT}:80`). */
      readonly written?: string;
      /** Variables the value read that a `.env` file or the configuration sets, and where. */
      readonly sources?: readonly VariableSource[];
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

/**
 * The location of the node at `path`, or of its deepest existing ancestor when the path runs past the
 * tree. Segments match as their string forms (`1` and `"1"` are the same index or key), so a path
 * built from the policy's JSON finds the same node. Walks the tree rather than indexing every node up
 * front: a document is located a few times, and an index of every path cost more than all the lookups.
 */
export function locateIn(tree: Tree, path: readonly (string | number)[]): SourceRange {
  let node = tree;
  for (const segment of path) {
    const key = String(segment);
    let next: Tree | undefined;
    if (node.kind === 'map') next = node.entries.get(key);
    else if (node.kind === 'seq') {
      const index = Number(key);
      next = Number.isInteger(index) && String(index) === key ? node.items[index] : undefined;
    }
    if (next === undefined) break;
    node = next;
  }
  return node.loc;
}
