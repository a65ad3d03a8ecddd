import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { REPO_ROOT, pullRequestPayload, runBundledAction, OPA_PATH } from '../support/run-action.js';
import { checkOut } from '../support/git-repo.js';
import { writeTree } from '../support/temp-tree.js';

const BASE = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const POLICY = readFileSync(join(REPO_ROOT, '__tests__/fixtures/custom-policies/conftest/acme.rego'), 'utf8');
const DOCKERFILE = [
  'FROM node:latest',
  'WORKDIR /app',
  '# container-policy ignore=CPD002 -- the entrypoint drops privileges itself',
  'USER root',
  'CMD ["node", "server.js"]',
  '',
].join('\n');
const BASE_CONFIG = 'fail-on: deny\nrules:\n  custom/main/warn: { enabled: false, reason: labels come later }\n';

/** A PATH that holds git (the action asks it which commit the workspace holds) and nothing else, so no opa. */
function gitOnlyPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpa-git-only-'));
  symlinkSync(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), join(dir, 'git'));
  return dir;
}

describe('bundled action: configuration and custom policies from the base commit', () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());
  const files: FakePullFile[] = [
    { filename: 'app/Dockerfile', status: 'modified' },
    { filename: '.github/container-policy.yml', status: 'modified' },
  ];

  it('applies the base configuration, custom policy and suppressions, ignoring the pull request\'s own edits', async () => {
    github.pullRequestFiles('octo-org', 'shop', 21, files);
    github.contents('octo-org', 'shop', '.github/container-policy.yml', BASE, BASE_CONFIG);
    github.contents('octo-org', 'shop', 'policy/acme.rego', BASE, POLICY);
    const workspace = writeTree({
      'app/Dockerfile': DOCKERFILE,
      // The pull request tries to switch the gate off and to weaken the policy: neither may count.
      '.github/container-policy.yml': 'fail-on: never\n',
      'policy/acme.rego': 'package main\n',
    });
    const run = await runBundledAction({
      workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(21, files.length),
      inputs: { 'fail-on': '', policy: 'policy', 'json-report': 'report.json' },
      extraEnv: { PATH: OPA_PATH },
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning) /.test(l));
    assert.ok(annotations.some((a) => a.includes('file=app/Dockerfile,') && a.includes('line=1,') && a.includes('ACME001')), annotations.join('\n'));
    assert.ok(annotations.some((a) => a.includes('CPD001')), annotations.join('\n'));
    assert.ok(!annotations.some((a) => a.includes('CPD002')), 'suppressed by the comment');
    assert.ok(!annotations.some((a) => a.includes('custom/main/warn')), 'disabled by the base configuration');
    const report = JSON.parse(readFileSync(join(workspace, 'report.json'), 'utf8'));
    assert.ok(report.findings.some((f: { ruleId: string; compliance: Record<string, string[]> }) => f.ruleId === 'ACME001' && f.compliance['acme-standard']?.[0] === 'IMG-3'));
    assert.ok(github.requests.some((r) => decodeURIComponent(r.url) === `/repos/octo-org/shop/contents/policy/acme.rego?ref=${BASE}`), github.requests.map((r) => r.url).join('\n'));
  });

  it('fails with the key, the value and what is allowed when the base configuration is invalid', async () => {
    github.pullRequestFiles('octo-org', 'shop', 22, files);
    github.contents('octo-org', 'shop', 'ci/policy.yml', BASE, 'fail-on: deny\nsuppressions:\n  other-tools: [snyk]\n');
    const workspace = writeTree({ 'app/Dockerfile': DOCKERFILE, 'ci/policy.yml': 'fail-on: never\n' });
    const run = await runBundledAction({ workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(22, files.length), inputs: { config: 'ci/policy.yml' } });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::The configuration file ci\/policy\.yml is invalid/);
    assert.match(run.stdout, /line 3: suppressions\.other-tools\[0\]: "snyk" is not allowed; allowed: hadolint, trivy, checkov, kics/);
  });

  it('says so when a custom policy needs opa and none is on PATH', async () => {
    github.pullRequestFiles('octo-org', 'shop', 23, files);
    github.contents('octo-org', 'shop', 'policy/acme.rego', BASE, POLICY);
    const workspace = writeTree({ 'app/Dockerfile': DOCKERFILE, 'policy/acme.rego': POLICY });
    const run = await runBundledAction({
      workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(23, files.length),
      inputs: { policy: 'policy' }, extraEnv: { PATH: gitOnlyPath() },
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::Custom Rego policies are compiled with `opa`, which is not on PATH/);
  });
});
