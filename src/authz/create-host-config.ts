import type { ComposeService, ComposeServicePath } from '../parse/input-document.js';
import { toBytes } from '../parse/compose/units.js';
import type { BodyBuilder } from './body-builder.js';
import type { ProjectContext } from './create-request.js';
import { inlineSecurityOpt } from './seccomp-profile.js';

type Raw = Record<string, unknown>;
const rec = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
const H = (field: string) => ['HostConfig', field];

/** Integers compose sends as they are; text (an interpolated value) is converted when it is a number. */
const int = (v: unknown): number | undefined => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Math.trunc(Number(v)));
const bytes = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : toBytes(v));

/**
 * The HostConfig fields (resources flat under HostConfig, as the Engine API wants them): security,
 * namespaces, resources, restart, devices, logging, DNS. Fields compose always sends are always set.
 */
export function addHostConfig(b: BodyBuilder, s: ComposeService, raw: Raw, ctx: ProjectContext): void {
  const at = (...keys: (string | number)[]): ComposeServicePath => [...ctx.servicePath, ...keys];
  const has = (key: string) => raw[key] !== undefined && raw[key] !== null;
  const str = (key: string) => (has(key) ? String(raw[key]) : undefined);

  b.set(H('Privileged'), s.privileged === true, has('privileged') ? at('privileged') : null, false);
  b.set(H('ReadonlyRootfs'), s.read_only === true, has('read_only') ? at('read_only') : null, false);
  b.set(H('OomKillDisable'), raw.oom_kill_disable === true || raw.oom_kill_disable === 'true', has('oom_kill_disable') ? at('oom_kill_disable') : null, false);
  if (has('init')) b.set(H('Init'), raw.init === true || raw.init === 'true', at('init'));
  // cap_add / cap_drop / security_opt go to the daemon as written: it accepts CAP_ prefixes and any case.
  const list = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as unknown[]) : []);
  list('cap_add').forEach((c, i) => b.append(H('CapAdd'), String(c), at('cap_add', i)));
  list('cap_drop').forEach((c, i) => b.append(H('CapDrop'), String(c), at('cap_drop', i)));
  list('security_opt').forEach((o, i) => b.append(H('SecurityOpt'), inlineSecurityOpt(String(o), ctx.composeDir, ctx.profiles, at('security_opt', i)), at('security_opt', i)));

  addNetworkMode(b, s, raw, ctx, at);
  const modes: [string, string][] = [['pid', 'PidMode'], ['ipc', 'IpcMode'], ['uts', 'UTSMode'], ['userns_mode', 'UsernsMode'], ['cgroup', 'CgroupnsMode']];
  for (const [key, field] of modes) {
    const value = str(key);
    // `service:<name>` shares the namespace of that service's container.
    b.set(H(field), value?.startsWith('service:') ? `container:${containerName(value.slice(8), ctx)}` : value, at(key));
  }
  b.set(H('CgroupParent'), str('cgroup_parent'), at('cgroup_parent'));
  b.set(H('Runtime'), str('runtime'), at('runtime'));
  b.set(H('Isolation'), str('isolation'), at('isolation'));
  b.set(H('OomScoreAdj'), int(raw.oom_score_adj), at('oom_score_adj'));

  addResources(b, s, raw, at);
  const restart = s.restart;
  b.set(H('RestartPolicy'), restart ? { Name: restart.name, MaximumRetryCount: restart.max_retries ?? 0 } : { Name: '', MaximumRetryCount: 0 }, restart?.path ?? null, { Name: '', MaximumRetryCount: 0 });

  for (const [name, u] of Object.entries(s.ulimits)) {
    b.append(H('Ulimits'), { Name: name, Soft: u.soft ?? u.hard, Hard: u.hard ?? u.soft }, u.path);
  }
  for (const d of s.devices) b.append(H('Devices'), { PathOnHost: d.source, PathInContainer: d.target, CgroupPermissions: d.permissions }, d.path);
  for (const r of s.device_cgroup_rules) b.append(H('DeviceCgroupRules'), r.rule, r.path);
  addDeviceRequests(b, raw, at);
  for (const [name, v] of Object.entries(s.sysctls)) b.entry(H('Sysctls'), name, v.value ?? '', v.path);
  for (const t of s.tmpfs) {
    const colon = t.target.indexOf(':');
    b.entry(H('Tmpfs'), colon < 0 ? t.target : t.target.slice(0, colon), colon < 0 ? '' : t.target.slice(colon + 1), t.path);
  }
  b.set(H('ShmSize'), bytes(raw.shm_size), at('shm_size'));
  list('group_add').forEach((g, i) => b.append(H('GroupAdd'), String(g), at('group_add', i)));
  addExtraHosts(b, raw.extra_hosts, at);
  for (const [key, field] of [['dns', 'Dns'], ['dns_search', 'DnsSearch'], ['dns_opt', 'DnsOptions']] as const) {
    const value = raw[key];
    if (typeof value === 'string') b.append(H(field), value, at(key));
    else if (Array.isArray(value)) value.forEach((v, i) => b.append(H(field), String(v), at(key, i)));
  }
  if (s.logging) {
    const config = Object.fromEntries(Object.entries(s.logging.options).map(([k, v]) => [k, String(v)]));
    b.set(H('LogConfig'), { Type: s.logging.driver, Config: config }, s.logging.path);
  }
  list('volumes_from').forEach((v, i) => b.append(H('VolumesFrom'), String(v).startsWith('container:') ? String(v).slice(10) : containerName(String(v), ctx), at('volumes_from', i)));
}

