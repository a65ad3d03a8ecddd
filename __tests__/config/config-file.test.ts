import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EMPTY_CONFIG, parseConfigFile } from '../../src/config/config-file.js';
import { loadConfigFile, workspaceFiles } from '../../src/config/config-file-fs.js';
import { builtinPolicyData, customPolicyData } from '../../src/config/config-file-data.js';
import { applyConfigToSettings } from '../../src/config/config-file-settings.js';
import type { ScanSettings } from '../../src/config/settings.js';
import { DEFAULT_PATTERNS } from '../../src/discover/file-patterns.js';
import { UserError } from '../../src/errors.js';
import { REPO_ROOT } from '../support/run-action.js';

const FULL = `
version: 1
fail-on: warn
files:
  dockerfile: ["*.dockerfile", "docker/**/Dockerfile"]
  compose: ["stack.yaml"]
rules:
  CPD001: { severity: warn }
  CPC002: { enabled: false, reason: CI runners need the socket }
  custom/main/warn: { enabled: true }
frameworks: [cis-docker, soc2]
compose-projects:
  - name: shop
    files: [deploy/compose.yaml, deploy/compose.prod.yaml]
daemon:
  user: ci-bot
policy-data:
  approved-base-images: [docker.io/library/node]
  approved-registries: [ghcr.io]
  pinning-exempt-packages: [ca-certificates]
  secret-patterns: ["(?i)token"]
  secret-value-patterns: ["acme_[0-9a-f]{32}"]
  system-directories: [/opt/vendor]
  sensitive-host-paths: [/srv/secrets]
  max-restart-retries: 3
  custom: { teams: { web: [alice] } }
exclusions:
  - paths: ["legacy/**"]
    rules: ["*"]
    reason: frozen, removed in Q3
  - services: [db]
    rules: [CPC001]
    reason: the database image needs it
suppressions:
  allowed: true
  require-reason: false
  other-tools: [hadolint, trivy]
`;

function invalid(text: string): string {
  try {
    parseConfigFile(text, '.github/container-policy.yml');
  } catch (thrown) {
    assert.ok(thrown instanceof UserError, String(thrown));
    return thrown.message;
  }
  assert.fail('expected the configuration to be refused');
}

