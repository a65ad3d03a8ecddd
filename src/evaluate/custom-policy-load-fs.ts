import type { TrustedFiles } from '../config/config-file-fs.js';
import { UserError } from '../errors.js';
import { compileCustomPolicy, fromBundle, type OpaRunner, type PolicySource } from './custom-policy-build-fs.js';
import { loadCustomPolicyEngine, type CustomPolicyEngine } from './custom-policy-engine.js';
import { readTarGz } from './custom-policy-tar.js';

/** What the `policy` input / `--policy` flags asked for. */
export interface CustomPolicyRequest {
  /** Directories of Rego, bundle archives (`.tar.gz`) or directories holding a prebuilt policy.wasm. */
  readonly paths: readonly string[];
  /** conftest namespaces to evaluate (default `main`). */
  readonly namespaces: readonly string[];
  /** Data for the policies' data document (the configuration's policy data). */
  readonly data: Record<string, unknown>;
}

const isBundleArchive = (path: string): boolean => /\.(tar\.gz|tgz)$/.test(path);

/**
 * Loads the custom policies: every Rego directory is compiled together (as conftest loads several
 * --policy directories as one), and each prebuilt bundle is loaded on its own. Files come through
 * `files`, which on a pull request reads the base commit.
 */
export async function loadCustomPolicies(request: CustomPolicyRequest, files: TrustedFiles, runner: OpaRunner): Promise<CustomPolicyEngine[]> {
  if (request.paths.length === 0) return [];
  const engines: CustomPolicyEngine[] = [];
  const sources: PolicySource[] = [];
  const regoDirs: string[] = [];
  for (const path of request.paths) {
    if (isBundleArchive(path)) {
      const bytes = await files.readFile(path);
      if (!bytes) throw new UserError(`The policy bundle ${path} does not exist in ${files.origin}.`);
      let entries;
      try {
        entries = readTarGz(bytes);
      } catch (thrown) {
        throw new UserError(`The policy bundle ${path} is not a gzipped tar archive from \`opa build -t wasm\`: ${(thrown as Error).message}`);
      }
      engines.push(await loadCustomPolicyEngine({ ...fromBundle(entries, path), catalogue: {} }, path, request.namespaces, request.data));
      continue;
    }
    const listed = await files.listFiles(path);
    if (!listed) throw new UserError(`The policy path ${path} is neither a directory nor a .tar.gz bundle in ${files.origin}.`);
    const wasmPath = listed.find((f) => f === `${path.replace(/\/+$/, '')}/policy.wasm`);
    if (wasmPath) {
      const entries = new Map<string, Uint8Array>();
      for (const name of ['policy.wasm', 'data.json']) {
        const bytes = await files.readFile(`${path.replace(/\/+$/, '')}/${name}`);
        if (bytes) entries.set(name, bytes);
      }
      engines.push(await loadCustomPolicyEngine({ ...fromBundle(entries, path), catalogue: {} }, path, request.namespaces, request.data));
      continue;
    }
    const rego = listed.filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego'));
    if (rego.length === 0) throw new UserError(`The policy directory ${path} holds no .rego files (tests, *_test.rego, are not policies).`);
    regoDirs.push(path);
    for (const file of rego) {
      // Listed in the checkout but absent from the trusted commit: a file a pull request adds applies after merge.
      const content = await files.readFile(file);
      if (content) sources.push({ path: file, content });
    }
  }
  if (regoDirs.length > 0 && sources.length === 0) {
    throw new UserError(`The policy directories ${regoDirs.join(', ')} hold no .rego files in ${files.origin}.`);
  }
  if (sources.length > 0) {
    const compiled = await compileCustomPolicy(sources, request.namespaces, runner);
    engines.unshift(await loadCustomPolicyEngine(compiled, regoDirs.join(', '), request.namespaces, request.data));
  }
  return engines;
}
