import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toAuthzInput } from '../../src/authz/authz-input.js';
import { checkWithDaemonPolicies } from '../../src/authz/daemon-check.js';
import { loadDaemonPolicies } from '../../src/authz/daemon-policy-load-fs.js';
import { synthesizeCreateRequests } from '../../src/authz/create-request.js';
import { workspaceFiles } from '../../src/config/config-file-fs.js';
import type { RuleMeta } from '../../src/evaluate/catalogue.js';
import { readPolicyBundle } from '../../src/evaluate/policy-bundle-fs.js';
import { REPO_ROOT } from '../support/run-action.js';
import { WORKSPACE, loadProject } from './helpers.js';

const BUNDLE = join(REPO_ROOT, 'dist', 'policy');
const skip = existsSync(join(BUNDLE, 'policy.wasm')) ? false : 'dist/policy is not built: run npm run policy:build';
const NOON = () => Date.UTC(2026, 0, 15, 12) * 1e6;

async function builtin(settings: Record<string, unknown> = {}) {
  const bundle = await readPolicyBundle(BUNDLE);
  const rules = (bundle.catalogue as unknown as { authz: Record<string, RuleMeta> }).authz;
  const data = { docker: { authz: { settings } } };
  const [policy] = await loadDaemonPolicies({ paths: ['builtin'], data, clock: NOON }, bundle, workspaceFiles(REPO_ROOT), { path: '' });
  assert.ok(policy);
  return { policy, rules };
}

describe('the built-in docker.authz policy through the compiled Wasm bundle', { skip }, () => {
  it('catalogues every rule under the authz kind with CPA ids', async () => {
    const { rules } = await builtin();
    const ids = Object.values(rules).map((r) => r.id).sort();
    assert.equal(ids.length, 19);
    assert.deepEqual(ids, Array.from({ length: 19 }, (_, i) => `CPA${String(i + 1).padStart(3, '0')}`));
    for (const [name, rule] of Object.entries(rules)) {
      for (const field of ['title', 'description', 'remediation'] as const) assert.ok(rule[field].trim() !== '', `${name}.${field}`);
      assert.equal(rule.severity, 'deny', name);
      assert.deepEqual(Object.keys(rule.compliance).sort(), ['cis-docker', 'nist-800-190', 'owasp-docker', 'pci-dss', 'soc2'], name);
    }
  });

  it('reports each violation under its rule, on the compose line that fed it', async () => {
    const { policy, rules } = await builtin();
    const parsed = await loadProject('risky/compose.yaml');
    const out = checkWithDaemonPolicies(parsed, [policy], { workspace: WORKSPACE, identity: { user: 'alice' }, builtinRules: rules });
    assert.deepEqual(out.errors, []);
    const got = out.findings.map((f) => `${f.startLine} ${f.ruleId} ${f.message}`).sort();
    assert.deepEqual(got, [
      '10 CPA003 Service "api": bind mount of host path /etc is blocked (/etc)',
      '12 CPA010 Service "cache": containers must have a memory limit',
      '14 CPA009 Service "cache": network mode host is not allowed',
      '16 CPA013 Service "quiet": image registry.acme.example/quiet:1 comes from the untrusted registry registry.acme.example',
      '3 CPA013 Service "api": image registry.acme.example/api:2 comes from the untrusted registry registry.acme.example',
      '4 CPA002 Service "api": privileged container of image registry.acme.example/api:2 is not approved',
      '7 CPA006 Service "api": capability CAP_SYS_ADMIN may not be added',
    ]);
  });

  it('is configured by data: trusting the registry and approving the image clears those findings', async () => {
    const { policy, rules } = await builtin({ 'registries.trusted': ['registry.acme.example', 'docker.io'], 'privileged.approved_images': ['registry.acme.example/api'] });
    const parsed = await loadProject('risky/compose.yaml');
    const out = checkWithDaemonPolicies(parsed, [policy], { workspace: WORKSPACE, identity: { user: 'alice' }, builtinRules: rules });
    assert.deepEqual(out.findings.map((f) => f.ruleId).sort(), ['CPA003', 'CPA006', 'CPA009', 'CPA010']);
  });

  it('answers allow exactly as the daemon would for the same request, with an audit document', async () => {
    const { policy } = await builtin({ 'registries.trusted': ['registry.acme.example'] });
    const parsed = await loadProject('risky/compose.yaml');
    const [api, , quiet] = synthesizeCreateRequests(parsed.document, { workspace: WORKSPACE });
    assert.ok(api && quiet);
    assert.deepEqual(policy.decide(toAuthzInput(quiet, quiet.body, { user: 'alice' })), { allowed: true, denials: [] });
    const refused = policy.decide(toAuthzInput(api, api.body, { user: 'alice' }));
    assert.equal(refused.allowed, false);
    assert.deepEqual(refused.denials.map((d) => d.rule).sort(), ['capabilities', 'host_mounts', 'privileged']);
  });
});
