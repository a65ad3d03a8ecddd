import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubApi, GitHubApiError } from '../../src/discover/github-api.js';
import { createCheckRunApi } from '../../src/report/check-run-api.js';
import { FakeGitHub, sendJson } from '../support/fake-github.js';

// Answers in the wrong shape (an API change, a broken proxy, a field GitHub's schema marks optional
// left out) must never read as "nothing changed" or "nothing there": each is refused or handed back
// as unknown, against the fake API, in-process.

let github: FakeGitHub;
const BASE = 'b'.repeat(40);
const HEAD = 'e'.repeat(40);

function client() {
  return createGitHubApi('ghs_api_shape_test', github.url, { retryBaseMs: 1, timeoutMs: 2000, log: () => {} });
}

/** Answers GET `path` (query ignored) with `body`, as JSON. */
function answer(path: string, body: unknown): void {
  github.route((req, res, url) => {
    if (req.method !== 'GET' || decodeURIComponent(url.pathname) !== path) return false;
    sendJson(res, 200, body);
    return true;
  });
}

const malformed = (pattern: RegExp) => (e: unknown) => e instanceof GitHubApiError && pattern.test(e.message) && /cannot be trusted/.test(e.message);

describe('API answers in the wrong shape', { timeout: 60_000 }, () => {
  before(async () => {
    github = await new FakeGitHub().start();
  });
  after(async () => {
    await github?.stop();
  });

  it('a comparison without a file list is unknown, not empty, unless the commits are identical', async () => {
    answer(`/repos/o/r/compare/${BASE}...${HEAD}`, { status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1, commits: [{ sha: HEAD }] });
    assert.equal(await client().compareCommits('o', 'r', BASE, HEAD), undefined);
    answer(`/repos/o/r/compare/${HEAD}...${HEAD}`, { status: 'identical', ahead_by: 0, behind_by: 0, total_commits: 0, commits: [] });
    assert.deepEqual(await client().compareCommits('o', 'r', HEAD, HEAD), []);
    answer(`/repos/o/r/compare/${BASE}...${BASE}`, { status: 'ahead', files: { filename: 'Dockerfile' } });
    assert.equal(await client().compareCommits('o', 'r', BASE, BASE), undefined, 'a file list that is not a list is no list');
  });

  it('a file entry without a name or a status is refused, in a comparison and in a pull request\'s list', async () => {
    answer(`/repos/o/r/compare/${'1'.repeat(40)}...${HEAD}`, { status: 'ahead', files: [{ filename: 'Dockerfile', status: 'modified' }, { status: 'added' }] });
    await assert.rejects(client().compareCommits('o', 'r', '1'.repeat(40), HEAD), malformed(/compare 111111111111\.\.\.eeeeeeeeeeee: a file entry has no filename or status/));
    answer('/repos/o/r/pulls/1/files', [{ filename: 'app/Dockerfile' }]);
    await assert.rejects(client().listPullRequestFiles('o', 'r', 1), malformed(/pull request #1: a file entry has no filename or status/));
  });

  it('a page of a pull request\'s files that is not a list is refused, not read as one entry or as an empty page', async () => {
    answer('/repos/o/r/pulls/2/files', { message: 'a proxy page', files: [] });
    await assert.rejects(client().listPullRequestFiles('o', 'r', 2), malformed(/pull request #2: a page of the answer is not a list/));
    answer('/repos/o/r/pulls/3/files', null);
    await assert.rejects(client().listPullRequestFiles('o', 'r', 3), malformed(/pull request #3: a page of the answer is not a list/), 'null is no empty page');
  });

  it('a directory listing in the wrong shape is refused; a single entry still means "not a directory"', async () => {
    answer('/repos/o/r/contents/policy', { message: 'not a listing' });
    await assert.rejects(client().listDirectoryAtRef?.('o', 'r', 'policy', BASE) ?? Promise.resolve(), malformed(/list policy at bbbbbbbbbbbb: the answer is neither a listing nor an entry/));
    answer('/repos/o/r/contents/rules', [{ type: 'file', path: 'rules/a.rego' }, { type: 'file' }]);
    await assert.rejects(client().listDirectoryAtRef?.('o', 'r', 'rules', BASE) ?? Promise.resolve(), malformed(/list rules at bbbbbbbbbbbb: an entry has no type or path/));
    answer('/repos/o/r/contents/policy.rego', { type: 'file', path: 'policy.rego', encoding: 'base64', content: '' });
    assert.equal(await client().listDirectoryAtRef?.('o', 'r', 'policy.rego', BASE), undefined);
  });

  it('a created check run without an id is a failure, so the annotations fall back to workflow commands', async () => {
    github.route((req, res, url) => {
      if (req.method !== 'POST' || url.pathname !== '/repos/o/r/check-runs') return false;
      sendJson(res, 201, { name: 'Container policy', status: 'in_progress' });
      return true;
    });
    const checks = createCheckRunApi('ghs_api_shape_test', github.url, 'o', 'r', { retryBaseMs: 1, timeoutMs: 2000, log: () => {} });
    const body = { name: 'Container policy', head_sha: HEAD, status: 'in_progress' as const, output: { title: 't', summary: 's', annotations: [] } };
    await assert.rejects(checks.create(body), /the created check run has no id/);
  });
});