/** The name compose gives a service's first container: `container_name`, else `<project>-<service>-1`. */
export function containerName(service: string, ctx: ProjectContext): string {
  const named = rec(rec(ctx.data.services)[service]).container_name;
  return typeof named === 'string' ? named : `${ctx.project}-${service}-1`;
}

/** The daemon's name for a project network: its `name:`, the external name, or `<project>_<network>`. */
function networkName(name: string, ctx: ProjectContext): string {
  const top = rec(rec(ctx.data.networks)[name]);
  if (typeof top.name === 'string') return top.name;
  if (top.external === true) return name;
  return `${ctx.project}_${name}`;
}

function addNetworkMode(b: BodyBuilder, s: ComposeService, raw: Raw, ctx: ProjectContext, at: (...k: (string | number)[]) => ComposeServicePath): void {
  const fallback = `${ctx.project}_default`;
  if (s.network_mode !== null) {
    const mode = s.network_mode.startsWith('service:') ? `container:${containerName(s.network_mode.slice(8), ctx)}` : s.network_mode;
    b.set(H('NetworkMode'), mode, at('network_mode'), fallback);
    return;
  }
  const networks = rec(raw.networks);
  const names = Array.isArray(raw.networks) ? (raw.networks as unknown[]).map(String) : Object.keys(networks);
  if (names.length === 0) {
    b.set(H('NetworkMode'), fallback, null);
    b.set(['NetworkingConfig', 'EndpointsConfig'], { [fallback]: { Aliases: [s.name] } }, null);
    return;
  }
  // The primary network (highest priority, then name) is the NetworkMode. From Engine API 1.44 compose
  // sends every network's endpoint in the create call; before, it connected the others after creating.
  const ordered = [...names].sort((x, y) => Number(rec(networks[y]).priority ?? 0) - Number(rec(networks[x]).priority ?? 0) || x.localeCompare(y));
  const indexOf = (net: string) => (Array.isArray(raw.networks) ? names.indexOf(net) : net);
  const primary = ordered[0] as string;
  b.set(H('NetworkMode'), networkName(primary, ctx), at('networks', indexOf(primary)), fallback);
  for (const net of multipleEndpoints(ctx.apiVersion) ? ordered : [primary]) {
    const endpoint = rec(networks[net]);
    const aliases = [s.name, ...(Array.isArray(endpoint.aliases) ? endpoint.aliases.map(String) : [])];
    const ipam = { ...(typeof endpoint.ipv4_address === 'string' ? { IPv4Address: endpoint.ipv4_address } : {}), ...(typeof endpoint.ipv6_address === 'string' ? { IPv6Address: endpoint.ipv6_address } : {}) };
    b.entry(['NetworkingConfig', 'EndpointsConfig'], networkName(net, ctx), { Aliases: aliases, ...(Object.keys(ipam).length > 0 ? { IPAMConfig: ipam } : {}) }, at('networks', indexOf(net)));
  }
}

