import { posix } from 'node:path';
import { LineCounter, Lexer, parse, parseDocument } from 'yaml';
import { withQuietYaml } from '../parse/quiet-yaml.js';
import { yamlBoundsGauge } from '../parse/yaml-bounds.js';
import { readPlainYaml } from '../parse/compose/plain-yaml.js';
import { child, isMapTree, toData, type Tree } from '../parse/compose/tree.js';

/** A compose service that builds its image from a Dockerfile in the workspace. */
export interface BuildReference {
  readonly compose: string;
  readonly service: string;
  /** Workspace-relative path of the Dockerfile the service builds from. */
  readonly dockerfile: string;
}

/**
 * The Dockerfiles a compose file's services build from (`build: dir` or `build: {context, dockerfile}`),
 * resolved as compose resolves them: the context against the compose file's directory, the Dockerfile
 * (default `Dockerfile`) against the context. Remote contexts, inline Dockerfiles (checked with the
 * compose file itself, see parse/compose/inline-dockerfiles.ts) and interpolated values are left out:
 * they name no workspace file. A file that does not parse yields nothing here; it is reported when it
 * is checked itself.
 */
export function findBuildReferences(composePath: string, text: string): BuildReference[] {
  const services = (parseComposeText(text) as { services?: unknown } | null | undefined)?.services;
  if (!services || typeof services !== 'object' || Array.isArray(services)) return [];
  const dir = posix.dirname(composePath);
  const refs: BuildReference[] = [];
  for (const [service, definition] of Object.entries(services as Record<string, unknown>)) {
    const build = (definition as { build?: unknown } | null)?.build;
    const spec = typeof build === 'string' ? { context: build } : build && typeof build === 'object' ? (build as Record<string, unknown>) : undefined;
    if (!spec || spec.dockerfile_inline !== undefined) continue;
    const context = typeof spec.context === 'string' ? spec.context : '.';
    const dockerfile = typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile';
    if (/:\/\/|^git@|\$/.test(context) || dockerfile.includes('$') || posix.isAbsolute(dockerfile) || posix.isAbsolute(context)) continue;
    const resolved = posix.normalize(posix.join(dir, context, dockerfile));
    if (resolved.startsWith('../') || resolved === '..') continue;
    refs.push({ compose: composePath, service, dockerfile: resolved });
  }
  return refs;
}

/** A service's `build.dockerfile`, as written and resolved (context and file joined to the compose file's directory). */
export interface NamedDockerfile extends BuildReference {
  /** The line of the `dockerfile` key. */
  readonly line: number;
  /** Resolved without a check of where it leads: `../` past the root, or absolute (a path compose uses as it is). */
  readonly dockerfile: string;
}

/**
 * The Dockerfiles a compose file's services name with `build.dockerfile`, each with its line. Unlike
 * findBuildReferences these include paths that leave the directory tree, for the caller to refuse; a
 * remote context, and a context or file written with a variable, name no file it can trace and are left
 * out, as is a file that does not parse (its own check reports that).
 */
export function findNamedDockerfiles(composePath: string, text: string): NamedDockerfile[] {
  if (!/dockerfile["']?\s*:/.test(text)) return [];
  // The compose reader's own fast path first: the yaml library costs several times as much, and the
  // CLI looks at every scanned compose file before any is checked.
  const plain = readPlainYaml(composePath, text);
  if (plain !== undefined) return namedInTree(composePath, plain);
  if (tooCostlyToParse(text)) return [];
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = withQuietYaml(() => parseDocument(text, { lineCounter }));
    if (doc.errors.length > 0) return [];
  } catch {
    return [];
  }
  const services = (withQuietYaml(() => doc.toJS({ maxAliasCount: 100 })) as { services?: unknown } | null | undefined)?.services;
  if (!services || typeof services !== 'object' || Array.isArray(services)) return [];
  const named: NamedDockerfile[] = [];
  for (const [service, definition] of Object.entries(services as Record<string, unknown>)) {
    const build = (definition as { build?: unknown } | null)?.build;
    if (!build || typeof build !== 'object' || Array.isArray(build)) continue;
    const { context = '.', dockerfile } = build as Record<string, unknown>;
    // Written through an alias or merge key, the value has no node of its own here: the service's line then.
    const node = doc.getIn(['services', service, 'build', 'dockerfile'], true) ?? doc.getIn(['services', service], true);
    const offset = (node as { range?: readonly number[] } | undefined)?.range?.[0] ?? 0;
    const found = namedDockerfile(composePath, service, context, dockerfile, lineCounter.linePos(offset).line);
    if (found) named.push(found);
  }
  return named;
}

/** findNamedDockerfiles over the compose reader's tree: the same services, values and lines. */
function namedInTree(composePath: string, tree: Tree): NamedDockerfile[] {
  const services = child(tree, 'services');
  if (!isMapTree(services)) return [];
  const named: NamedDockerfile[] = [];
  for (const [service, definition] of services.entries) {
    const build = child(definition, 'build');
    if (!isMapTree(build)) continue;
    const context = child(build, 'context');
    const dockerfile = child(build, 'dockerfile');
    const value = (t: Tree | undefined) => (t === undefined ? undefined : t.kind === 'scalar' ? t.value : toData(t));
    const found = namedDockerfile(composePath, service, context === undefined ? '.' : value(context), value(dockerfile), dockerfile?.loc.startLine ?? 1);
    if (found) named.push(found);
  }
  return named;
}

/** A service's build.dockerfile resolved against its context and the compose file's directory; undefined when it names no file the check can trace. */
function namedDockerfile(composePath: string, service: string, context: unknown, dockerfile: unknown, line: number): NamedDockerfile | undefined {
  if (typeof dockerfile !== 'string' || dockerfile === '' || typeof context !== 'string') return undefined;
  if (/:\/\/|^git@|^[a-z][a-z0-9+.-]*:/i.test(context) || /\$/.test(context + dockerfile)) return undefined;
  const dir = posix.dirname(composePath);
  const resolved = posix.isAbsolute(dockerfile) ? posix.normalize(dockerfile) : posix.normalize(posix.join(posix.isAbsolute(context) ? context : posix.join(dir, context), dockerfile));
  return { compose: composePath, service, dockerfile: resolved, line };
}

/**
 * A compose file's YAML as plain data, for discovery's look at what it refers to; undefined when it
 * does not parse or is past the compose reader's bounds (its own check reports that).
 */
export function parseComposeText(text: string): unknown {
  if (tooCostlyToParse(text)) return undefined;
  try {
    return withQuietYaml(() => parse(text, { maxAliasCount: 100 }) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * The compose reader's bounds (nesting depth, content tokens), checked before the yaml library builds
 * anything: every compose file of a pull request's workspace passes through here, and a hostile one
 * would otherwise cost seconds and gigabytes before any later limit applied.
 */
function tooCostlyToParse(text: string): boolean {
  const bounds = yamlBoundsGauge();
  for (const token of new Lexer().lex(text)) {
    if (bounds(token)) return true;
  }
  return false;
}
