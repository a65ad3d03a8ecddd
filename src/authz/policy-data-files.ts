import { parse } from 'yaml';
import { withQuietYaml } from '../parse/quiet-yaml.js';
import { UserError } from '../errors.js';

/** A data file's name as OPA loads it from a bundle directory: `data.json`, `data.yaml` or `data.yml`. */
export const isPolicyDataFile = (path: string): boolean => /(^|\/)data\.(json|ya?ml)$/.test(path);

/** A YAML document may not expand aliases beyond this many nodes: a small file must not become a huge value. */
const MAX_ALIAS_COUNT = 100;

/**
 * The data a policy directory brings, as `opa build` of that directory (and an opa-docker-authz
 * bundle) sees it: each data file's content placed at its folder's path below the directory
 * (`dir/data.json` at the root, `dir/limits/data.yaml` under `data.limits`). Two files that set the
 * same value are an error, as in OPA, rather than one silently winning.
 */
export function policyDirectoryData(dir: string, files: readonly { path: string; content: Uint8Array }[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const base = dir.replace(/^\.\//, '').replace(/\/+$/, '');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const rel = base === '' || base === '.' ? file.path : file.path.slice(base.length + 1);
    const folders = rel.split('/').slice(0, -1);
    const value = parseDataFile(file.path, Buffer.from(file.content).toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UserError(`${file.path}: a policy data file must hold an object (its keys become data.${[...folders, '<key>'].join('.')}); it holds ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}.`);
    }
    let node = root;
    for (const folder of folders) {
      const next = node[folder];
      if (next !== undefined && (typeof next !== 'object' || next === null || Array.isArray(next))) {
        throw new UserError(`${file.path}: data.${folders.join('.')} is already set to a value by another data file of ${dir}.`);
      }
      node = (node[folder] ??= {}) as Record<string, unknown>;
    }
    mergeInto(node, value as Record<string, unknown>, file.path, folders);
  }
  return root;
}

function parseDataFile(path: string, text: string): unknown {
  try {
    if (path.endsWith('.json')) return JSON.parse(text);
    return withQuietYaml(() => parse(text, { maxAliasCount: MAX_ALIAS_COUNT, uniqueKeys: true }) as unknown) ?? {};
  } catch (thrown) {
    throw new UserError(`${path}: the policy data file is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(thrown as Error).message}`);
  }
}

function mergeInto(target: Record<string, unknown>, value: Record<string, unknown>, file: string, at: readonly string[]): void {
  for (const [key, item] of Object.entries(value)) {
    const existing = target[key];
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (existing === undefined) target[key] = item;
    else if (isObject(existing) && isObject(item)) mergeInto(existing as Record<string, unknown>, item as Record<string, unknown>, file, [...at, key]);
    else throw new UserError(`${file}: data.${[...at, key].join('.')} is also set by another data file of the same policy directory; OPA refuses the conflict, so does this check.`);
  }
}
