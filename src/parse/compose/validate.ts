import { ParseError } from '../parse-error.js';
import type { MapTree, Tree } from './tree.js';

/** Top-level keys of the Compose Specification; `x-` extensions are free. */
const TOP_LEVEL = new Set(['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models']);

/**
 * Service attributes of the Compose Specification (and the legacy ones compose still accepts). A key
 * outside this list is refused by `docker compose config`, usually a typo (`enviroment`) or a v1 file.
 */
const SERVICE_KEYS = new Set(
  (
    'annotations attach blkio_config build cap_add cap_drop cgroup cgroup_parent command configs container_name ' +
    'cpu_count cpu_percent cpu_period cpu_quota cpu_rt_period cpu_rt_runtime cpu_shares cpus cpuset credential_spec ' +
    'depends_on deploy develop device_cgroup_rules devices dns dns_opt dns_search domainname entrypoint env_file ' +
    'environment expose extends external_links extra_hosts gpus group_add healthcheck hostname image init ipc ' +
    'isolation label_file labels links logging mac_address mem_limit mem_reservation mem_swappiness memswap_limit ' +
    'models network_mode networks oom_kill_disable oom_score_adj pid pids_limit platform ports post_start pre_start pre_stop ' +
    'privileged profiles provider pull_policy pull_refresh_after read_only restart runtime scale secrets security_opt ' +
    'shm_size stdin_open stop_grace_period stop_signal storage_opt sysctls tmpfs tty ulimits use_api_socket user ' +
    'userns_mode uts volumes volumes_from working_dir'
  ).split(' '),
);

export function checkTopLevel(model: MapTree): void {
  for (const [key, value] of model.entries) {
    if (TOP_LEVEL.has(key) || key.startsWith('x-')) continue;
    throw new ParseError(
      value.loc.path,
      value.loc.startLine,
      `"${key}" is not a top-level key of a compose file (expected services, networks, volumes, secrets, configs, include, name or x-*). A service must sit under \`services:\`.`,
    );
  }
}

/**
 * Services a project may define: the scaling benchmark's largest file has 2,000, the real corpus's 57.
 * Each service has every compose rule asked about it and gives a dozen findings or more; 25,000 of
 * them (a 550 KB file) took 15 s and 1.8 GB.
 */
export const MAX_SERVICES = 5_000;

/** Refuses a project past MAX_SERVICES at the first service past it. */
export function checkServiceCount(services: MapTree): void {
  if (services.entries.size <= MAX_SERVICES) return;
  const past = [...services.entries.values()][MAX_SERVICES] as Tree;
  throw new ParseError(
    past.loc.path,
    past.loc.startLine,
    `more than ${MAX_SERVICES} services in the project, where the largest real compose projects define a few dozen; every compose rule looks at each one. Split the project into several.`,
  );
}

// The Compose Specification's pattern for the names of services and of top-level volumes, secrets and
// configs; `docker compose` refuses any other. (It allows any network or model name.)
const NAME = /^[a-zA-Z0-9._-]+$/;
const SHOWN_NAME_LENGTH = 80;
const NAMED_SECTIONS = [
  ['volumes', 'volume'],
  ['secrets', 'secret'],
  ['configs', 'config'],
] as const;

/** Refuses a service name `docker compose` would refuse, so the gate judges only files that can run. */
export function checkServiceName(name: string, service: Tree): void {
  checkName('service', name, service);
}

/** Refuses a top-level volume, secret or config name `docker compose` would refuse. */
export function checkDefinitionNames(model: MapTree): void {
  for (const [section, what] of NAMED_SECTIONS) {
    const definitions = model.entries.get(section);
    if (definitions?.kind !== 'map') continue;
    for (const [name, tree] of definitions.entries) checkName(what, name, tree);
  }
}

function checkName(what: string, name: string, tree: Tree): void {
  if (NAME.test(name)) return;
  const shown = name.length > SHOWN_NAME_LENGTH ? `${name.slice(0, SHOWN_NAME_LENGTH)}…` : name;
  throw new ParseError(
    tree.loc.path,
    tree.loc.startLine,
    `the ${what} name ${JSON.stringify(shown)} is not one docker compose accepts: ${what} names hold only letters, digits, ".", "_" and "-". Rename the ${what}.`,
  );
}

export function checkServiceKeys(name: string, service: MapTree): void {
  for (const [key, value] of service.entries) {
    if (SERVICE_KEYS.has(key) || key.startsWith('x-')) continue;
    throw new ParseError(value.loc.path, value.loc.startLine, `service "${name}" has the attribute "${key}", which compose does not know. Check the spelling.`);
  }
}
