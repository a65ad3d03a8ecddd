import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeGitHub, sendJson } from '../support/fake-github.js';
import { REPO_ROOT, pullRequestPayload, runBundledAction, type ActionRun } from '../support/run-action.js';
import { checkOut } from '../support/git-repo.js';
import { makeWorkspace } from './helpers.js';

// Faults of the GitHub API and of the runner's files, through the bundled action (run `npm run
// bundle` first) against the fake API. Each run either recovers or fails with a clear message; none
// passes silently. Every run uses a distinctive token and debug logging; at the end every output of
// every run (stdout, stderr, summary, outputs, JSON, SARIF, every request body the fake received) is
// scanned for the token and for a line of file content.

const TOKEN = 'ghs_R0bustnessCanaryToken7f3a9c2e1d';
const CONTENT_CANARY = 'LABEL canary="file-content-4b1e9d"';
const DOCKERFILE = `FROM node:latest\n${CONTENT_CANARY}\nCMD ["node", "server.js"]\n`;
const FAST = { CONTAINER_POLICY_API_RETRY_BASE_MS: '1', RUNNER_DEBUG: '1' };
const bundled = existsSync(join(REPO_ROOT, 'dist', 'index.js'));

const outputs: string[] = [];
let github: FakeGitHub;

async function run(number: number, options: { inputs?: Record<string, string>; extraEnv?: Record<string, string>; workspace?: string } = {}): Promise<ActionRun & { workspace: string }> {
  const workspace = options.workspace ?? makeWorkspace({ 'app/Dockerfile': DOCKERFILE });
  const result = await runBundledAction({
    apiUrl: github.url,
    workspace,
    eventName: 'pull_request', sha: checkOut(workspace),
    payload: pullRequestPayload(number, 1),
    token: TOKEN,
    inputs: { 'json-report': 'report.json', sarif: 'report.sarif', ...options.inputs },
    extraEnv: { ...FAST, ...options.extraEnv },
  });
  outputs.push(result.stdout, result.stderr, result.summary, JSON.stringify(result.outputs));
  for (const name of ['report.json', 'report.sarif']) if (existsSync(join(workspace, name))) outputs.push(readFileSync(join(workspace, name), 'utf8'));
  return { ...result, workspace };
}

const changed = (number: number) => github.pullRequestFiles('octo-org', 'shop', number, [{ filename: 'app/Dockerfile', status: 'modified' }]);

