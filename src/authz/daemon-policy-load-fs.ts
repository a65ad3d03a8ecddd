import type { TrustedFiles } from '../config/config-file-fs.js';
import { UserError } from '../errors.js';
import capabilities from '../../policies/capabilities.json' with { type: 'json' };
import { compileCustomPolicy, fromBundle, type OpaRunner, type PolicySource } from '../evaluate/custom-policy-build-fs.js';
import { readTarGz } from '../evaluate/custom-policy-tar.js';
import { checkProvidable, daemonCapabilities, type Clock } from './host-builtins.js';
import { loadDaemonPolicy, type DaemonPolicy } from './daemon-policy-engine.js';
import { isPolicyDataFile, policyDirectoryData } from './policy-data-files.js';

/** The word that selects the built-in docker.authz set instead of a path. */
export const BUILTIN_DAEMON_POLICY = 'builtin';

/** What the `daemon-policy` input / `--daemon-policy` flags asked for. */
export interface DaemonPolicyRequest {
  /** `builtin`, Rego directories, or `opa build -t wasm -e docker/authz` bundles (`.tar.gz`). */
  readonly paths: readonly string[];
  /** Data the policies see (the configuration's policy data), merged over their own. */
  readonly data: Record<string, unknown>;
  readonly clock: Clock;
}

const PACKAGE = (name: string) => new RegExp(`^\\s*package\\s+${name.replace('.', '\\.')}\\s*$`, 'm');

/**
 * Loads each daemon policy: the built-in set from the embedded bundle, a directory of Rego as
 * written for opa-docker-authz (compiled with the `opa` on PATH against the Wasm capabilities plus
 * the host builtins), or a prebuilt bundle. Files come through `files`: the base commit on a pull
 * request, so a pull request cannot weaken the policy that judges it.
 */
export async function loadDaemonPolicies(
  request: DaemonPolicyRequest,
  builtin: { readonly wasm: Uint8Array; readonly data: Record<string, unknown> },
  files: TrustedFiles,
  runner: OpaRunner,
): Promise<DaemonPolicy[]> {
  const policies: DaemonPolicy[] = [];
  for (const path of request.paths) {
    if (path === BUILTIN_DAEMON_POLICY) {
      policies.push(await loadDaemonPolicy({ ...builtin, catalogue: {}, builtin: true }, 'builtin (policies/authz)', request.data, request.clock));
      continue;
    }
    if (/\.(tar\.gz|tgz)$/.test(path)) {
      const bytes = await files.readFile(path);
      if (!bytes) throw new UserError(`The daemon policy bundle ${path} does not exist in ${files.origin}.`);
      let entries;
      try {
        entries = readTarGz(bytes);
      } catch (thrown) {
        throw new UserError(`The daemon policy bundle ${path} is not a gzipped tar archive from \`opa build -t wasm\`: ${(thrown as Error).message}`);
      }
      policies.push(await loadDaemonPolicy({ ...fromBundle(entries, path), catalogue: {}, builtin: false }, path, request.data, request.clock));
      continue;
    }
    const listed = await files.listFiles(path);
    if (!listed) throw new UserError(`The daemon policy path ${path} is neither a directory nor a .tar.gz bundle in ${files.origin}; use \`${BUILTIN_DAEMON_POLICY}\` for the built-in set.`);
    const sources: PolicySource[] = [];
    for (const file of listed.filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego'))) {
      const content = await files.readFile(file);
      if (content) sources.push({ path: file, content });
    }
    const texts = sources.map((s) => ({ path: s.path, text: Buffer.from(s.content).toString('utf8') }));
    if (!texts.some((t) => PACKAGE('docker.authz').test(t.text))) {
      throw new UserError(`The daemon policy directory ${path} has no \`package docker.authz\` in ${files.origin}; it needs the package opa-docker-authz queries (data.docker.authz.allow).`);
    }
    checkProvidable(texts);
    const namespaces = ['docker.authz', ...(texts.some((t) => PACKAGE('docker.build').test(t.text)) ? ['docker.build'] : [])];
    const compiled = await compileCustomPolicy(sources, namespaces, runner, daemonCapabilities(capabilities));
    // data.json / data.yaml beside the Rego are part of the policy, as `opa build` of the directory makes them.
    const dataFiles: PolicySource[] = [];
    for (const file of listed.filter(isPolicyDataFile)) {
      const content = await files.readFile(file);
      if (content) dataFiles.push({ path: file, content });
    }
    const data = { ...compiled.data, ...policyDirectoryData(path, dataFiles) };
    policies.push(await loadDaemonPolicy({ ...compiled, data, builtin: false }, path, request.data, request.clock));
  }
  return policies;
}
