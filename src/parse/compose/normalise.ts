import { parseImageRef } from '../image-ref.js';
import type { ComposeService, ComposeServicePath } from '../input-document.js';
import { ParseError } from '../parse-error.js';
import { composeBoolean } from './booleans.js';
import { cleanHostPath } from './host-path.js';
import { parsePort, parseVolume } from './ports-volumes.js';
import { MAX_COMMAND_WORDS, commandWords, spendWords, type WordBudget } from './command-words.js';
import { checkDefinitionNames, checkServiceCount, checkServiceKeys, checkServiceName, checkTopLevel } from './validate.js';
import { toBytes, toNanoseconds } from './units.js';
import { asMapping } from './merge.js';
import { child, isMapTree, isSeqTree, toData, type MapTree, type Tree } from './tree.js';

type P = ComposeServicePath;

/**
 * The normalised views of every service, the shapes rules rely on whatever syntax was written (short or
 * long `ports`/`volumes`/`devices`, list or map `environment`, `restart` or `deploy.restart_policy`, sizes
 * in bytes, durations in nanoseconds). Each entry carries the data path of what set it, for `locate`.
 * Values compose would refuse (a bad port, size or duration) are ParseErrors at their line. `projectDir`
 * (the main file's directory) is what relative host paths are joined to.
 */
export function normaliseProject(model: MapTree, projectDir: string): { services: Record<string, ComposeService> } {
  checkTopLevel(model);
  checkDefinitionNames(model);
  const services: Record<string, ComposeService> = {};
  const section = model.entries.get('services');
  if (section === undefined || (section.kind === 'scalar' && section.value === null)) return { services };
  if (!isMapTree(section)) throw new ParseError(section.loc.path, section.loc.startLine, '`services` must be a mapping of service names to definitions.');
  checkServiceCount(section);
  const hostDirs = namedVolumeHostDirs(model, projectDir);
  const words: WordBudget = { left: MAX_COMMAND_WORDS };
  for (const [name, tree] of section.entries) {
    checkServiceName(name, tree);
    if (tree.kind === 'scalar' && tree.value === null) {
      services[name] = normaliseService(name, { kind: 'map', entries: new Map(), loc: tree.loc }, hostDirs, projectDir, words);
      continue;
    }
    if (!isMapTree(tree)) throw new ParseError(tree.loc.path, tree.loc.startLine, `service "${name}" must be a mapping.`);
    checkServiceKeys(name, tree);
    services[name] = normaliseService(name, tree, hostDirs, projectDir, words);
  }
  return { services };
}

