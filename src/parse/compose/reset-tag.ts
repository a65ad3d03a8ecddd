import type { Tree } from './tree.js';

/**
 * compose-go reads each file with its `!reset` values already taken out (loader/reset.go drops a
 * tagged mapping value or sequence item from the file's own content, and only then merges it, deleting
 * what earlier files set at that path). So in a single file `cap_drop: !reset [ALL]` drops no
 * capability at all, and over a base that resets it, an override's `cap_drop` is the only one. The
 * trees here keep the tag so that a merge can delete with it; this gives the tree compose would use.
 * Returns the same tree when it holds no `!reset` below its root.
 */
export function withoutResets(tree: Tree): Tree {
  if (tree.kind === 'map') {
    let entries: Map<string, Tree> | undefined;
    for (const [key, value] of tree.entries) {
      const kept = value.tag === '!reset' ? undefined : withoutResets(value);
      if (kept === value) continue;
      entries ??= new Map(tree.entries);
      if (kept === undefined) entries.delete(key);
      else entries.set(key, kept);
    }
    return entries === undefined ? tree : { ...tree, entries };
  }
  if (tree.kind === 'seq') {
    const items = tree.items.flatMap((item) => (item.tag === '!reset' ? [] : [withoutResets(item)]));
    return items.length === tree.items.length && items.every((item, i) => item === tree.items[i]) ? tree : { ...tree, items };
  }
  return tree;
}

/**
 * An `!override` value as compose-go takes it: whole, its content not searched for further tags
 * (resolveReset returns the node without visiting it), so a `!reset` inside it removes nothing.
 */
export function untagged(tree: Tree): Tree {
  const { tag: _tag, ...rest } = tree;
  if (rest.kind === 'map') return { ...rest, entries: new Map([...rest.entries].map(([key, value]) => [key, untagged(value)])) };
  if (rest.kind === 'seq') return { ...rest, items: rest.items.map(untagged) };
  return rest;
}