/** Whether the Engine API version accepts several endpoints in one create call (1.44 and later). */
function multipleEndpoints(apiVersion: string): boolean {
  const [major, minor] = apiVersion.split('.').map(Number);
  return (major ?? 0) > 1 || ((major ?? 0) === 1 && (minor ?? 0) >= 44);
}

function addResources(b: BodyBuilder, s: ComposeService, raw: Raw, at: (...k: (string | number)[]) => ComposeServicePath): void {
  const { memory, cpus, pids } = s.limits;
  if (memory?.value) b.set(H('Memory'), memory.value, memory.path, 0);
  if (cpus?.value) b.set(H('NanoCpus'), Math.round(cpus.value * 1e9), cpus.path, 0);
  if (pids?.value) b.set(H('PidsLimit'), pids.value, pids.path);
  const reservations = rec(rec(rec(raw.deploy).resources).reservations);
  const reservation = bytes(reservations.memory) || bytes(raw.mem_reservation);
  if (reservation) b.set(H('MemoryReservation'), reservation, bytes(reservations.memory) ? at('deploy', 'resources', 'reservations', 'memory') : at('mem_reservation'), 0);
  // -1 means unlimited swap and is sent as such.
  const swap = raw.memswap_limit === -1 || raw.memswap_limit === '-1' ? -1 : bytes(raw.memswap_limit);
  b.set(H('MemorySwap'), swap, at('memswap_limit'));
  b.set(H('MemorySwappiness'), int(raw.mem_swappiness), at('mem_swappiness'));
  b.set(H('CpuShares'), int(raw.cpu_shares), at('cpu_shares'), 0);
  b.set(H('CpuQuota'), int(raw.cpu_quota), at('cpu_quota'), 0);
  b.set(H('CpuPeriod'), int(raw.cpu_period), at('cpu_period'), 0);
  if (typeof raw.cpuset === 'string') b.set(H('CpusetCpus'), raw.cpuset, at('cpuset'));
}

function addDeviceRequests(b: BodyBuilder, raw: Raw, at: (...k: (string | number)[]) => ComposeServicePath): void {
  const count = (v: unknown) => (v === 'all' ? -1 : int(v) ?? 0);
  if (raw.gpus === 'all') b.append(H('DeviceRequests'), { Driver: '', Count: -1, Capabilities: [['gpu']] }, at('gpus'));
  else if (Array.isArray(raw.gpus)) {
    raw.gpus.forEach((g, i) => b.append(H('DeviceRequests'), deviceRequest(rec(g), ['gpu'], count), at('gpus', i)));
  }
  const devices = rec(rec(rec(raw.deploy).resources).reservations).devices;
  if (Array.isArray(devices)) devices.forEach((d, i) => b.append(H('DeviceRequests'), deviceRequest(rec(d), [], count), at('deploy', 'resources', 'reservations', 'devices', i)));
}

function deviceRequest(d: Raw, defaultCaps: string[], count: (v: unknown) => number) {
  const caps = Array.isArray(d.capabilities) ? d.capabilities.map(String) : defaultCaps;
  return {
    Driver: typeof d.driver === 'string' ? d.driver : '',
    Count: d.count === undefined && d.device_ids === undefined ? -1 : count(d.count),
    ...(Array.isArray(d.device_ids) ? { DeviceIDs: d.device_ids.map(String) } : {}),
    Capabilities: [caps],
    ...(d.options ? { Options: d.options } : {}),
  };
}

/** `extra_hosts` as a list (`host:ip` or `host=ip`) or a mapping → `host:ip` strings. */
function addExtraHosts(b: BodyBuilder, value: unknown, at: (...k: (string | number)[]) => ComposeServicePath): void {
  if (Array.isArray(value)) {
    value.forEach((h, i) => {
      const text = String(h);
      const eq = text.indexOf('=');
      b.append(H('ExtraHosts'), eq > 0 ? `${text.slice(0, eq)}:${text.slice(eq + 1)}` : text, at('extra_hosts', i));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [host, ip] of Object.entries(value)) {
      for (const one of Array.isArray(ip) ? ip : [ip]) b.append(H('ExtraHosts'), `${host}:${String(one)}`, at('extra_hosts', host));
    }
  }
}
