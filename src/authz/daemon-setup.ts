import type { ConfigFile } from '../config/config-file.js';
import { customPolicyData } from '../config/config-file-data.js';
import type { TrustedFiles } from '../config/config-file-fs.js';
import type { FileRefiner } from '../evaluate/file-refiner.js';
import type { Catalogue, RuleMeta } from '../evaluate/catalogue.js';
import type { OpaRunner } from '../evaluate/custom-policy-build-fs.js';
import type { PolicyBundle } from '../evaluate/policy-bundle-fs.js';
import type { CheckError } from '../model.js';
import { checkWithDaemonPolicies, daemonRuleIds } from './daemon-check.js';
import { readSeccompProfiles, seccompProfileRefs } from './seccomp-profile.js';
import { BUILTIN_DAEMON_POLICY, loadDaemonPolicies } from './daemon-policy-load-fs.js';
import { systemClock, type Clock } from './host-builtins.js';

/** What the action or the CLI asked for about daemon policies. */
export interface DaemonRequest {
  /** `builtin`, Rego directories or bundles; empty turns the check off. */
  readonly paths: readonly string[];
  /** The user an input or flag named; wins over the configuration file's `daemon.user`. */
  readonly user?: string;
  /** Who the request is attributed to when nothing else says: the pull request's author. */
  readonly defaultUser?: string;
  /** Absolute workspace root: relative host paths in compose files are resolved against it. */
  readonly workspace: string;
  /** The pipeline's guarded reader of checked files: seccomp profiles a service names are read through it. */
  readonly readFile?: (path: string) => Promise<Uint8Array>;
}

/** The user identity daemon policies see: input or flag, else configuration, else the PR author, else none. */
export function daemonUser(request: DaemonRequest, config: ConfigFile): string {
  return request.user ?? config.daemonUser ?? request.defaultUser ?? '';
}

/**
 * The bundle as the built-in engine should see it: the built-in daemon rules stay in the catalogue
 * (reports list what was checked) only when the built-in daemon policy is selected.
 */
export function bundleForRun(bundle: PolicyBundle, request: DaemonRequest): PolicyBundle {
  if (request.paths.includes(BUILTIN_DAEMON_POLICY)) return bundle;
  const { authz: _unused, ...rest } = bundle.catalogue as Catalogue & { authz?: unknown };
  return { ...bundle, catalogue: rest as Catalogue };
}

/**
 * Loads the daemon policies, then the pipeline's own refiner (told which rule ids the daemon
 * policies report under, so the configuration may name them), and wraps it so every file is also
 * asked about by the daemon policies: their findings join the built-in ones before the
 * configuration's exclusions and suppressions apply. Without daemon policies the refiner is as it is.
 */
export async function withDaemonPolicies(
  loadInner: (alsoKnown: (id: string) => boolean) => Promise<FileRefiner>,
  bundle: PolicyBundle,
  request: DaemonRequest,
  config: ConfigFile,
  files: TrustedFiles,
  runner: OpaRunner,
  clock: Clock = systemClock,
): Promise<FileRefiner> {
  if (request.paths.length === 0) return loadInner(() => false);
  const user = daemonUser(request, config);
  const data = { ...customPolicyData(config), daemon_user: user };
  const policies = await loadDaemonPolicies({ paths: request.paths, data, clock }, bundle, files, runner);
  const known = new Set(policies.flatMap(daemonRuleIds));
  const refine = await loadInner((id) => known.has(id));
  const builtinRules = ((bundle.catalogue as Catalogue & { authz?: Record<string, RuleMeta> }).authz ?? {}) as Record<string, RuleMeta>;
  const options = { workspace: request.workspace, identity: { user }, builtinRules };
  return async (checked, parsed) => {
    const { document } = parsed;
    const refs = document.kind === 'compose' ? seccompProfileRefs(document) : [];
    const noReader = async (): Promise<Uint8Array> => {
      throw new Error('no file reader was given');
    };
    const read = refs.length > 0 ? await readSeccompProfiles(refs, request.readFile ?? noReader) : { profiles: new Map<string, string>(), problems: [] };
    const daemon = checkWithDaemonPolicies(parsed, policies, { ...options, profiles: read.profiles });
    // A profile that could not be read is an error at its option, on top of the service it kept from being checked.
    const unread = read.problems.map((p): CheckError => {
      const at = parsed.locate(p.path);
      return { kind: 'policy', path: at?.path ?? document.path, ...(at ? { line: at.startLine } : {}), message: p.message };
    });
    return refine({ findings: [...checked.findings, ...daemon.findings], errors: [...checked.errors, ...unread, ...daemon.errors] }, parsed);
  };
}
