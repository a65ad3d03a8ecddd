import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubApi } from '../../src/discover/github-api.js';
import { proxyConfigured } from '../../src/github/octokit-api.js';
import { FakeGitHub } from '../support/fake-github.js';

// With a proxy named, requests go through @actions/github's proxy-aware fetch, loaded on first use.

describe('the API client behind a proxy', () => {
  let github: FakeGitHub;
  const saved = { ...process.env };
  before(async () => {
    github = await new FakeGitHub().start();
  });
  after(async () => {
    process.env = { ...saved };
    await github?.stop();
  });

  it('is used when any of the proxy variables is set', () => {
    assert.equal(proxyConfigured({}), false);
    assert.equal(proxyConfigured({ https_proxy: '' }), false);
    for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) assert.equal(proxyConfigured({ [name]: 'http://proxy:3128' }), true, name);
  });

  it('loads the proxy-aware fetch and gets the answer (the loopback API bypasses the proxy, as @actions/http-client decides)', async () => {
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    process.env.GITHUB_API_URL = github.url;
    github.pullRequestFiles('o', 'r', 1, [{ filename: 'Dockerfile', status: 'added' }]);
    const files = await createGitHubApi('ghs_proxy_test', github.url, { retryBaseMs: 1 }).listPullRequestFiles('o', 'r', 1);
    assert.deepEqual(files, [{ filename: 'Dockerfile', status: 'added' }]);
  });
});
