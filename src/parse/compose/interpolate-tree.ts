import { ParseError } from '../parse-error.js';
import { interpolate, InterpolationError, type Lookup } from './interpolate.js';
import type { Tree } from './tree.js';

/**
 * Interpolates every string value of a file's tree (keys are left as written, as compose does). Values
 * that read variables nothing sets hold them as blank, list them in `unresolved` and keep them as written
 * in `written`; a refused template is
 * a ParseError at the value's line.
 */
export function interpolateTree(tree: Tree, lookup: Lookup): Tree {
  // Trees are never modified, so a branch without variables is returned as it is rather than copied.
  if (tree.kind === 'seq') {
    const items = tree.items.map((item) => interpolateTree(item, lookup));
    return items.some((item, i) => item !== tree.items[i]) ? { ...tree, items } : tree;
  }
  if (tree.kind === 'map') {
    let entries: Map<string, Tree> | undefined;
    for (const [key, value] of tree.entries) {
      const next = interpolateTree(value, lookup);
      if (next !== value && entries === undefined) entries = new Map(tree.entries);
      entries?.set(key, next);
    }
    return entries === undefined ? tree : { ...tree, entries };
  }
  if (typeof tree.value !== 'string' || !tree.value.includes('$')) return tree;
  try {
    const { value, unresolved } = interpolate(tree.value, lookup);
    return unresolved.length > 0 ? { ...tree, value, unresolved, written: interpolate(tree.value, lookup, true).value } : { ...tree, value };
  } catch (thrown) {
    if (thrown instanceof InterpolationError) throw new ParseError(tree.loc.path, tree.loc.startLine, thrown.message);
    throw thrown;
  }
}
