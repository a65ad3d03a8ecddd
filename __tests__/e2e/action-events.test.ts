import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeGitHub, sendJson, type FakePullFile } from '../support/fake-github.js';
import { checkOut, createGitRepo, createWorkspace, type GitRepo } from '../support/git-repo.js';
import { pullRequestPayload, runBundledAction, type ActionRun, type ActionRunOptions } from '../support/run-action.js';

// End to end: the bundled action, real git repositories made here, the fake GitHub API on loopback.
// Each test asserts exactly which files were checked (from the JSON report) and the verdict.

const VIOLATING = 'FROM node:latest\nCMD ["node", "server.js"]\n';
const CLEAN = 'FROM node:20.11-alpine\nUSER node\nCMD ["node", "server.js"]\n';
const CLEAN_COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n';
const PRIVILEGED_OVERRIDE = 'services:\n  web:\n    privileged: true\n';
const ZERO = '0'.repeat(40);
/** Retries back off in milliseconds instead of seconds, so the retry tests run quickly. */
const FAST_RETRIES = { CONTAINER_POLICY_API_RETRY_BASE_MS: '1' };

interface Checked extends ActionRun {
  checked: string[];
  notices: string[];
}

async function run(github: FakeGitHub, options: Omit<ActionRunOptions, 'apiUrl'>): Promise<Checked> {
  const result = await runBundledAction({
    apiUrl: github.url,
    ...options,
    inputs: { 'json-report': 'cpa-report.json', ...options.inputs },
    extraEnv: { ...FAST_RETRIES, ...options.extraEnv },
  });
  let checked: string[] = [];
  try {
    const report = JSON.parse(readFileSync(join(options.workspace, 'cpa-report.json'), 'utf8')) as { files: { path: string }[] };
    checked = report.files.map((f) => f.path).sort();
  } catch {
    // No report: the run stopped before reporting; tests assert the message instead.
  }
  const notices = result.stdout.split('\n').filter((l) => l.startsWith('::notice::'));
  return { ...result, checked, notices };
}

function prPayload(number: number, changed: number, base: string, head: string, fork = false) {
  const payload = pullRequestPayload(number, changed);
  payload.pull_request.base.sha = base;
  payload.pull_request.head.sha = head;
  if (fork) payload.pull_request.head.repo.full_name = 'forker/shop';
  return payload;
}

function countRequests(github: FakeGitHub, prefix: string): number {
  return github.requests.filter((r) => r.url.startsWith(prefix)).length;
}

/** Requests that ask GitHub which files changed (reports may call other endpoints). */
function discoveryRequests(github: FakeGitHub): number {
  return github.requests.filter((r) => r.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/(pulls\/\d+\/files|compare\/)/.test(r.url)).length;
}

