import { ParseError } from '../parse-error.js';
import type { Tree } from './tree.js';

/**
 * The fields compose-go turns from text into booleans after interpolating a file (loader/interpolate.go,
 * buildInterpolateTypeCastMapping). `*` is any key or list item, `[]` a list item. Container fields apply
 * to services, jobs and pre_start containers, workload fields to services and jobs.
 */
const CONTAINER = [['init'], ['networks', '*', 'use_service_name_alias'], ['oom_kill_disable'], ['privileged'], ['read_only'], ['volumes', '[]', 'read_only'], ['volumes', '[]', 'volume', 'nocopy']];
const WORKLOAD = [['depends_on', '*', 'required'], ['depends_on', '*', 'restart'], ['healthcheck', 'disable'], ['stdin_open'], ['tty']];
const TOP_LEVEL = ['external', 'internal', 'attachable', 'enable_ipv4', 'enable_ipv6'].map((key) => ['networks', '*', key]);

export const BOOLEAN_PATHS: readonly (readonly string[])[] = [
  ...TOP_LEVEL,
  ...['volumes', 'secrets', 'configs'].map((section) => [section, '*', 'external']),
  ...[['services', '*'], ['jobs', '*'], ['services', '*', 'pre_start', '*']].flatMap((prefix) => CONTAINER.map((field) => [...prefix, ...field])),
  ...[['services', '*'], ['jobs', '*']].flatMap((prefix) => WORKLOAD.map((field) => [...prefix, ...field])),
];

/**
 * compose-go's toBoolean: `true`/`false` in any case, and the YAML 1.1 forms `y`/`yes`/`on` and
 * `n`/`no`/`off` (which it accepts with a warning); undefined for anything else, which compose refuses.
 */
export function composeBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'y' || lower === 'yes' || lower === 'on') return true;
  if (lower === 'false' || lower === 'n' || lower === 'no' || lower === 'off') return false;
  return undefined;
}

/**
 * One file's tree after interpolation with compose's boolean fields made booleans, as compose-go does
 * before merging files: `privileged: yes` and `privileged: "Y"` are `true` to compose, so they must be
 * to every rule. A value that is no boolean because of an unset variable stays text (unknown); any
 * other text is a ParseError at its line, as compose refuses the file.
 */
export function castBooleans(tree: Tree): Tree {
  return castAt(tree, BOOLEAN_TRIE, undefined);
}

/** BOOLEAN_PATHS as a trie, so one walk of the tree visits each value once whatever the number of paths. */
interface PathNode {
  leaf: boolean;
  readonly next: Map<string, PathNode>;
}

const BOOLEAN_TRIE: PathNode = (() => {
  const root: PathNode = { leaf: false, next: new Map() };
  for (const pattern of BOOLEAN_PATHS) {
    let node = root;
    for (const step of pattern) {
      let child = node.next.get(step);
      if (child === undefined) node.next.set(step, (child = { leaf: false, next: new Map() }));
      node = child;
    }
    node.leaf = true;
  }
  return root;
})();

/** Where a walk is, as a list from the value up: built into a path only for an error's message. */
interface Trail {
  readonly key: string;
  readonly up: Trail | undefined;
}

const keysOf = (trail: Trail | undefined): string[] => (trail === undefined ? [] : [...keysOf(trail.up), trail.key]);

function castAt(tree: Tree, node: PathNode, trail: Trail | undefined): Tree {
  let out = node.leaf ? castScalar(tree, trail) : tree;
  if (out.kind === 'seq') {
    // `*` and `[]` both match a sequence's items.
    for (const step of ['*', '[]']) {
      const child = node.next.get(step);
      if (child === undefined || out.kind !== 'seq') continue;
      const seq: Tree = out;
      const items: Tree[] = seq.items.map((item, i) => castAt(item, child, { key: String(i), up: trail }));
      if (items.some((item, i) => item !== seq.items[i])) out = { ...seq, items };
    }
    return out;
  }
  if (out.kind !== 'map' || node.next.size === 0) return out;
  const any = node.next.get('*');
  let entries: Map<string, Tree> | undefined;
  for (const [key, value] of out.entries) {
    const exact = node.next.get(key);
    if (exact === undefined && any === undefined) continue;
    const at = { key, up: trail };
    let next = exact === undefined || key === '*' || key === '[]' ? value : castAt(value, exact, at);
    if (any !== undefined) next = castAt(next, any, at);
    if (next === value) continue;
    entries ??= new Map(out.entries);
    entries.set(key, next);
  }
  return entries === undefined ? out : { ...out, entries };
}

function castScalar(tree: Tree, trail: Trail | undefined): Tree {
  // compose casts strings only (YAML booleans already are; a mapping or list is the schema's to refuse),
  // after removing `!reset` nodes, whose text it never reads.
  if (tree.kind !== 'scalar' || typeof tree.value !== 'string' || tree.tag === '!reset') return tree;
  const value = composeBoolean(tree.value);
  // An unset variable read as blank can leave text compose refuses (`${PRIV}` gives ""); that stays
  // text, unknown, as setting the variable may make it valid. `${X}true` is true, as compose runs it.
  if (value === undefined && tree.unresolved !== undefined) return tree;
  if (value === undefined) {
    throw new ParseError(tree.loc.path, tree.loc.startLine, `\`${keysOf(trail).join('.')}\` is ${JSON.stringify(tree.value)}, which docker compose refuses as a boolean; write true or false.`);
  }
  return { ...tree, value };
}
