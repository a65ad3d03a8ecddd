import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ACTION_NODE, REPO_ROOT, OPA_PATH } from '../support/run-action.js';
import { writeTree } from '../support/temp-tree.js';

const FIXTURES = join(REPO_ROOT, '__tests__', 'fixtures', 'custom-policies');
const DOCKERFILE = ['FROM node:latest', '# hadolint ignore=DL3002', 'USER root', ''].join('\n');

/** Runs the bundled CLI as a user would. */
function scan(cwd: string, args: string[], path = OPA_PATH) {
  const run = spawnSync(ACTION_NODE, [join(REPO_ROOT, 'dist', 'cli', 'index.js'), 'scan', ...args], { cwd, encoding: 'utf8', env: { PATH: path, NO_COLOR: '1' } });
  return { code: run.status, out: run.stdout, err: run.stderr, json: () => JSON.parse(run.stdout) };
}

describe('container-policy scan with a configuration file and custom policies', () => {
  it('reads .github/container-policy.yml; an explicit --fail-on wins', () => {
    const cwd = writeTree({ Dockerfile: DOCKERFILE, '.github/container-policy.yml': 'fail-on: never\n' });
    assert.equal(scan(cwd, ['Dockerfile']).code, 0);
    assert.equal(scan(cwd, ['Dockerfile', '--fail-on', 'deny']).code, 1);
  });

  it('honours another tool\'s comment only when the configuration allows it', () => {
    const cwd = writeTree({ Dockerfile: DOCKERFILE, 'allow.yml': 'suppressions:\n  other-tools: [hadolint]\n' });
    const without = scan(cwd, ['Dockerfile', '--format', 'json']).json();
    assert.ok(without.findings.some((f: { ruleId: string }) => f.ruleId === 'CPD002'));
    const withHadolint = scan(cwd, ['Dockerfile', '--format', 'json', '--config', 'allow.yml']).json();
    assert.ok(!withHadolint.findings.some((f: { ruleId: string }) => f.ruleId === 'CPD002'));
  });

  it('refuses an invalid or missing configuration with exit status 2', () => {
    const cwd = writeTree({ Dockerfile: DOCKERFILE, 'bad.yml': 'rules:\n  CPD001:\n    severity: high\n' });
    const bad = scan(cwd, ['Dockerfile', '--config', 'bad.yml']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /line 3: rules\.CPD001\.severity: "high" is not allowed; allowed: deny, warn/);
    const missing = scan(cwd, ['Dockerfile', '--config', 'nope.yml']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yml does not exist/);
    const unknownRule = writeTree({ Dockerfile: DOCKERFILE, '.github/container-policy.yml': 'rules:\n  CPD999: { severity: warn }\n' });
    assert.match(scan(unknownRule, ['Dockerfile']).err, /no rule has the id "CPD999"/);
  });

  it('runs a conftest-style policy directory, with findings on their lines, tuned by the configuration', () => {
    const cwd = writeTree({ Dockerfile: DOCKERFILE, 'tune.yml': 'rules:\n  ACME001: { severity: warn }\n  custom/main/warn: { enabled: false, reason: later }\n' });
    const report = scan(cwd, ['Dockerfile', '--format', 'json', '--policy', join(FIXTURES, 'conftest')]).json();
    const acme = report.findings.find((f: { ruleId: string }) => f.ruleId === 'ACME001');
    assert.deepEqual([acme?.severity, acme?.startLine], ['deny', 1]);
    assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId === 'custom/main/warn'));
    const tuned = scan(cwd, ['Dockerfile', '--format', 'json', '--config', 'tune.yml', '--policy', join(FIXTURES, 'conftest')]).json();
    assert.equal(tuned.findings.find((f: { ruleId: string }) => f.ruleId === 'ACME001')?.severity, 'warn');
    assert.ok(!tuned.findings.some((f: { ruleId: string }) => f.ruleId === 'custom/main/warn'));
  });

  it('stops with a clear message when opa is missing or the policy uses http.send', () => {
    const cwd = writeTree({ Dockerfile: DOCKERFILE });
    const noOpa = scan(cwd, ['Dockerfile', '--policy', join(FIXTURES, 'conftest')], '');
    assert.equal(noOpa.code, 2);
    assert.match(noOpa.err, /`opa`, which is not on PATH/);
    const http = scan(cwd, ['Dockerfile', '--policy', join(FIXTURES, 'uses-http-send')]);
    assert.equal(http.code, 2);
    assert.match(http.err, /policy\.rego:4: rego_type_error: undefined function http\.send/);
  });
});
