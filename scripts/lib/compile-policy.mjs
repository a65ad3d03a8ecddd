// `opa build -t wasm` of policies/ as the action ships it, read back from the bundle: shared by
// scripts/build-policy.mjs and the test that compares the shipped (optimized) module with OPA's own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KINDS } from './catalogue.mjs';
import { CAPABILITIES, IGNORE_NON_POLICY, opa } from './opa.mjs';
import { readTarGz } from './tar.mjs';

// The built-in Docker daemon policy (policies/authz) answers as opa-docker-authz queries it, plus its audit document.
export const ENTRYPOINTS = [...Object.keys(KINDS).map((kind) => `container_policy/main/${kind}`), 'docker/authz/allow', 'docker/authz/deny', 'docker/authz/audit'];

/** The bundle's files by their path in it (`/policy.wasm`, `/data.json`, …), as OPA wrote them. */
export function compilePolicyBundle() {
  const scratch = mkdtempSync(join(tmpdir(), 'policy-build-'));
  try {
    const bundle = join(scratch, 'bundle.tar.gz');
    opa([
      'build', '-t', 'wasm',
      '--capabilities', CAPABILITIES,
      ...IGNORE_NON_POLICY,
      '--ignore', '*_test.rego',
      ...ENTRYPOINTS.flatMap((entrypoint) => ['-e', entrypoint]),
      '-o', bundle,
      'policies',
    ]);
    return readTarGz(readFileSync(bundle));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
