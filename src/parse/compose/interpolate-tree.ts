import { ParseError } from '../parse-error.js';
import { interpolate, InterpolationError, type Lookup } from './interpolate.js';
import type { VariableSource } from '../input-document.js';
import type { Tree } from './tree.js';

/** Where a variable with a value is set, when a file or the configuration sets it. */
export type SourceOf = (name: string) => VariableSource | undefined;

/**
 * Interpolates every string value of a file's tree (keys are left as written, as compose does). Values
 * that read variables nothing sets hold them as blank, list them in `unresolved` and keep them as written
 * in `written`; values that read variables a `.env` file or the configuration sets list where in
 * `sources`, for a finding to say that the value to change is there. A refused template is a
 * ParseError at the value's line.
 */
export function interpolateTree(tree: Tree, lookup: Lookup, sourceOf: SourceOf = () => undefined): Tree {
  // Trees are never modified, so a branch without variables is returned as it is rather than copied.
  if (tree.kind === 'seq') {
    const items = tree.items.map((item) => interpolateTree(item, lookup, sourceOf));
    return items.some((item, i) => item !== tree.items[i]) ? { ...tree, items } : tree;
  }
  if (tree.kind === 'map') {
    let entries: Map<string, Tree> | undefined;
    for (const [key, value] of tree.entries) {
      const next = interpolateTree(value, lookup, sourceOf);
      if (next !== value && entries === undefined) entries = new Map(tree.entries);
      entries?.set(key, next);
    }
    return entries === undefined ? tree : { ...tree, entries };
  }
  if (typeof tree.value !== 'string' || !tree.value.includes('$')) return tree;
  try {
    const read = new Set<string>();
    const { value, unresolved } = interpolate(tree.value, (name) => {
      const found = lookup(name);
      if (found !== undefined) read.add(name);
      return found;
    });
    const sources = sourcesOf(read, sourceOf);
    const interpolated = sources.length > 0 ? { ...tree, value, sources } : { ...tree, value };
    return unresolved.length > 0 ? { ...interpolated, unresolved, written: interpolate(tree.value, lookup, true).value } : interpolated;
  } catch (thrown) {
    if (thrown instanceof InterpolationError) throw new ParseError(tree.loc.path, tree.loc.startLine, thrown.message);
    throw thrown;
  }
}

function sourcesOf(names: ReadonlySet<string>, sourceOf: SourceOf): VariableSource[] {
  const sources: VariableSource[] = [];
  for (const name of names) {
    const source = sourceOf(name);
    if (source !== undefined) sources.push(source);
  }
  return sources;
}
