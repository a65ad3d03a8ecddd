import { isScalar, visit, type Node } from 'yaml';

/**
 * Whether any mapping under `root` has a key twice, as the yaml library's `uniqueKeys: true` judges it:
 * two scalar keys with the same value (`===`, so `.nan` never repeats), at any depth, keys that are
 * collections included. The library checks each key against every earlier key of its mapping, which
 * is quadratic in a mapping's size (50 ms of the 2,000-service file); this is one set per mapping,
 * over the library's own walk (which does not follow aliases: each stands for a node walked where its
 * anchor is).
 */
export function hasRepeatedKey(root: Node | null): boolean {
  let repeated = false;
  visit(root, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) {
          repeated = true;
          return visit.BREAK;
        }
        seen.add(key.value);
      }
      return undefined;
    },
  });
  return repeated;
}