function normaliseService(name: string, svc: MapTree, hostDirs: ReadonlyMap<string, string>, projectDir: string, words: WordBudget): ComposeService {
  const base: P = ['services', name];
  const at = (...keys: (string | number)[]): P => [...base, ...keys];
  const data = (key: string): unknown => (svc.entries.has(key) ? toData(svc.entries.get(key) as Tree) : undefined);
  const fail = (tree: Tree | undefined, message: string): never => {
    const loc = tree?.loc ?? svc.loc;
    throw new ParseError(loc.path, loc.startLine, `service "${name}": ${message}`);
  };
  const text = (key: string): string | null => {
    const v = data(key);
    return v === undefined || v === null ? null : String(v);
  };

  const items = (key: string): { value: unknown; path: P; tree: Tree }[] => {
    const tree = svc.entries.get(key);
    if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) return [];
    if (isSeqTree(tree)) return tree.items.map((item, i) => ({ value: toData(item), path: at(key, i), tree: item }));
    if (tree.kind === 'scalar' && (key === 'tmpfs' || key === 'env_file' || key === 'dns')) return [{ value: tree.value, path: at(key), tree }];
    return fail(tree, `\`${key}\` must be a list.`);
  };
  // A mapping or a list of KEY=VALUE: the service's own `key`, or one inside another mapping of it (`build.args`).
  const keyed = (key: string, parent: MapTree = svc, within: string[] = []): { key: string; value: unknown; path: P }[] => {
    const tree = parent.entries.get(key);
    if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) return [];
    if (isSeqTree(tree)) {
      return [...asMapping(tree, key === 'extra_hosts').entries].map(([k, v], i) => ({ key: k, value: toData(v), path: at(...within, key, i) }));
    }
    if (isMapTree(tree)) return [...tree.entries].map(([k, v]) => ({ key: k, value: toData(v), path: at(...within, key, k) }));
    return fail(tree, `\`${[...within, key].join('.')}\` must be a mapping or a list of KEY=VALUE.`);
  };
  const build = svc.entries.get('build');
  const variables = (entries: { key: string; value: unknown; path: P }[]) =>
    Object.fromEntries(entries.map((e) => [e.key, { value: e.value === null || e.value === undefined ? null : String(e.value), path: e.path }]));

  const image = text('image');
  const resources = child(child(svc.entries.get('deploy'), 'resources'), 'limits');
  const limit = (deployKey: string, key: string, convert: (v: unknown) => number | undefined, what: string) => {
    const deployed = child(resources, deployKey);
    const own = svc.entries.get(key);
    for (const [tree, path] of [[deployed, at('deploy', 'resources', 'limits', deployKey)], [own, at(key)]] as const) {
      if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) continue;
      const raw = toData(tree);
      const value = convert(raw);
      if (value === undefined) {
        if (markedUnset(tree)) return { value: null, raw, path };
        return fail(tree, `\`${path.slice(2).join('.')}\` ${JSON.stringify(raw)} is not a valid ${what}.`);
      }
      if (value !== 0 || tree === own) return { value, raw, path };
    }
    return null;
  };

  return {
    name,
    path: base,
    profiles: items('profiles').map((p) => String(p.value)),
    image: image === null ? null : { ...(parseImageRef(image) ?? { raw: image, registry: '', repository: '', tag: null, digest: null }), path: at('image') },
    build: svc.entries.has('build'),
    pull_policy: text('pull_policy'),
    user: text('user'),
    privileged: bool(data('privileged')),
    read_only: bool(data('read_only')),
    cap_add: items('cap_add').map((c) => ({ name: capName(c.value), path: c.path })),
    cap_drop: items('cap_drop').map((c) => ({ name: capName(c.value), path: c.path })),
    security_opt: items('security_opt').map((o) => {
      const textValue = String(o.value);
      const sep = textValue.search(/[=:]/);
      return { key: (sep < 0 ? textValue : textValue.slice(0, sep)).trim().toLowerCase(), value: sep < 0 ? '' : textValue.slice(sep + 1).trim(), path: o.path };
    }),
    network_mode: text('network_mode'),
    networks: keyed('networks').map((n) => n.key),
    pid: text('pid'),
    ipc: text('ipc'),
    uts: text('uts'),
    userns_mode: text('userns_mode'),
    cgroup: text('cgroup'),
    cgroup_parent: text('cgroup_parent'),
    ports: items('ports').map((p) => {
      const port = parsePort(p.value) ?? (markedUnset(p.tree) ? parsePort(asWritten(p.tree)) : undefined);
      return { ...(port ?? fail(p.tree, `the port ${JSON.stringify(p.value)} is not [[host_ip:]published:]target[/protocol].`)), path: p.path };
    }),
    expose: items('expose').map((e) => ({ port: String(e.value), path: e.path })),
    volumes: items('volumes').map((v) => {
      const blankRefused = typeof v.value === 'string' && EMPTY_SECTION.test(v.value);
      const parsed = blankRefused ? undefined : parseVolume(v.value);
      const volume = parsed ?? (markedUnset(v.tree) ? parseVolume(asWritten(v.tree)) : undefined) ?? fail(v.tree, `the volume ${JSON.stringify(v.value)} is not [SOURCE:]TARGET[:MODE] or a mapping with a target.`);
      // A volume name cannot hold a `/` (compose refuses the file); read as the path it looks like, to fail closed.
      const named = volume.source.includes('/') ? cleanHostPath(volume.source, projectDir) : (hostDirs.get(volume.source) ?? null);
      const host = volume.type === 'bind' ? cleanHostPath(volume.source, projectDir) : volume.type === 'volume' ? named : null;
      return { ...volume, host_path: host, path: v.path };
    }),
    build_args: isMapTree(build) ? variables(keyed('args', build, ['build'])) : {},
    build_privileged: buildPrivileged(child(build, 'privileged'), at('build', 'privileged'), fail),
    build_entitlements: buildEntitlements(child(build, 'entitlements'), at('build', 'entitlements'), fail),
    build_network: buildNetwork(child(build, 'network'), at('build', 'network'), fail),
    environment: variables(keyed('environment')),
    command: commandWords(svc.entries.get('command'), at('command'), words, fail),
    entrypoint: commandWords(svc.entries.get('entrypoint'), at('entrypoint'), words, fail),
    labels: variables(keyed('labels')),
    env_file: items('env_file').map((e) => ({ file: String(typeof e.value === 'object' && e.value !== null ? (e.value as { path?: unknown }).path : e.value), path: e.path })),
    healthcheck: healthcheck(svc, at, words, fail),
    ulimits: ulimits(svc, at, fail),
    devices: items('devices').map((d) => ({ ...device(d.value), path: d.path })),
    device_cgroup_rules: items('device_cgroup_rules').map((r) => ({ rule: String(r.value), path: r.path })),
    limits: {
      memory: limit('memory', 'mem_limit', toBytes, 'byte size (e.g. 512m)'),
      cpus: limit('cpus', 'cpus', (v) => (Number.isFinite(Number(v)) && v !== '' ? Number(v) : undefined), 'number of CPUs'),
      pids: limit('pids', 'pids_limit', (v) => (Number.isInteger(Number(v)) && v !== '' ? Number(v) : undefined), 'whole number'),
    },
    restart: restart(svc, at),
    restart_policies: restartPolicies(svc, at),
    logging: isMapTree(svc.entries.get('logging')) ? { driver: String((data('logging') as { driver?: unknown }).driver ?? 'json-file'), options: ((data('logging') as { options?: unknown }).options ?? {}) as Record<string, unknown>, path: at('logging') } : null,
    sysctls: Object.fromEntries(keyed('sysctls').map((s) => [s.key, { value: s.value === null ? null : String(s.value), path: s.path }])),
    tmpfs: items('tmpfs').map((t) => ({ target: String(t.value), path: t.path })),
  };
}