describe('faults and secrets (bundled action)', { skip: !bundled && 'dist/index.js is missing: run `npm run bundle`', timeout: 120_000 }, () => {
  before(async () => {
    github = await new FakeGitHub().start();
    github.checkRunsApi('octo-org', 'shop');
  });
  after(async () => {
    await github?.stop();
  });

  for (const status of [500, 502, 503]) {
    it(`HTTP ${status} once, then an answer: retried, and the files are checked`, async () => {
      const number = 100 + status - 500;
      changed(number);
      github.fail(`/repos/octo-org/shop/pulls/${number}/files`, [{ status, message: `fake ${status}` }]);
      const result = await run(number);
      assert.equal(result.outputs['files-checked'], '1', result.stdout);
      assert.equal(result.outputs.verdict, 'fail', 'the unpinned image is still found');
    });
  }

  it('HTTP 503 that never recovers fails the run with the status and message', async () => {
    github.fail('/repos/octo-org/shop/pulls/110/files', [{ status: 503, message: 'Service Unavailable (fake)', times: Infinity }]);
    const result = await run(110);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::GitHub API: could not list the files of pull request #110 \(HTTP 503\): Service Unavailable \(fake\)/);
    assert.notEqual(result.outputs.verdict, 'pass');
  });

  it('HTTP 429 with retry-after is waited out and retried', async () => {
    changed(111);
    github.fail('/repos/octo-org/shop/pulls/111/files', [{ status: 429, message: 'Too Many Requests', headers: { 'retry-after': '1' } }]);
    const result = await run(111);
    assert.equal(result.outputs['files-checked'], '1', result.stdout);
  });

  it('malformed JSON from the API fails the run, it does not mean "no files"', async () => {
    github.route((req, res, url) => {
      if (url.pathname !== '/repos/octo-org/shop/pulls/112/files') return false;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('[{"filename": "app/Dockerfile", "status": ');
      return true;
    });
    const result = await run(112);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stdout, /::error::GitHub API: could not list the files of pull request #112/);
    assert.notEqual(result.outputs.verdict, 'pass');
  });

  it('a Link header that loops is stopped and fails the run, in bounded time', async () => {
    github.route((req, res, url) => {
      if (url.pathname !== '/repos/octo-org/shop/pulls/113/files') return false;
      sendJson(res, 200, [{ sha: 'a'.repeat(40), filename: 'app/Dockerfile', status: 'modified' }], { link: `<${github.url}${url.pathname}?per_page=100&page=2>; rel="next"` });
      return true;
    });
    const result = await run(113);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stdout, /went past 31 pages.*Link header loops/);
    const pages = github.requests.filter((r) => r.url.startsWith('/repos/octo-org/shop/pulls/113/files')).length;
    assert.ok(pages <= 32, `${pages} requests`);
  });

  it('403 on check runs falls back to workflow commands and says so; the verdict still fails', async () => {
    const forbidden = await new FakeGitHub().start();
    try {
      forbidden.pullRequestFiles('octo-org', 'shop', 114, [{ filename: 'app/Dockerfile', status: 'modified' }]).checkRunsApi('octo-org', 'shop', { forbidden: true });
      const saved = github;
      github = forbidden;
      const result = await run(114).finally(() => (github = saved));
      outputs.push(...forbidden.requests.map((r) => r.body));
      assert.equal(result.code, 1);
      assert.equal(result.outputs['annotation-mode'], 'workflow-commands');
      assert.match(result.stdout, /::error file=app\/Dockerfile,line=1/);
      assert.match(result.stdout, /may not create check runs: HTTP 403/, 'the log says why it fell back');
    } finally {
      await forbidden.stop();
    }
  });

  it('an unwritable job summary fails the run with a message naming it', async () => {
    changed(115);
    const scratch = makeWorkspace({});
    const summaryDir = join(scratch, 'summary-is-a-directory');
    mkdirSync(summaryDir);
    const result = await run(115, { extraEnv: { GITHUB_STEP_SUMMARY: summaryDir } });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::Could not write the job summary to .*summary-is-a-directory \(EISDIR: the path is a directory; name a file\)\. The runner provides this file/);
    assert.doesNotMatch(result.stdout, /please report|^\s+at /m);
  });

  it('a full disk for the SARIF log fails the run (the path is a link to /dev/full, which answers ENOSPC)', { skip: !existsSync('/dev/full') && 'no /dev/full' }, async () => {
    changed(116);
    const workspace = makeWorkspace({ 'app/Dockerfile': DOCKERFILE });
    symlinkSync('/dev/full', join(workspace, 'full.sarif'));
    const result = await run(116, { workspace, inputs: { sarif: 'full.sarif' } });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::Could not write the SARIF log to .*full\.sarif \(ENOSPC: no space left on the device; .*\)\. .*point the `sarif` input at a writable path\./);
    assert.doesNotMatch(result.stdout, /please report|^\s+at /m, 'a user error: no bug-report wording, no stack');
    assert.notEqual(result.outputs.verdict, 'pass');
  });

  it('an unwritable output file fails the run naming it', async () => {
    changed(117);
    const scratch = makeWorkspace({});
    const outputDir = join(scratch, 'output-is-a-directory');
    mkdirSync(outputDir);
    const result = await run(117, { extraEnv: { GITHUB_OUTPUT: outputDir } });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::Could not write the step outputs to .*output-is-a-directory \(EISDIR/);
    assert.doesNotMatch(result.stdout, /please report|^\s+at /m);
  });

  it('retries are logged with the status, the endpoint and the attempt, and the run recovers', async () => {
    changed(118);
    github.fail('/repos/octo-org/shop/pulls/118/files', [
      { status: 502, message: 'Bad Gateway (fake)' },
      { status: 403, message: 'You have exceeded a secondary rate limit', headers: { 'retry-after': '1' } },
    ]);
    const result = await run(118);
    assert.equal(result.outputs['files-checked'], '1', result.stdout);
    assert.match(result.stdout, /^GitHub API: retrying GET \/repos\/octo-org\/shop\/pulls\/118\/files \(attempt 2\) after HTTP 502: Bad Gateway \(fake\)/m);
    assert.match(result.stdout, /^GitHub API: secondary rate limit on GET \/repos\/octo-org\/shop\/pulls\/118\/files; waiting 1 s, then retrying\./m);
  });

  it('an API that accepts the connection and never answers fails the run in bounded time, naming the endpoint and the timeout', async () => {
    let hung = 0;
    github.route((_req, _res, url) => url.pathname === '/repos/octo-org/shop/pulls/119/files' && ++hung > 0);
    const started = Date.now();
    const result = await run(119, { extraEnv: { CONTAINER_POLICY_API_TIMEOUT_MS: '250' } });
    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stdout,
      /::error::GitHub API: could not list the files of pull request #119: GET \/repos\/octo-org\/shop\/pulls\/119\/files got no answer within 250 ms on 4 attempt\(s\); check GitHub's status/,
    );
    assert.equal((result.stdout.match(/^GitHub API: retrying GET \/repos\/octo-org\/shop\/pulls\/119\/files \(attempt \d\) after no answer within 250 ms\.$/gm) ?? []).length, 3);
    assert.equal(hung, 4);
    assert.notEqual(result.outputs.verdict, 'pass');
    assert.ok(Date.now() - started < 60_000);
  });

  it('a check-run request that hangs falls back to workflow commands and says why; the verdict is the real one', async () => {
    const hanging = await new FakeGitHub().start();
    try {
      hanging.pullRequestFiles('octo-org', 'shop', 120, [{ filename: 'app/Dockerfile', status: 'modified' }]);
      hanging.route((_req, _res, url) => url.pathname.startsWith('/repos/octo-org/shop/check-runs'));
      const saved = github;
      github = hanging;
      const result = await run(120, { extraEnv: { CONTAINER_POLICY_API_TIMEOUT_MS: '250' } }).finally(() => (github = saved));
      assert.equal(result.code, 1);
      assert.equal(result.outputs['annotation-mode'], 'workflow-commands');
      assert.match(result.stdout, /creating the check run failed: POST \/repos\/octo-org\/shop\/check-runs got no answer within 250 ms on 4 attempt/);
      assert.match(result.stdout, /::error file=app\/Dockerfile,line=1/);
    } finally {
      await hanging.stop();
    }
  });

  it('the token appears in no output of any run, and debug logging prints no file content', () => {
    outputs.push(...github.requests.map((r) => r.body));
    assert.ok(outputs.length > 20, `${outputs.length} outputs scanned`);
    for (const text of outputs) {
      assert.ok(!text.includes(TOKEN), 'the token leaked');
      assert.ok(!text.includes(TOKEN.slice(4, 20)), 'part of the token leaked');
    }
    // The summary and reports quote findings, never whole lines of the file; nor does the debug log.
    for (const text of outputs) assert.ok(!text.includes('file-content-4b1e9d'), `file content in an output: ${text.slice(0, 200)}`);
    // The token reached the API only in the Authorization header, as GitHub expects.
    assert.ok(github.requests.every((r) => r.headers.authorization === `token ${TOKEN}` || r.headers.authorization === `bearer ${TOKEN}` || r.headers.authorization === undefined));
  });
});
