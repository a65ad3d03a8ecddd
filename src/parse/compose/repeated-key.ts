import { isMap, isPair, isScalar, isSeq, type Pair } from 'yaml';

/**
 * Whether any mapping under `root` has a key twice, as the yaml library's `uniqueKeys: true` judges it:
 * two scalar keys with the same value (`===`, so `.nan` never repeats), at any depth, keys that are
 * collections included. The library checks each key against every earlier key of its mapping, which
 * is quadratic in a mapping's size (50 ms of the 2,000-service file); this is one pass with a set.
 * Scalars end the walk, and so do aliases: each stands for a node walked where its anchor is.
 */
export function hasRepeatedKey(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items as Pair<unknown, unknown>[]) {
        if (isScalar(pair.key) && !Number.isNaN(pair.key.value)) {
          if (seen.has(pair.key.value)) return true;
          seen.add(pair.key.value);
        }
        pending.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isPair(node)) {
      pending.push(node.key, node.value);
    }
  }
  return false;
}