/**
 * A boolean field as compose uses it: the loader already cast compose's boolean fields (booleans.ts), so
 * text left there holds a variable nothing sets, and is null (unknown) like an unset field.
 */
function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/**
 * `build.privileged`: compose-go does not cast it with the container fields (booleans.ts), so text
 * such as `"yes"` is read here as compose's booleans are, to fail closed. Text left by an unset
 * variable is unknown (null); any other value is refused, as compose refuses it.
 */
function buildPrivileged(tree: Tree | undefined, path: ComposeServicePath, fail: (tree: Tree, message: string) => never): ComposeService['build_privileged'] {
  if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) return null;
  const value = toData(tree);
  if (typeof value === 'boolean') return { value, path };
  const read = typeof value === 'string' ? composeBoolean(value) : undefined;
  if (read !== undefined) return { value: read, path };
  if (markedUnset(tree)) return { value: null, path };
  return fail(tree, `\`build.privileged\` is ${JSON.stringify(value)}, which docker compose refuses as a boolean; write true or false.`);
}

function buildEntitlements(tree: Tree | undefined, path: ComposeServicePath, fail: (tree: Tree, message: string) => never): ComposeService['build_entitlements'] {
  if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) return [];
  if (!isSeqTree(tree)) return fail(tree, '`build.entitlements` must be a list.');
  return tree.items.map((item, i) => ({ name: String(toData(item)), path: [...path, i] }));
}

