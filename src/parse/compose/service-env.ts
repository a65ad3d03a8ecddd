import { posix } from 'node:path';
import { ParseError } from '../parse-error.js';
import { EnvFileError, parseEnvFileLines, parseRawEnvFileLines } from './env-file.js';
import type { Lookup } from './interpolate.js';
import { asMapping } from './merge.js';
import { optionalFile, requireFile, resolveRelated, type RelatedFiles } from './related.js';
import { isMapTree, isSeqTree, type MapTree, type Tree } from './tree.js';

/**
 * The most environment entries a project's env_files may give its services in all. A small env file
 * named by every service multiplies: 500 services reading one of 1,000 lines made half a million
 * entries (5 s, 1.4 GB), 5,000 services never finished. Real projects give a few hundred.
 */
export const MAX_ENV_FILE_ENTRIES = 50_000;

/**
 * One `env_file` entry: short syntax is a path; long syntax `{path, required, format}` (required by
 * default; `format: raw` reads values as written, without quotes or interpolation).
 */
interface EnvFileRef {
  readonly path: string;
  readonly required: boolean;
  readonly raw: boolean;
  readonly at: Tree;
}

/**
 * Reads every service's `env_file`s into its `environment`, as compose does: files in order (a later
 * file wins), then `environment` over them all. Paths are relative to the project directory (the main
 * file's); a missing file is an error at the `env_file` entry unless it says `required: false`.
 * Each value read keeps the env file's path and line, so a finding about it points there.
 */
export function addEnvFiles(model: MapTree, projectFile: string, related: RelatedFiles, lookup: Lookup, used: Set<string>): MapTree {
  const services = model.entries.get('services');
  if (!isMapTree(services)) return model;
  const resolved = new Map<string, Tree>();
  // Each file read once, however many services name it; every entry it gives a service counted.
  const parsed = new Map<string, ReturnType<typeof parseEnvFileLines>>();
  let entries = 0;
  for (const [name, service] of services.entries) {
    const refs = isMapTree(service) ? envFileRefs(service.entries.get('env_file')) : [];
    if (!isMapTree(service) || refs.length === 0) {
      resolved.set(name, service);
      continue;
    }
    const env = new Map<string, Tree>();
    for (const ref of refs) {
      const path = relatedPath(projectFile, ref);
      // compose refuses a missing required env file; one made at deploy time is written `required: false`.
      const text = ref.required ? requireFile(related, path, ref.at.loc.path, ref.at.loc.startLine, 'env_file (required unless `required: false`)') : optionalFile(related, path, ref.at.loc.path);
      if (text === null) continue;
      used.add(path);
      const cacheKey = `${ref.raw ? 'raw' : 'dotenv'}\u0000${path}`;
      let values = parsed.get(cacheKey);
      try {
        values ??= ref.raw ? parseRawEnvFileLines(text.text, lookup) : parseEnvFileLines(text.text, lookup);
      } catch (thrown) {
        if (thrown instanceof EnvFileError) throw new ParseError(path, thrown.line, thrown.message);
        throw thrown;
      }
      parsed.set(cacheKey, values);
      entries += values.size;
      if (entries > MAX_ENV_FILE_ENTRIES) {
        throw new ParseError(
          ref.at.loc.path,
          ref.at.loc.startLine,
          `the services' env_file entries give them more than ${MAX_ENV_FILE_ENTRIES} environment variables in all (service "${name}" reads ${values.size} from ${path}). Give each service only the variables it needs, or split the project.`,
        );
      }
      for (const [key, { value, line, unresolved }] of values) {
        env.delete(key);
        const loc = { path, startLine: line, endLine: line };
        // Marked as interpolation marks compose values, so rules know unknown from literal without reading the text.
        env.set(key, unresolved.length > 0 ? { kind: 'scalar', value, loc, unresolved } : { kind: 'scalar', value, loc });
      }
    }
    const own = service.entries.get('environment');
    const ownEntries = own === undefined || (own.kind === 'scalar' && own.value === null) ? new Map<string, Tree>() : asMapping(own).entries;
    for (const [key, value] of ownEntries) {
      // A bare entry nothing resolved gives no value, and compose keeps the env_file's (RemoveEmpty).
      if (value.kind === 'scalar' && value.value === null && env.has(key)) continue;
      env.delete(key);
      env.set(key, value);
    }
    const loc = own?.loc ?? (service.entries.get('env_file') as Tree).loc;
    resolved.set(name, { ...service, entries: new Map([...service.entries, ['environment', { kind: 'map', entries: env, loc }]]) });
  }
  return { ...model, entries: new Map([...model.entries, ['services', { ...services, entries: resolved }]]) };
}

function envFileRefs(tree: Tree | undefined): EnvFileRef[] {
  if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) return [];
  const items = isSeqTree(tree) ? tree.items : [tree];
  return items.flatMap((item): EnvFileRef[] => {
    if (item.kind === 'scalar' && item.value !== null) return [{ path: String(item.value), required: true, raw: false, at: item }];
    if (isMapTree(item)) {
      const path = item.entries.get('path');
      const required = item.entries.get('required');
      if (path?.kind === 'scalar' && path.value !== null) {
        const optional = required?.kind === 'scalar' && String(required.value).toLowerCase() === 'false';
        return [{ path: String(path.value), required: !optional, raw: isRawFormat(item.entries.get('format')), at: item }];
      }
    }
    throw new ParseError(item.loc.path, item.loc.startLine, '`env_file` entries must be paths or mappings with `path:` (and optionally `required:` and `format:`).');
  });
}

/**
 * Whether an entry's `format` is `raw`. Absent (or empty) is compose's own `.env` syntax; any other
 * name is one docker compose has no parser for, and it refuses the project.
 */
function isRawFormat(format: Tree | undefined): boolean {
  if (format === undefined || (format.kind === 'scalar' && (format.value === null || format.value === ''))) return false;
  if (format.kind === 'scalar' && format.value === 'raw') return true;
  const written = format.kind === 'scalar' ? `"${String(format.value)}"` : 'that is not a name';
  throw new ParseError(format.loc.path, format.loc.startLine, `env_file format ${written} is not one docker compose reads: write \`format: raw\` to take values as written, or leave it out for the .env syntax.`);
}

/** The workspace path of an env file, relative to the project directory; refusals point at the entry. */
function relatedPath(projectFile: string, ref: EnvFileRef): string {
  try {
    return resolveRelated(projectFile, ref.path, ref.at.loc.startLine, 'env_file');
  } catch (thrown) {
    if (!(thrown instanceof ParseError)) throw thrown;
    const reason = thrown.message.slice(`${thrown.path}:${thrown.line}: `.length);
    throw new ParseError(ref.at.loc.path, ref.at.loc.startLine, reason || `env_file "${posix.normalize(ref.path)}" cannot be read.`);
  }
}
