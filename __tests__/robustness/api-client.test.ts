import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubApi, GitHubApiError } from '../../src/discover/github-api.js';
import { createCheckRunApi } from '../../src/report/check-run-api.js';
import { API_RETRIES } from '../../src/github/octokit-api.js';
import { FakeGitHub, sendJson } from '../support/fake-github.js';

// The one Octokit factory against the fake API, in-process: every attempt is bounded by the timeout
// and retried like a 5xx, and every retry is logged with the endpoint, the status and the attempt.

let github: FakeGitHub;
const FILES = [{ filename: 'app/Dockerfile', status: 'modified' as const }];

function client(log: string[], timeoutMs = 300) {
  return createGitHubApi('ghs_api_client_test', github.url, { retryBaseMs: 1, timeoutMs, log: (line) => log.push(line) });
}

/** A route that accepts the request and never answers, `times` times (Infinity: always), then lets others answer. */
function hang(path: string, times: number): { count: number } {
  const seen = { count: 0 };
  github.route((_req, _res, url) => {
    if (url.pathname !== path || seen.count >= times) return false;
    seen.count++;
    return true;
  });
  return seen;
}

describe('the API client: timeouts and logged retries', { timeout: 60_000 }, () => {
  before(async () => {
    github = await new FakeGitHub().start();
  });
  after(async () => {
    await github?.stop();
  });

  it('a request that is never answered times out, is retried, and recovers; the log says so', async () => {
    const seen = hang('/repos/o/r/pulls/1/files', 2);
    github.pullRequestFiles('o', 'r', 1, FILES);
    const log: string[] = [];
    const files = await client(log).listPullRequestFiles('o', 'r', 1);
    assert.deepEqual(files, [{ filename: 'app/Dockerfile', status: 'modified' }]);
    assert.equal(seen.count, 2);
    assert.deepEqual(log, [
      'GitHub API: retrying GET /repos/o/r/pulls/1/files (attempt 2) after no answer within 300 ms.',
      'GitHub API: retrying GET /repos/o/r/pulls/1/files (attempt 3) after no answer within 300 ms.',
    ]);
  });

  it('a request that is never answered fails, in bounded time, with a user error naming the endpoint and the timeout', async () => {
    const seen = hang('/repos/o/r/pulls/2/files', Infinity);
    const log: string[] = [];
    const started = Date.now();
    const error = await client(log).listPullRequestFiles('o', 'r', 2).then(
      () => assert.fail('resolved'),
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    assert.ok(error instanceof GitHubApiError, String(error));
    assert.equal(error.status, undefined, 'no HTTP status: GitHub never answered');
    assert.equal(
      error.message,
      `GitHub API: could not list the files of pull request #2: GET /repos/o/r/pulls/2/files got no answer within 300 ms on ${API_RETRIES + 1} attempt(s); check GitHub's status and the runner's network or proxy to the API, then re-run the job.`,
    );
    assert.equal(seen.count, API_RETRIES + 1);
    assert.equal(log.length, API_RETRIES);
    // Four attempts of 300 ms and the shortened back-off; far below a hang.
    assert.ok(elapsed < 10_000, `${elapsed} ms`);
  });

  it('a response whose body never ends is timed out too', async () => {
    let calls = 0;
    github.route((req, res, url) => {
      if (url.pathname !== '/repos/o/r/pulls/3/files') return false;
      if (++calls === 1) {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.write('[{"filename": "app/Dockerfile", ');
        return true;
      }
      sendJson(res, 200, [{ sha: 'a'.repeat(40), filename: 'app/Dockerfile', status: 'added' }]);
      return true;
    });
    const log: string[] = [];
    const files = await client(log).listPullRequestFiles('o', 'r', 3);
    assert.deepEqual(files, [{ filename: 'app/Dockerfile', status: 'added' }]);
    assert.equal(calls, 2);
    assert.match(log.join('\n'), /retrying GET \/repos\/o\/r\/pulls\/3\/files \(attempt 2\) after no answer within 300 ms/);
  });

  it('a JSON answer that does not parse is retried, then fails; it never reads as an empty list', async () => {
    let calls = 0;
    github.route((_req, res, url) => {
      if (url.pathname !== '/repos/o/r/pulls/6/files') return false;
      calls++;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('[{"filename": "app/Dockerfile", "status": ');
      return true;
    });
    const log: string[] = [];
    await assert.rejects(client(log).listPullRequestFiles('o', 'r', 6), /could not list the files of pull request #6 \(HTTP 500\): GET \/repos\/o\/r\/pulls\/6\/files: the answer is not valid JSON/);
    assert.equal(calls, API_RETRIES + 1);
    assert.match(log[0] ?? '', /retrying GET \/repos\/o\/r\/pulls\/6\/files \(attempt 2\) after HTTP 500: GET \/repos\/o\/r\/pulls\/6\/files: the answer is not valid JSON/);
  });

  it('5xx and 429 retries are logged with the status, the endpoint and the attempt', async () => {
    github.pullRequestFiles('o', 'r', 4, FILES);
    github.fail('/repos/o/r/pulls/4/files', [
      { status: 502, message: 'Bad Gateway (fake)' },
      { status: 429, message: 'Too Many Requests\n::add-mask::x', headers: { 'retry-after': '1' } },
    ]);
    const log: string[] = [];
    await client(log).listPullRequestFiles('o', 'r', 4);
    assert.equal(log[0], 'GitHub API: retrying GET /repos/o/r/pulls/4/files (attempt 2) after HTTP 502: Bad Gateway (fake) - https://docs.github.com/rest.');
    assert.equal(log[1], 'GitHub API: retrying GET /repos/o/r/pulls/4/files (attempt 3) after HTTP 429: Too Many Requests ::add-mask::x - https://docs.github.com/rest.', 'one line, whatever the server says');
  });

  it('a secondary rate limit is logged by the throttling handler, waited out and retried', async () => {
    github.pullRequestFiles('o', 'r', 5, FILES);
    github.fail('/repos/o/r/pulls/5/files', [{ status: 403, message: 'You have exceeded a secondary rate limit', headers: { 'retry-after': '2' } }]);
    const log: string[] = [];
    const files = await client(log).listPullRequestFiles('o', 'r', 5);
    assert.equal(files.length, 1);
    assert.equal(log[0], 'GitHub API: secondary rate limit on GET /repos/o/r/pulls/5/files; waiting 2 s, then retrying.');
    assert.match(log[1] ?? '', /^GitHub API: retrying GET \/repos\/o\/r\/pulls\/5\/files \(attempt 2\) after HTTP 403: You have exceeded a secondary rate limit/);
  });

  it('a check-run request that hangs fails with the timeout error, not a bare HTTP 500', async () => {
    hang('/repos/o/r/check-runs', Infinity);
    const checks = createCheckRunApi('ghs_api_client_test', github.url, 'o', 'r', { retryBaseMs: 1, timeoutMs: 200, log: () => undefined });
    await assert.rejects(
      checks.create({ name: 'x', head_sha: 'a'.repeat(40), status: 'in_progress', output: { title: 't', summary: 's', annotations: [] } }),
      (e: Error & { status?: number }) => e.status === undefined && /POST \/repos\/o\/r\/check-runs got no answer within 200 ms on 4 attempt/.test(e.message),
    );
  });
});
