import { ParseError } from '../parse-error.js';
import { isMapTree, isSeqTree, type MapTree, type Tree } from './tree.js';

/** One `include` entry: the files of the included project, its project directory and env files. */
export interface IncludeEntry {
  readonly paths: readonly string[];
  readonly projectDirectory?: string;
  readonly envFiles: readonly string[];
  readonly line: number;
}

/** The entries of a top-level `include:` (short syntax: a path; long: `path`, `project_directory`, `env_file`). */
export function includeEntries(path: string, tree: MapTree): IncludeEntry[] {
  const include = tree.entries.get('include');
  if (include === undefined || (include.kind === 'scalar' && include.value === null)) return [];
  if (!isSeqTree(include)) throw new ParseError(path, include.loc.startLine, '`include` must be a list of paths or of mappings with `path:`.');
  return include.items.map((item) => {
    const line = item.loc.startLine;
    if (item.kind === 'scalar' && typeof item.value === 'string') return { paths: [item.value], envFiles: [], line };
    if (isMapTree(item)) {
      const paths = strings(item.entries.get('path'));
      const dir = item.entries.get('project_directory');
      if (paths.length > 0) {
        return {
          paths,
          ...(dir?.kind === 'scalar' && typeof dir.value === 'string' ? { projectDirectory: dir.value } : {}),
          envFiles: strings(item.entries.get('env_file')),
          line,
        };
      }
    }
    throw new ParseError(path, line, 'an `include` entry must be a path or a mapping with `path:` (a path or a list of paths).');
  });
}

function strings(tree: Tree | undefined): string[] {
  if (tree?.kind === 'scalar' && typeof tree.value === 'string') return [tree.value];
  if (isSeqTree(tree)) return tree.items.flatMap((i) => (i.kind === 'scalar' && typeof i.value === 'string' ? [i.value] : []));
  return [];
}

/** Resource sections an included project contributes; a name defined on both sides is an error, as in compose. */
const SECTIONS = ['services', 'networks', 'volumes', 'secrets', 'configs'];

/** Adds an included project's resources to the including model, refusing conflicts. */
export function addIncluded(path: string, into: MapTree, included: MapTree, line: number, includedPath: string): MapTree {
  const entries = new Map(into.entries);
  for (const section of SECTIONS) {
    const theirs = included.entries.get(section);
    if (!isMapTree(theirs)) continue;
    const ours = entries.get(section);
    const merged = new Map(isMapTree(ours) ? ours.entries : []);
    for (const [name, value] of theirs.entries) {
      const existing = merged.get(name);
      if (existing !== undefined) {
        throw new ParseError(existing.loc.path, existing.loc.startLine, `${section}.${name} is also defined by the included file ${includedPath} (included at ${path}:${line}); compose refuses the conflict. Rename one of them.`);
      }
      merged.set(name, value);
    }
    entries.set(section, { kind: 'map', entries: merged, loc: isMapTree(ours) ? ours.loc : theirs.loc });
  }
  entries.delete('include');
  return { ...into, entries };
}