describe('configuration file', () => {
  it('reads every key into typed settings', () => {
    const config = parseConfigFile(FULL, 'cfg.yml');
    assert.equal(config.source, 'cfg.yml');
    assert.equal(config.failOn, 'warn');
    assert.deepEqual(config.files, { dockerfile: ['*.dockerfile', 'docker/**/Dockerfile'], compose: ['stack.yaml'] });
    assert.deepEqual(config.rules.CPD001, { severity: 'warn' });
    assert.deepEqual(config.rules.CPC002, { enabled: false, reason: 'CI runners need the socket' });
    assert.deepEqual(config.frameworks, ['cis-docker', 'soc2']);
    assert.deepEqual(config.composeProjects, [{ name: 'shop', files: ['deploy/compose.yaml', 'deploy/compose.prod.yaml'] }]);
    assert.equal(config.daemonUser, 'ci-bot');
    // Keyed as the rules read them (policies/lib/settings.rego); one user key may fill several, converted.
    assert.deepEqual(config.policySettings, {
      'dockerfile.approved_base_images': ['docker.io/library/node'],
      'dockerfile.trusted_registries': ['ghcr.io'],
      'compose.allowed_registries': ['ghcr.io'],
      'dockerfile.unpinned_packages_exempt': ['ca-certificates'],
      'dockerfile.secret_name_patterns': ['(?i)token'],
      'compose.secret_env_pattern': '(?i)(?:(?i)token)',
      'dockerfile.secret_value_patterns': ['acme_[0-9a-f]{32}'],
      'dockerfile.system_directories': ['/opt/vendor'],
      'compose.sensitive_host_paths': ['/srv/secrets'],
      'compose.max_restart_retries': 3,
      daemon_user: 'ci-bot',
    });
    assert.deepEqual(config.customData, { teams: { web: ['alice'] } });
    assert.equal(config.exclusions.length, 2);
    assert.deepEqual(config.exclusions[1], { services: ['db'], rules: ['CPC001'], reason: 'the database image needs it' });
    assert.deepEqual(config.suppressions, { allowed: true, requireReason: false, otherTools: ['hadolint', 'trivy'] });
  });

  it('fills defaults for an empty file', () => {
    const config = parseConfigFile('', 'cfg.yml');
    assert.deepEqual({ ...config, source: undefined }, { ...EMPTY_CONFIG, source: undefined });
    assert.deepEqual(config.suppressions, { allowed: true, requireReason: true, otherTools: [] });
  });

  it('names the line, the key, the bad value and what is allowed', () => {
    const message = invalid('fail-on: high\nrules:\n  CPD001:\n    severity: critical\n');
    assert.match(message, /\.github\/container-policy\.yml is invalid/);
    assert.match(message, /line 1: fail-on: "high" is not allowed; allowed: deny, warn, never/);
    assert.match(message, /line 4: rules\.CPD001\.severity: "critical" is not allowed; allowed: deny, warn/);
  });

  it('refuses unknown keys, listing the allowed ones', () => {
    const message = invalid('fail-on: deny\nfailon: warn\n');
    assert.match(message, /line 2: \(top level\): unknown key "failon"; allowed keys: version, fail-on, files, rules/);
    assert.match(invalid('suppressions:\n  forbid: true\n'), /suppressions: unknown key "forbid"; allowed keys: allowed, require-reason, other-tools/);
  });

  it('requires a reason to disable a rule or exclude findings', () => {
    assert.match(invalid('rules:\n  CPD001: { enabled: false }\n'), /rules\.CPD001: the key "reason" is required/);
    assert.match(invalid('exclusions:\n  - paths: [a]\n    rules: [CPD001]\n'), /exclusions\[0\]: the key "reason" is required/);
    assert.match(invalid('exclusions:\n  - paths: [a]\n    rules: [CPD001]\n    reason: "  "\n'), /exclusions\[0\]\.reason: " {2}" is not allowed; give a non-empty reason/);
    assert.match(invalid('exclusions:\n  - rules: [CPD001]\n    reason: x\n'), /line 2: exclusions\[0\]: needs "paths" or "services"/);
    assert.match(invalid('exclusions:\n  - paths: [a]\n    rules: []\n    reason: x\n'), /exclusions\[0\]\.rules: \[\] is not allowed; give at least 1 item/);
  });

  it('checks types, enums and rule ids', () => {
    assert.match(invalid('frameworks: [hipaa]\n'), /frameworks\[0\]: "hipaa" is not allowed; allowed: cis-docker, nist-800-190/);
    assert.match(invalid('suppressions: { other-tools: [snyk] }\n'), /"snyk" is not allowed; allowed: hadolint, trivy, checkov, kics/);
    assert.match(invalid('suppressions: { allowed: "no" }\n'), /suppressions\.allowed: "no" is not allowed; expected boolean/);
    assert.match(invalid('rules:\n  "not an id": {}\n'), /the key "not an id" is not a rule id/);
    assert.match(invalid('version: 2\n'), /version: 2 is not allowed; allowed: 1/);
    assert.match(invalid('- a\n- b\n'), /\(top level\): \["a","b"\] is not allowed; expected object/);
    assert.match(invalid('policy-data:\n  secret-patterns: ["(("]\n'), /policy-data\.secret-patterns\[0\]: "\(\(" is not a regular expression/);
  });

  it('reports bad YAML with its line', () => {
    assert.match(invalid('rules:\n  CPD001: [\n'), /is not valid YAML:\n {2}line \d+/);
    assert.match(invalid('fail-on: deny\nfail-on: warn\n'), /not valid YAML/);
  });

  it('loads from trusted files: absent default is no configuration, an absent named file is an error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cpa-config-'));
    const files = workspaceFiles(root);
    assert.deepEqual(await loadConfigFile(files, '.github/container-policy.yml', false), EMPTY_CONFIG);
    await assert.rejects(loadConfigFile(files, 'policy.yml', true), /The configuration file policy.yml does not exist in the workspace/);
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github/container-policy.yml'), 'fail-on: never\n');
    assert.equal((await loadConfigFile(files, '.github/container-policy.yml', false)).failOn, 'never');
    writeFileSync(join(root, 'bin.yml'), Buffer.from([0xff, 0xfe, 0x00]));
    await assert.rejects(loadConfigFile(files, 'bin.yml', true), /not UTF-8/);
    await assert.rejects(loadConfigFile(files, '../outside.yml', true), /outside the workspace/);
  });

  it('lets explicit inputs win over the file, and the file over defaults', () => {
    const config = parseConfigFile(FULL, 'cfg.yml');
    const base: ScanSettings = { workspace: '/w', patterns: DEFAULT_PATTERNS, failOn: 'deny', maxFileBytes: 1 };
    const merged = applyConfigToSettings(base, config);
    assert.equal(merged.failOn, 'warn');
    assert.deepEqual(merged.patterns.compose, ['stack.yaml']);
    assert.deepEqual(merged.frameworks, ['cis-docker', 'soc2']);
    const explicit = applyConfigToSettings({ ...base, explicit: ['failOn', 'composePatterns'], frameworks: ['pci-dss'] }, config);
    assert.equal(explicit.failOn, 'deny');
    assert.deepEqual(explicit.patterns.compose, DEFAULT_PATTERNS.compose);
    assert.deepEqual(explicit.patterns.dockerfile, ['*.dockerfile', 'docker/**/Dockerfile']);
    assert.deepEqual(explicit.frameworks, ['pci-dss']);
  });

  it('puts policy data where the rules read it', () => {
    const config = parseConfigFile(FULL, 'cfg.yml');
    const data = builtinPolicyData({ other: 1, container_policy: { kept: true } }, config);
    assert.deepEqual(data, { other: 1, container_policy: { kept: true, settings: config.policySettings } });
    assert.deepEqual(customPolicyData(config), { teams: { web: ['alice'] }, container_policy: { settings: config.policySettings } });
  });
});

