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
 * to every rule. A value still holding an unset variable stays text (unknown); any other text is a
 * ParseError at its line, as compose refuses the file.
 */
export function castBooleans(tree: Tree): Tree {
  return BOOLEAN_PATHS.reduce((current, pattern) => castAt(current, pattern, []), tree);
}

function castAt(tree: Tree, pattern: readonly string[], path: readonly string[]): Tree {
  const [head, ...rest] = pattern;
  if (head === undefined) return castScalar(tree, path);
  if (tree.kind === 'seq') {
    if (head !== '*' && head !== '[]') return tree;
    const items = tree.items.map((item, i) => castAt(item, rest, [...path, String(i)]));
    return items.some((item, i) => item !== tree.items[i]) ? { ...tree, items } : tree;
  }
  if (tree.kind !== 'map' || head === '[]') return tree;
  let entries: Map<string, Tree> | undefined;
  for (const [key, value] of tree.entries) {
    if (head !== '*' && head !== key) continue;
    const next = castAt(value, rest, [...path, key]);
    if (next === value) continue;
    entries ??= new Map(tree.entries);
    entries.set(key, next);
  }
  return entries === undefined ? tree : { ...tree, entries };
}

function castScalar(tree: Tree, path: readonly string[]): Tree {
  // compose casts strings only (YAML booleans already are; a mapping or list is the schema's to refuse),
  // after removing `!reset` nodes, whose text it never reads.
  if (tree.kind !== 'scalar' || typeof tree.value !== 'string' || tree.unresolved !== undefined || tree.tag === '!reset') return tree;
  const value = composeBoolean(tree.value);
  if (value === undefined) {
    throw new ParseError(tree.loc.path, tree.loc.startLine, `\`${path.join('.')}\` is ${JSON.stringify(tree.value)}, which docker compose refuses as a boolean; write true or false.`);
  }
  return { ...tree, value };
}