/** `build.network`: the name as compose passes it to the builder (an unset variable blank, as compose leaves it). */
function buildNetwork(tree: Tree | undefined, path: ComposeServicePath, fail: (tree: Tree, message: string) => never): ComposeService['build_network'] {
  if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) return null;
  const value = toData(tree);
  if (typeof value !== 'string' && typeof value !== 'number') return fail(tree, '`build.network` must be a network name (`host`, `none` or a network of the project).');
  return { value: String(value), path };
}

/**
 * Whether a value read an unset variable as blank: one that is then no valid size, duration, port or
 * volume is not a file compose refuses but one that runs only with the variable set, to a value unknown
 * here; a size or duration is then unknown, a port or volume read as written (`${PORT}:${PORT}` still
 * publishes on every interface, `${SRC}:/app` is still a host path), as before blanks were read.
 */
function markedUnset(tree: Tree | undefined): boolean {
  if (tree?.kind === 'scalar') return tree.unresolved !== undefined;
  if (tree?.kind === 'seq') return tree.items.some(markedUnset);
  return tree?.kind === 'map' && [...tree.entries.values()].some(markedUnset);
}

/** A short-syntax volume compose refuses for an empty section (`:/app`, `/src::ro`): format/volume.go. */
const EMPTY_SECTION = /^:|::|:$/;

/** A marked scalar's value with its unset variables as written; other trees as plain data. */
function asWritten(tree: Tree): unknown {
  return tree.kind === 'scalar' && tree.written !== undefined ? tree.written : toData(tree);
}

/** Capability names compare without the `CAP_` prefix, upper-cased, as the daemon compares them. */
function capName(value: unknown): string {
  return String(value).trim().toUpperCase().replace(/^CAP_/, '');
}

type Fail = (tree: Tree | undefined, message: string) => never;
type At = (...keys: (string | number)[]) => P;

function healthcheck(svc: MapTree, at: At, words: WordBudget, fail: Fail): ComposeService['healthcheck'] {
  const tree = svc.entries.get('healthcheck');
  if (tree === undefined) return null;
  if (!isMapTree(tree)) return fail(tree, '`healthcheck` must be a mapping.');
  const raw = toData(tree) as Record<string, unknown>;
  const test = typeof raw.test === 'string' ? ['CMD-SHELL', raw.test] : Array.isArray(raw.test) ? raw.test.map(String) : [];
  // The rules read a shell test's words as split at spaces.
  spendWords(words, test[0] === 'CMD-SHELL' ? (test[1] ?? '').split(' ').length : test.length, tree.entries.get('test') ?? tree, fail);
  const duration = (key: string): number | null => {
    if (raw[key] === undefined || raw[key] === null) return null;
    const ns = toNanoseconds(raw[key]);
    if (ns === undefined && !markedUnset(tree.entries.get(key))) fail(tree.entries.get(key), `healthcheck.${key} ${JSON.stringify(raw[key])} is not a duration (e.g. 30s, 1m30s).`);
    return ns ?? null;
  };
  return {
    test,
    disabled: bool(raw.disable) === true || test[0] === 'NONE',
    interval_ns: duration('interval'),
    timeout_ns: duration('timeout'),
    start_period_ns: duration('start_period'),
    retries: typeof raw.retries === 'number' ? raw.retries : null,
    path: at('healthcheck'),
  };
}

function ulimits(svc: MapTree, at: At, fail: Fail): ComposeService['ulimits'] {
  const tree = svc.entries.get('ulimits');
  if (tree === undefined) return {};
  if (!isMapTree(tree)) return fail(tree, '`ulimits` must be a mapping.');
  const out: ComposeService['ulimits'] = {};
  for (const [name, value] of tree.entries) {
    const raw = toData(value);
    const soft = typeof raw === 'object' && raw !== null ? (raw as { soft?: unknown }).soft : raw;
    const hard = typeof raw === 'object' && raw !== null ? (raw as { hard?: unknown }).hard : raw;
    out[name] = { soft: numberOrNull(soft), hard: numberOrNull(hard), path: at('ulimits', name) };
  }
  return out;
}