describe('docs/configuration.md', () => {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/container-policy.schema.json'), 'utf8'));
  const doc = readFileSync(join(REPO_ROOT, 'docs/configuration.md'), 'utf8');

  /** Every key path in the schema, `a.b` for nested mappings and `a[].b` inside lists. */
  function keyPaths(node: Record<string, unknown>, prefix: string): string[] {
    const resolved = (node.$ref ? schema.definitions[(node.$ref as string).split('/').pop() as string] : node) as Record<string, unknown>;
    const byId = (resolved.additionalProperties as Record<string, unknown> | undefined)?.properties;
    const props = (resolved.properties ?? (resolved.items as Record<string, unknown> | undefined)?.properties ?? byId) as Record<string, Record<string, unknown>> | undefined;
    if (!props) return [];
    const inList = byId ? '.<id>' : !resolved.properties && resolved.items ? '[]' : '';
    return Object.entries(props).flatMap(([key, child]) => {
      const path = `${prefix}${inList}${prefix ? '.' : ''}${key}`;
      return [path, ...keyPaths(child, path)];
    });
  }

  it('documents every key of the schema, and no key the schema lacks', () => {
    const inSchema = keyPaths(schema, '').map((p) => p.replace(/^\[\]\./, ''));
    const documented = [...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    assert.ok(documented.length >= 30, `only ${documented.length} keys documented`);
    assert.deepEqual([...documented].sort(), [...inSchema].sort());
  });

  it('documents the allowed values the schema lists', () => {
    for (const value of ['deny', 'warn', 'never', 'cis-docker', 'nist-800-190', 'owasp-docker', 'pci-dss', 'soc2', 'hadolint', 'trivy', 'checkov', 'kics']) {
      assert.ok(doc.includes(`\`${value}\``), value);
    }
  });
});
