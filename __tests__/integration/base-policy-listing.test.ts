/**
 * Custom policy directories are listed at the pull request's base commit, not in its head checkout:
 * a pull request that deletes a deny policy is still judged by it, and one it adds is not used yet.
 * Through the bundled action, with the history in the clone (git ls-tree) and without it (contents API).
 * Also: `allow-errors` is the explicit opt-out for files that cannot be checked.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { checkOut, createGitRepo } from '../support/git-repo.js';
import { REPO_ROOT, pullRequestPayload, runBundledAction, OPA_PATH } from '../support/run-action.js';
import { writeTree } from '../support/temp-tree.js';

const BASE = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
/** A deny policy (ACME001: base images only from registry.acme.example) that the pull request deletes. */
const DENY_POLICY = readFileSync(join(REPO_ROOT, '__tests__/fixtures/custom-policies/conftest/acme.rego'), 'utf8');
/** A policy the pull request adds; it must not run until merged. */
const ADDED_POLICY = [
  'package main',
  '',
  'deny contains "added by the pull request" if input.kind == "dockerfile"',
  '',
].join('\n');
const DOCKERFILE = 'FROM node:20.11-alpine\nUSER 1000\n';

const annotationsOf = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning) /.test(l));

describe('custom policy directories listed at the base commit', () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());

  it('still applies a deny policy the pull request deletes (contents API listing)', async () => {
    const files: FakePullFile[] = [
      { filename: 'app/Dockerfile', status: 'modified' },
      { filename: 'policy/rules/acme.rego', status: 'removed' },
      { filename: 'policy/added.rego', status: 'added' },
    ];
    github.pullRequestFiles('octo-org', 'shop', 41, files);
    github.contents('octo-org', 'shop', 'policy/rules/acme.rego', BASE, DENY_POLICY);
    // The head checkout: the deny policy is gone and a new one has appeared.
    const workspace = writeTree({ 'app/Dockerfile': DOCKERFILE, 'policy/added.rego': ADDED_POLICY });
    const run = await runBundledAction({
      workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(41, files.length),
      inputs: { policy: 'policy' }, extraEnv: { PATH: OPA_PATH },
    });

    assert.equal(run.code, 1, run.stdout + run.stderr);
    const annotations = annotationsOf(run.stdout);
    assert.ok(annotations.some((a) => a.startsWith('::error ') && a.includes('file=app/Dockerfile,') && a.includes('line=1,') && a.includes('ACME001')), annotations.join('\n'));
    assert.ok(!run.stdout.includes('added by the pull request'), 'a policy the pull request adds is not used');
    const urls = github.requests.map((r) => decodeURIComponent(r.url));
    assert.ok(urls.includes(`/repos/octo-org/shop/contents/policy?ref=${BASE}`), urls.join('\n'));
    assert.ok(urls.includes(`/repos/octo-org/shop/contents/policy/rules?ref=${BASE}`), 'walks into subdirectories');
  });

  it('still applies a deny policy the pull request deletes (git ls-tree in a full clone)', async () => {
    const repo = createGitRepo();
    repo.write({ 'app/Dockerfile': DOCKERFILE, 'policy/rules/acme.rego': DENY_POLICY });
    const base = repo.commit('base');
    repo.remove('policy/rules/acme.rego').write({ 'policy/added.rego': ADDED_POLICY, 'app/Dockerfile': DOCKERFILE + '# touched\n' });
    const head = repo.commit('the pull request');
    const files: FakePullFile[] = [
      { filename: 'app/Dockerfile', status: 'modified' },
      { filename: 'policy/rules/acme.rego', status: 'removed' },
      { filename: 'policy/added.rego', status: 'added' },
    ];
    github.pullRequestFiles('octo-org', 'shop', 42, files);
    const payload = pullRequestPayload(42, files.length);
    payload.pull_request.base.sha = base;
    payload.pull_request.head.sha = head;
    const before = github.requests.length;
    const run = await runBundledAction({ workspace: repo.root, apiUrl: github.url, eventName: 'pull_request', payload, inputs: { policy: 'policy' }, extraEnv: { PATH: OPA_PATH } });

    assert.equal(run.code, 1, run.stdout + run.stderr);
    const annotations = annotationsOf(run.stdout);
    assert.ok(annotations.some((a) => a.startsWith('::error ') && a.includes('file=app/Dockerfile,') && a.includes('ACME001')), annotations.join('\n'));
    assert.ok(!run.stdout.includes('added by the pull request'), 'a policy the pull request adds is not used');
    // Everything came from the clone: no contents API call.
    assert.ok(!github.requests.slice(before).some((r) => r.url.includes('/contents/')), github.requests.slice(before).map((r) => r.url).join('\n'));
  });
});

describe('allow-errors', () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());

  for (const [input, code, verdict] of [['', 1, 'fail'], ['false', 1, 'fail'], ['true', 0, 'pass']] as const) {
    it(`allow-errors: "${input}" → exit ${code}; the unparseable file is reported either way`, async () => {
      const number = 50 + code + input.length;
      const files: FakePullFile[] = [{ filename: 'broken/compose.yaml', status: 'added' }];
      github.pullRequestFiles('octo-org', 'shop', number, files);
      const workspace = writeTree({ 'broken/compose.yaml': 'services:\n  web:\n    image: [unclosed\n' });
      const run = await runBundledAction({ workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(number, 1), inputs: { 'allow-errors': input } });
      assert.equal(run.code, code, run.stdout + run.stderr);
      assert.equal(run.outputs.verdict, verdict);
      assert.equal(run.outputs.errors, '1');
      assert.match(run.stdout, /::error file=broken\/compose\.yaml/);
    });
  }

  it('refuses a value other than true or false', async () => {
    const workspace = writeTree({ Dockerfile: DOCKERFILE });
    const run = await runBundledAction({ workspace, apiUrl: github.url, eventName: 'push', payload: {}, inputs: { 'allow-errors': 'yes' } });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::Invalid allow-errors: "yes"\. Valid values: true, false\./);
  });
});