describe('bundled action: which files each event checks', () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());

  it('pull_request from a fork: every page, added/modified/renamed checked, removed dropped', async () => {
    const repo = createGitRepo();
    repo.write({ 'legacy/Dockerfile': CLEAN, 'gone/Dockerfile': CLEAN, 'svc/Dockerfile': CLEAN, 'untouched/Dockerfile': VIOLATING });
    const base = repo.commit('base');
    repo.remove('legacy/Dockerfile', 'gone/Dockerfile').write({ 'web/Dockerfile': CLEAN, 'svc/Dockerfile': VIOLATING, 'new/compose.yaml': CLEAN_COMPOSE });
    for (let i = 0; i < 250; i++) repo.write({ [`docs/page-${i}.md`]: `# ${i}\n` });
    const head = repo.commit('head');
    const files: FakePullFile[] = [
      ...Array.from({ length: 250 }, (_, i): FakePullFile => ({ filename: `docs/page-${i}.md`, status: 'added' })),
      { filename: 'svc/Dockerfile', status: 'modified' },
      { filename: 'gone/Dockerfile', status: 'removed' },
      { filename: 'web/Dockerfile', status: 'renamed', previous_filename: 'legacy/Dockerfile' },
      { filename: 'new/compose.yaml', status: 'added' },
    ];
    github.pullRequestFiles('octo-org', 'shop', 21, files);
    const result = await run(github, { workspace: repo.root, eventName: 'pull_request', payload: prPayload(21, files.length, base, head, true), token: 'ghs_read_only_fork_token' });
    assert.equal(countRequests(github, '/repos/octo-org/shop/pulls/21/files'), 3, 'three pages of 100');
    assert.deepEqual(result.checked, ['new/compose.yaml', 'svc/Dockerfile', 'web/Dockerfile']);
    assert.equal(result.outputs.verdict, 'fail', result.stdout);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /file=svc\/Dockerfile,line=1,.*CPD001/);
  });

  it('pull_request over 3,000 files with local history: git diff finds the file GitHub left out', async () => {
    const repo = createGitRepo();
    repo.write({ 'README.md': 'x\n' });
    const base = repo.commit('base');
    const files: FakePullFile[] = [];
    for (let i = 0; i < 3000; i++) {
      repo.write({ [`gen/f${String(i).padStart(4, '0')}.txt`]: `${i}\n` });
      files.push({ filename: `gen/f${String(i).padStart(4, '0')}.txt`, status: 'added' });
    }
    repo.write({ 'zz/Dockerfile': VIOLATING });
    const head = repo.commit('huge');
    github.pullRequestFiles('octo-org', 'shop', 22, files);
    const result = await run(github, { workspace: repo.root, eventName: 'pull_request', payload: prPayload(22, 3001, base, head) });
    assert.deepEqual(result.checked, ['zz/Dockerfile']);
    assert.equal(result.outputs.verdict, 'fail');
    assert.match(result.stdout, /3001 changed in all, from the local git history/);
  });

  it('pull_request over 3,000 files without history fails closed and says how to fix it', async () => {
    const files = Array.from({ length: 3000 }, (_, i): FakePullFile => ({ filename: `gen/f${i}.txt`, status: 'added' }));
    github.pullRequestFiles('octo-org', 'shop', 23, files);
    const workspace = createWorkspace({ 'zz/Dockerfile': VIOLATING, 'ok/Dockerfile': CLEAN });
    const result = await run(github, { workspace, eventName: 'pull_request', payload: prPayload(23, 3001, 'b'.repeat(40), 'e'.repeat(40)), sha: checkOut(workspace) });
    assert.equal(result.code, 1);
    assert.deepEqual(result.checked, [], 'nothing was reported as checked');
    assert.match(result.stdout, /::error::.*refusing to pass on a partial list.*fetch-depth: 0.*scan: all/);
    assert.equal(result.outputs.verdict, undefined, 'no verdict is published for a partial list');
  });

  it('push: the compare API names the changed files', async () => {
    const repo = createGitRepo();
    repo.write({ 'a/Dockerfile': CLEAN, 'b/Dockerfile': VIOLATING });
    const beforeSha = repo.commit('one');
    repo.write({ 'a/Dockerfile': VIOLATING.replace('CMD', 'EXPOSE 80\nCMD') });
    const afterSha = repo.commit('two');
    github.compare('octo-org', 'shop', beforeSha, afterSha, [{ filename: 'a/Dockerfile', status: 'modified' }]);
    const result = await run(github, { workspace: repo.root, eventName: 'push', payload: { ref: 'refs/heads/main', before: beforeSha, after: afterSha, repository: { default_branch: 'main' } } });
    assert.equal(countRequests(github, `/repos/octo-org/shop/compare/${beforeSha}...${afterSha}`), 1);
    assert.deepEqual(result.checked, ['a/Dockerfile']);
    assert.equal(result.outputs.verdict, 'fail');
  });

  it('push of a new branch (before all zeros): diffs against the default branch, or scans everything', async () => {
    const repo = createGitRepo();
    repo.write({ 'main/Dockerfile': VIOLATING, 'compose.yaml': CLEAN_COMPOSE });
    const mainSha = repo.commit('main');
    repo.git('update-ref', 'refs/remotes/origin/main', mainSha);
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.write({ 'feature/Dockerfile': CLEAN });
    const featureSha = repo.commit('feature');
    const payload = { ref: 'refs/heads/feature', before: ZERO, after: featureSha, created: true, repository: { default_branch: 'main' } };
    const before = discoveryRequests(github);
    const diffed = await run(github, { workspace: repo.root, eventName: 'push', payload });
    assert.deepEqual(diffed.checked, ['feature/Dockerfile']);
    assert.equal(diffed.outputs.verdict, 'pass', diffed.stdout);
    assert.match(diffed.stdout, /new branch changes from main/);

    repo.git('update-ref', '-d', 'refs/remotes/origin/main');
    const full = await run(github, { workspace: repo.root, eventName: 'push', payload });
    assert.deepEqual(full.checked, ['compose.yaml', 'feature/Dockerfile', 'main/Dockerfile']);
    assert.equal(full.outputs.verdict, 'fail');
    assert.match(full.stdout, /all files in the workspace \(push of a new branch/);
    assert.equal(discoveryRequests(github), before, 'no API call for a new branch');
  });

  it('merge_group: the group is compared with its base', async () => {
    const repo = createGitRepo();
    repo.write({ 'svc/Dockerfile': CLEAN, 'old/Dockerfile': VIOLATING });
    const baseSha = repo.commit('base');
    repo.write({ 'svc/Dockerfile': CLEAN.replace('USER node', 'USER node\nEXPOSE 8080') });
    const headSha = repo.commit('queue');
    github.compare('octo-org', 'shop', baseSha, headSha, [{ filename: 'svc/Dockerfile', status: 'modified' }]);
    const payload = { action: 'checks_requested', merge_group: { head_sha: headSha, head_ref: 'refs/heads/gh-readonly-queue/main/pr-5', base_sha: baseSha, base_ref: 'refs/heads/main' }, repository: { default_branch: 'main' } };
    const result = await run(github, { workspace: repo.root, eventName: 'merge_group', payload });
    assert.deepEqual(result.checked, ['svc/Dockerfile']);
    assert.equal(result.outputs.verdict, 'pass', result.stdout);
    assert.equal(result.code, 0);
  });

  it('push and merge_group: a comparison that lists no files fails closed without history, and is replaced by git diff with it', async () => {
    const noFiles = (base: string, head: string) =>
      github.route((req, res, url) => {
        if (req.method !== 'GET' || decodeURIComponent(url.pathname) !== `/repos/octo-org/shop/compare/${base}...${head}`) return false;
        sendJson(res, 200, { status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1, commits: [{ sha: head }] });
        return true;
      });
    const [base, head] = ['1'.repeat(40), '2'.repeat(40)];
    noFiles(base, head);
    const workspace = createWorkspace({ 'svc/Dockerfile': VIOLATING });
    const payloads = { push: { ref: 'refs/heads/main', before: base, after: head }, merge_group: { merge_group: { base_sha: base, head_sha: head } } };
    for (const [eventName, payload] of Object.entries(payloads)) {
      const result = await run(github, { workspace, eventName, payload });
      assert.equal(result.code, 1, `${eventName}: ${result.stdout}`);
      assert.match(result.stdout, /::error::GitHub's comparison of 111111111111\.\.\.222222222222 lists no files .*refusing to pass.*fetch-depth: 0/, eventName);
      assert.notEqual(result.outputs.verdict, 'pass', eventName);
    }

    const repo = createGitRepo();
    repo.write({ 'svc/Dockerfile': CLEAN, 'old/Dockerfile': VIOLATING });
    const before = repo.commit('base');
    repo.write({ 'svc/Dockerfile': VIOLATING });
    const after = repo.commit('head');
    noFiles(before, after);
    const local = await run(github, { workspace: repo.root, eventName: 'push', payload: { ref: 'refs/heads/main', before, after } });
    assert.deepEqual(local.checked, ['svc/Dockerfile']);
    assert.match(local.stdout, /from the local git history: GitHub's comparison listed no files/);
    assert.equal(local.outputs.verdict, 'fail');
  });

  it('pull_request_target with the default checkout (the base branch) fails, naming both commits and the fix; the head checkout is checked', async () => {
    const repo = createGitRepo();
    repo.write({ 'svc/Dockerfile': CLEAN });
    const base = repo.commit('base');
    repo.write({ 'svc/Dockerfile': VIOLATING });
    const head = repo.commit('head');
    github.pullRequestFiles('octo-org', 'shop', 29, [{ filename: 'svc/Dockerfile', status: 'modified' }]);
    const payload = prPayload(29, 1, base, head);
    // GITHUB_SHA of pull_request_target is the base branch's head, which actions/checkout checks out by default.
    repo.git('checkout', '--quiet', base);
    const atBase = await run(github, { workspace: repo.root, eventName: 'pull_request_target', payload, sha: base });
    assert.equal(atBase.code, 1, atBase.stdout);
    assert.match(atBase.stdout, new RegExp(`::error::The workspace holds commit ${base.slice(0, 12)}, the base commit the pull request would change, not pull request #29's code \\(${head.slice(0, 12)}\\).*ref: \\$\\{\\{ github\\.event\\.pull_request\\.head\\.sha \\}\\}`));
    assert.deepEqual(atBase.checked, []);
    assert.notEqual(atBase.outputs.verdict, 'pass');

    repo.git('checkout', '--quiet', head);
    const atHead = await run(github, { workspace: repo.root, eventName: 'pull_request_target', payload, sha: base });
    assert.deepEqual(atHead.checked, ['svc/Dockerfile']);
    assert.equal(atHead.outputs.verdict, 'fail', 'the pull request\'s own Dockerfile is judged');
    assert.match(atHead.stdout, /file=svc\/Dockerfile,line=1,.*CPD001/);
  });

  it('pull_request: the merge commit a default checkout holds passes the workspace check; a workspace without git is refused', async () => {
    const repo = createGitRepo();
    repo.write({ 'svc/Dockerfile': CLEAN });
    const base = repo.commit('base');
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.write({ 'svc/Dockerfile': CLEAN.replace('USER node', 'USER node\nEXPOSE 8080') });
    const head = repo.commit('head');
    repo.git('checkout', '--quiet', '--detach', base);
    repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge head into base', head);
    const merge = repo.head();
    github.pullRequestFiles('octo-org', 'shop', 30, [{ filename: 'svc/Dockerfile', status: 'modified' }]);
    const merged = await run(github, { workspace: repo.root, eventName: 'pull_request', payload: prPayload(30, 1, base, head), sha: merge });
    assert.deepEqual(merged.checked, ['svc/Dockerfile']);
    assert.equal(merged.outputs.verdict, 'pass', merged.stdout);

    const plain = createWorkspace({ 'svc/Dockerfile': CLEAN });
    const noGit = await run(github, { workspace: plain, eventName: 'pull_request', payload: prPayload(30, 1, base, head), sha: merge });
    assert.equal(noGit.code, 1, noGit.stdout);
    assert.match(noGit.stdout, /::error::Cannot tell which commit the workspace holds \(git rev-parse HEAD failed: fatal: not a git repository.*needs a git checkout/);
    assert.deepEqual(noGit.checked, []);
  });

  it('workflow_dispatch: every matching file, dot-directories included, within include/exclude', async () => {
    const workspace = createWorkspace({ 'a/Dockerfile': CLEAN, '.devcontainer/Dockerfile': CLEAN, 'vendor/x/Dockerfile': VIOLATING, 'notes.txt': 'x' });
    const before = discoveryRequests(github);
    const result = await run(github, { workspace, eventName: 'workflow_dispatch', payload: { inputs: {} }, inputs: { exclude: 'vendor' } });
    assert.deepEqual(result.checked, ['.devcontainer/Dockerfile', 'a/Dockerfile']);
    assert.equal(result.outputs.verdict, 'pass', result.stdout);
    assert.equal(discoveryRequests(github), before);
  });

  it('a changed compose override brings its whole project', async () => {
    const workspace = createWorkspace({ 'app/compose.yaml': CLEAN_COMPOSE, 'app/compose.override.yaml': PRIVILEGED_OVERRIDE, 'other/compose.yaml': CLEAN_COMPOSE });
    github.pullRequestFiles('octo-org', 'shop', 24, [{ filename: 'app/compose.override.yaml', status: 'modified' }]);
    const result = await run(github, { workspace, eventName: 'pull_request', payload: prPayload(24, 1, 'b'.repeat(40), 'e'.repeat(40)), sha: checkOut(workspace) });
    assert.deepEqual(result.checked, ['app/compose.override.yaml', 'app/compose.yaml']);
    assert.equal(result.outputs.verdict, 'fail');
  });

  it('API 500s and 429s that recover are retried; the run then checks the files', async () => {
    const workspace = createWorkspace({ 'svc/Dockerfile': CLEAN });
    github.pullRequestFiles('octo-org', 'shop', 25, [{ filename: 'svc/Dockerfile', status: 'modified' }]);
    github.fail('/repos/octo-org/shop/pulls/25/files', [
      { status: 500, message: 'Server Error' },
      { status: 429, message: 'Too Many Requests', headers: { 'retry-after': '1' } },
      { status: 403, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', headers: { 'retry-after': '1' } },
    ]);
    const result = await run(github, { workspace, eventName: 'pull_request', payload: prPayload(25, 1, 'b'.repeat(40), 'e'.repeat(40)), sha: checkOut(workspace) });
    assert.equal(countRequests(github, '/repos/octo-org/shop/pulls/25/files'), 4, 'three failures, then the answer');
    assert.deepEqual(result.checked, ['svc/Dockerfile']);
    assert.equal(result.outputs.verdict, 'pass', result.stdout);
  });

  it('API failures that never recover fail the run with the API message', async () => {
    const workspace = createWorkspace({ 'svc/Dockerfile': CLEAN });
    github.fail('/repos/octo-org/shop/pulls/26/files', [{ status: 502, message: 'Bad Gateway from the fake', times: Infinity }]);
    const result = await run(github, { workspace, eventName: 'pull_request', payload: prPayload(26, 1, 'b'.repeat(40), 'e'.repeat(40)), sha: checkOut(workspace) });
    assert.equal(result.code, 1);
    assert.equal(countRequests(github, '/repos/octo-org/shop/pulls/26/files'), 4, 'the first try and three retries');
    assert.match(result.stdout, /::error::GitHub API: could not list the files of pull request #26 \(HTTP 502\): Bad Gateway from the fake/);
    assert.deepEqual(result.checked, []);
  });

  it('a Dockerfile that is a symbolic link to /etc/passwd is refused with an error, never read', async () => {
    const repo = createGitRepo();
    repo.write({ 'ok/Dockerfile': CLEAN }).symlink('Dockerfile', '/etc/passwd');
    github.pullRequestFiles('octo-org', 'shop', 27, [
      { filename: 'Dockerfile', status: 'added' },
      { filename: 'ok/Dockerfile', status: 'added' },
    ]);
    const result = await run(github, { workspace: repo.root, eventName: 'pull_request', payload: prPayload(27, 2, 'b'.repeat(40), repo.commit('the pull request')) });
    assert.deepEqual(result.checked, ['Dockerfile', 'ok/Dockerfile']);
    assert.match(result.stdout, /::error file=Dockerfile.*outside the workspace/);
    assert.doesNotMatch(result.stdout + result.summary, /root:x:0:0/);
    assert.equal(result.outputs.errors, '1');
    assert.equal(result.outputs.verdict, 'fail');
  });

  it('a pull request that edits the configuration to disable a rule: the base configuration governs, with a notice, for its reviews too', async () => {
    const repo: GitRepo = createGitRepo();
    repo.write({ '.github/container-policy.yml': 'rules:\n  CPD001:\n    enabled: true\n', 'svc/Dockerfile': CLEAN });
    const base = repo.commit('base');
    repo.write({ '.github/container-policy.yml': 'rules:\n  CPD001:\n    enabled: false\n    reason: "not today"\n', 'svc/Dockerfile': VIOLATING });
    const head = repo.commit('weaken the gate');
    github.pullRequestFiles('octo-org', 'shop', 28, [
      { filename: '.github/container-policy.yml', status: 'modified' },
      { filename: 'svc/Dockerfile', status: 'modified' },
    ]);
    // A review or review comment carries the same pull request (and runs on the same merge commit): same gate.
    const extras: Record<string, object> = { pull_request: {}, pull_request_review: { action: 'submitted', review: { state: 'approved' } }, pull_request_review_comment: { action: 'created', comment: { body: 'lgtm' } } };
    for (const [eventName, extra] of Object.entries(extras)) {
      const result = await run(github, { workspace: repo.root, eventName, payload: { ...prPayload(28, 2, base, head), ...extra } });
      assert.deepEqual(result.checked, ['svc/Dockerfile'], eventName);
      assert.match(result.stdout, /file=svc\/Dockerfile,line=1,.*CPD001/, `${eventName}: the rule the PR tried to disable still fires`);
      assert.equal(result.outputs.verdict, 'fail', eventName);
      assert.ok(result.notices.some((n) => /\.github\/container-policy\.yml.*takes effect after merge/.test(n)), `${eventName}: ${result.notices.join('\n')}`);
      assert.match(result.summary, /takes effect after merge/);
    }

    // Once merged (a push of the same commit), the same configuration does take effect.
    github.compare('octo-org', 'shop', base, head, [{ filename: 'svc/Dockerfile', status: 'modified' }]);
    const merged = await run(github, { workspace: repo.root, eventName: 'push', payload: { ref: 'refs/heads/main', before: base, after: head } });
    assert.deepEqual(merged.checked, ['svc/Dockerfile']);
    assert.doesNotMatch(merged.stdout, /file=svc\/Dockerfile,line=1,.*CPD001/, merged.stdout);
  });
});
