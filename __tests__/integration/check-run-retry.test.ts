/**
 * The Checks API client is built on the same Octokit factory as discovery, with the retry and
 * throttling plugins: a transient 5xx or a secondary rate limit on creating the check run is retried,
 * not turned into a fallback or a failure.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { pullRequestPayload, runBundledAction } from '../support/run-action.js';
import { checkOut } from '../support/git-repo.js';

describe('check run through the shared API client', () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());

  it('retries a 502 and a secondary rate limit on POST check-runs, then creates the run', async () => {
    const files: FakePullFile[] = [{ filename: 'Dockerfile', status: 'modified' }];
    github.pullRequestFiles('octo-org', 'shop', 61, files).checkRunsApi('octo-org', 'shop');
    github.fail('/repos/octo-org/shop/check-runs', [
      { status: 502, message: 'Bad Gateway' },
      { status: 403, message: 'You have exceeded a secondary rate limit', headers: { 'retry-after': '0' } },
    ]);
    const workspace = mkdtempSync(join(tmpdir(), 'cpa-retry-'));
    writeFileSync(join(workspace, 'Dockerfile'), 'FROM node:latest\n');
    const run = await runBundledAction({
      workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(61, 1),
      extraEnv: { CONTAINER_POLICY_API_RETRY_BASE_MS: '1' },
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const posts = github.requests.filter((r) => r.method === 'POST' && r.url === '/repos/octo-org/shop/check-runs');
    assert.equal(posts.length, 3, 'two failures, then success');
    assert.equal(github.checkRuns.length, 1);
    // Annotated through the check run, so no workflow-command fallback.
    assert.doesNotMatch(run.stdout, /Annotating with workflow commands instead/);
    assert.doesNotMatch(run.stdout, /^::error file=/m);
  });
});