function device(value: unknown): { source: string; target: string; permissions: string } {
  if (typeof value === 'object' && value !== null) {
    const d = value as Record<string, unknown>;
    return { source: String(d.source ?? ''), target: String(d.target ?? d.source ?? ''), permissions: String(d.permissions ?? 'rwm') };
  }
  const [source = '', target = source, permissions = 'rwm'] = String(value).split(':');
  return { source, target, permissions };
}

const RESTART = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;

function restart(svc: MapTree, at: At): ComposeService['restart'] {
  const policy = child(svc.entries.get('deploy'), 'restart_policy');
  if (isMapTree(policy)) {
    const raw = toData(policy) as Record<string, unknown>;
    const condition = String(raw.condition ?? 'any');
    const name = condition === 'any' ? 'always' : condition === 'none' ? 'no' : condition;
    return { name, max_retries: numberOrNull(raw.max_attempts), path: at('deploy', 'restart_policy') };
  }
  const tree = svc.entries.get('restart');
  if (tree === undefined || (tree.kind === 'scalar' && tree.value === null)) return null;
  const value = String(toData(tree));
  // compose passes the text to the daemon, which judges it at `up`; an odd value is kept for rules to see.
  if (!RESTART.test(value)) return { name: value, max_retries: null, path: at('restart') };
  const [name = value, retries] = value.split(':');
  return { name, max_retries: retries === undefined ? null : Number(retries), path: at('restart') };
}

/**
 * Every restart policy written, `restart` and `deploy.restart_policy` alike: compose applies the second
 * when both are set, older tools and swarm the first, so a rule judges each. A retry count points at
 * the key that sets it.
 */
function restartPolicies(svc: MapTree, at: At): ComposeService['restart_policies'] {
  const out: NonNullable<ComposeService['restart']>[] = [];
  const tree = svc.entries.get('restart');
  if (tree !== undefined && !(tree.kind === 'scalar' && tree.value === null)) {
    const value = String(toData(tree));
    const [name = value, retries] = RESTART.test(value) ? value.split(':') : [value];
    out.push({ name, max_retries: retries === undefined ? null : Number(retries), path: at('restart') });
  }
  const policy = child(svc.entries.get('deploy'), 'restart_policy');
  if (isMapTree(policy)) {
    const raw = toData(policy) as Record<string, unknown>;
    const condition = String(raw.condition ?? 'any');
    const name = condition === 'any' ? 'always' : condition === 'none' ? 'no' : condition;
    const path = policy.entries.has('max_attempts') ? at('deploy', 'restart_policy', 'max_attempts') : at('deploy', 'restart_policy');
    out.push({ name, max_retries: numberOrNull(raw.max_attempts), path });
  }
  return out;
}

/**
 * Named volumes that are host directories in disguise: the `local` driver with `o: bind` and a `device`
 * (what `docker volume create --opt o=bind` makes), or the local-persist plugin's `mountpoint`. A rule on
 * host mounts has to see through them, or a sensitive bind is one rename away.
 */
function namedVolumeHostDirs(model: MapTree, projectDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const section = model.entries.get('volumes');
  if (!isMapTree(section)) return out;
  for (const [name, tree] of section.entries) {
    if (!isMapTree(tree)) continue;
    const raw = toData(tree) as { driver?: unknown; driver_opts?: Record<string, unknown> | null };
    const driver = raw.driver === undefined || raw.driver === null ? 'local' : String(raw.driver);
    const opts = typeof raw.driver_opts === 'object' && raw.driver_opts !== null ? raw.driver_opts : {};
    const bind = String(opts.o ?? '').split(',').some((o) => o.trim() === 'bind' || o.trim() === 'rbind');
    if (driver === 'local' && bind && typeof opts.device === 'string') out.set(name, cleanHostPath(opts.device, projectDir));
    if (driver === 'local-persist' && typeof opts.mountpoint === 'string') out.set(name, cleanHostPath(opts.mountpoint, projectDir));
  }
  return out;
}

function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}
