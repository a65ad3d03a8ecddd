import { posix } from 'node:path';
import { isMapTree, isSeqTree, type MapTree, type Tree } from './tree.js';

/**
 * A service taken from a file in another directory (an `extends.file` base, an included project) with
 * its relative paths rewritten to stay right from `toDir`, as compose resolves them: `build` context,
 * `env_file`, and bind-mount sources. Locations are kept, so a finding still points at the base file.
 */
export function rebaseService(service: Tree, fromDir: string, toDir: string): Tree {
  if (!isMapTree(service) || posix.normalize(fromDir) === posix.normalize(toDir)) return service;
  const move = (path: string): string => rebasePath(path, fromDir, toDir);
  const entries = new Map(service.entries);
  const build = entries.get('build');
  if (build !== undefined) entries.set('build', isMapTree(build) ? withEntry(build, 'context', move) : scalar(build, move));
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

/** `./x` or `../x` written in `fromDir`, as seen from `toDir`; absolute, `~` and `$VAR` paths unchanged. */
export function rebasePath(path: string, fromDir: string, toDir: string): string {
  if (!/^\.\.?([\\/]|$)/.test(path)) return path;
  const moved = posix.relative(toDir, posix.join(fromDir, path.replace(/\\/g, '/'))) || '.';
  return moved.startsWith('.') ? moved : `./${moved}`;
}

function shortVolume(text: string, move: (path: string) => string): string {
  const colon = text.indexOf(':');
  return colon > 0 ? move(text.slice(0, colon)) + text.slice(colon) : text;
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
