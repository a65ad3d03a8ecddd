import { posix } from 'node:path';
import { isMapTree, isSeqTree, type MapTree, type Tree } from './tree.js';
import { isWindowsAbsolute } from './path-forms.js';

/**
 * A service taken from a file in another directory (an `extends.file` base, an included project) with
 * its relative paths rewritten to stay right from `toDir`, as compose resolves them: `build` context,
 * `env_file`, and bind-mount sources. Locations are kept, so a finding still points at the base file.
 */
export function rebaseService(service: Tree, fromDir: string, toDir: string): Tree {
  if (!isMapTree(service) || posix.normalize(fromDir) === posix.normalize(toDir)) return service;
  const move = (path: string): string => rebasePath(path, fromDir, toDir);
  const moveContext = (context: string): string => (isRemoteContext(context) ? context : move(context));
  const entries = new Map(service.entries);
  const build = entries.get('build');
  if (build !== undefined) entries.set('build', isMapTree(build) ? withEntry(build, 'context', moveContext) : scalar(build, moveContext));
  const envFile = entries.get('env_file');
  if (envFile !== undefined) entries.set('env_file', eachItem(envFile, (item) => (isMapTree(item) ? withEntry(item, 'path', move) : scalar(item, move))));
  const volumes = entries.get('volumes');
  if (volumes !== undefined) entries.set('volumes', eachItem(volumes, (item) => (isMapTree(item) ? bindSource(item, move) : scalar(item, (text) => shortVolume(text, move)))));
  return { ...service, entries };
}

/** Every service of a model rebased (an included project into the including file's directory). */
export function rebaseServices(model: MapTree, fromDir: string, toDir: string): MapTree {
  const services = model.entries.get('services');
  if (!isMapTree(services)) return model;
  const rebased = new Map([...services.entries].map(([name, svc]) => [name, rebaseService(svc, fromDir, toDir)]));
  return { ...model, entries: new Map([...model.entries, ['services', { ...services, entries: rebased }]]) };
}

/**
 * A relative path written in `fromDir`, as seen from `toDir`. Compose joins every path that is not
 * absolute to the directory of the file that wrote it, so `app` and `vars.env` move as `./app` does;
 * absolute paths (POSIX or Windows) and `~` paths stay. The file was interpolated already, so a `$`
 * left in it is text, as it is to compose.
 */
export function rebasePath(path: string, fromDir: string, toDir: string): string {
  if (path === '' || isAbsoluteAnywhere(path) || path.startsWith('~')) return path;
  // A backslash stays part of a name, as everywhere in a path read here: a related file whose path holds
  // one is refused where it is read, and turning it into a slash would have read a file it never named.
  const moved = posix.relative(toDir, posix.join(fromDir, path)) || '.';
  return moved.startsWith('.') ? moved : `./${moved}`;
}

function isAbsoluteAnywhere(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || isWindowsAbsolute(path);
}

/**
 * A build context compose hands to the builder as it is: a URL (`https://`, `docker-image://`, any
 * `scheme://`), a Git reference (`git@`, `github.com/`), or another service's image (`service:`).
 */
function isRemoteContext(context: string): boolean {
  return context.includes('://') || /^(git@|github\.com\/|service:)/.test(context);
}

/**
 * The short syntax's source is a path only when it starts with `.`, `/`, `~` or is a Windows path, as
 * compose reads it; any other name (`data:/data`) is a named volume, which has no directory.
 */
function shortVolume(text: string, move: (path: string) => string): string {
  const colon = text.indexOf(':');
  return colon > 0 && text.startsWith('.') ? move(text.slice(0, colon)) + text.slice(colon) : text;
}

function bindSource(item: MapTree, move: (path: string) => string): Tree {
  const type = item.entries.get('type');
  return type?.kind === 'scalar' && type.value === 'bind' ? withEntry(item, 'source', move) : item;
}

function scalar(tree: Tree, change: (text: string) => string): Tree {
  return tree.kind === 'scalar' && typeof tree.value === 'string' ? { ...tree, value: change(tree.value) } : tree;
}

function withEntry(tree: MapTree, key: string, change: (text: string) => string): MapTree {
  const value = tree.entries.get(key);
  return value === undefined ? tree : { ...tree, entries: new Map([...tree.entries, [key, scalar(value, change)]]) };
}

function eachItem(tree: Tree, change: (item: Tree) => Tree): Tree {
  if (isSeqTree(tree)) return { ...tree, items: tree.items.map(change) };
  return change(tree);
}
