import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { OPA_PATH, REPO_ROOT, pullRequestPayload, runBundledAction } from '../support/run-action.js';
import { checkOut } from '../support/git-repo.js';

const BASE = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const OPA_DIR = join(REPO_ROOT, 'tools', 'opa', 'bin');
const POLICIES = join(REPO_ROOT, '__tests__', 'fixtures', 'authz', 'daemon-policies');
const skip = !existsSync(join(REPO_ROOT, 'dist', 'index.js')) ? 'dist/index.js is not built: run npm run bundle' : !existsSync(join(OPA_DIR, 'opa')) ? 'tools/opa/bin/opa is not built: run scripts/opa version' : false;

const RISKY = [
  'services:', //                                   1
  '  api:', //                                      2
  '    image: registry.acme.example/api:2', //      3
  '    privileged: true', //                        4
  '    mem_limit: 256m', //                         5
  '    volumes:', //                                6
  '      - /etc:/host-etc', //                      7
  '  cache:', //                                    8
  '    image: registry.acme.example/redis:7', //    9
  '    network_mode: host', //                      10
  '',
].join('\n');
// Clean for the built-in compose rules that deny too, so the verdict turns on the daemon policy alone.
const CLEAN = [
  'services:',
  '  web:',
  '    image: registry.acme.example/web:3',
  '    mem_limit: 128m',
  '    cpus: 0.5',
  '    pids_limit: 100',
  '    restart: on-failure:3',
  '    security_opt: ["no-new-privileges:true"]',
  '    logging: { driver: json-file, options: { max-size: 10m, max-file: "3" } }',
  '    healthcheck: { test: ["CMD", "true"] }',
  '',
].join('\n');

function workspaceWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cpa-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Every file of a fixture policy directory, keyed by where the base commit holds it (`policy/daemon/...`). */
function policyFiles(fixture: string): Record<string, string> {
  const root = join(POLICIES, fixture);
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return Object.fromEntries(walk(root).map((file) => [`policy/daemon/${relative(root, file)}`, readFileSync(file, 'utf8')]));
}

const annotationsOf = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning) /.test(l));

describe('bundled action: a Docker daemon policy from the base commit judges the pull request', { skip }, () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());
  const files: FakePullFile[] = [{ filename: 'deploy/compose.yaml', status: 'modified' }];
  // One base tree for every case: the message-style policy, and the user-aware one with its data files.
  const base: Record<string, string> = {};

  before(() => {
    for (const [path, text] of Object.entries(policyFiles('messages'))) base[path.replace('policy/daemon/', 'policy/daemon-messages/')] = text;
    for (const [path, text] of Object.entries(policyFiles('by-user'))) base[path.replace('policy/daemon/', 'policy/daemon-users/')] = text;
    base['.github/container-policy.yml'] = 'fail-on: deny\n';
    base['ci/daemon-warn.yml'] = 'fail-on: deny\nrules:\n  daemon/docker.authz/deny: { severity: warn, reason: registry move in progress }\n';
    for (const [path, text] of Object.entries(base)) github.contents('octo-org', 'shop', path, BASE, text);
  });

  const run = (number: number, author: string, compose: string, policy: string, workspaceExtra: Record<string, string> = {}, inputs: Record<string, string> = {}) => {
    github.pullRequestFiles('octo-org', 'shop', number, files);
    const workspace = workspaceWith({ 'deploy/compose.yaml': compose, ...workspaceExtra });
    return runBundledAction({
      workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(number, files.length, author),
      inputs: { 'daemon-policy': policy, 'json-report': 'report.json', ...inputs },
      // The messages fixture freezes changes before 06:00 UTC: pin the clock so results do not depend on the hour.
      extraEnv: { PATH: OPA_PATH, CONTAINER_POLICY_FIXED_TIME: '2026-11-22T12:00:00Z' },
    }).then((r) => ({ ...r, workspace }));
  };

  it('refuses the compose change on the lines that feed each refusal, with the PR author as Authz-User', async () => {
    // The pull request also rewrites the daemon policy to allow everything: the base commit's policy still judges it.
    const out = await run(51, 'octocat', RISKY, 'policy/daemon-messages', { 'policy/daemon-messages/authz.rego': 'package docker.authz\n\nallow := true\n' });
    assert.equal(out.code, 1, out.stdout + out.stderr);
    // Workflow-command annotations stop at GitHub's per-step limit; the JSON report has every finding.
    const report = JSON.parse(readFileSync(join(out.workspace, 'report.json'), 'utf8')) as { findings: { ruleId: string; path: string; startLine: number; severity: string; message: string }[] };
    const daemon = report.findings.filter((f) => f.ruleId === 'daemon/docker.authz/deny').map((f) => `${f.path}:${f.startLine} ${f.severity} ${f.message}`).sort();
    assert.deepEqual(daemon, [
      'deploy/compose.yaml:10 deny Service "cache": host networking is not allowed',
      'deploy/compose.yaml:4 deny Service "api": privileged containers are not allowed (user octocat)',
      'deploy/compose.yaml:7 deny Service "api": read-write bind mount of /etc is not allowed',
      'deploy/compose.yaml:8 deny Service "cache": containers must have a memory limit',
    ]);
    assert.ok(annotationsOf(out.stdout).some((a) => a.startsWith('::error ') && a.includes('line=4,') && a.includes('(user octocat)')), out.stdout);
    assert.ok(github.requests.some((r) => decodeURIComponent(r.url) === `/repos/octo-org/shop/contents/policy/daemon-messages/authz.rego?ref=${BASE}`));
  });

  it('a policy that refuses a specific user refuses that author\'s clean change, and passes another author\'s', async () => {
    const bob = await run(52, 'contractor-bob', CLEAN, 'policy/daemon-users');
    assert.equal(bob.code, 1, bob.stdout + bob.stderr);
    assert.ok(annotationsOf(bob.stdout).some((a) => a.includes('line=2,') && a.includes('user contractor-bob may not create containers')), bob.stdout);
    const octocat = await run(53, 'octocat', CLEAN, 'policy/daemon-users');
    assert.equal(octocat.code, 0, octocat.stdout + octocat.stderr);
    assert.deepEqual(annotationsOf(octocat.stdout).filter((a) => a.includes('daemon/')), []);
    // The daemon-user input wins over the author.
    const named = await run(54, 'octocat', CLEAN, 'policy/daemon-users', {}, { 'daemon-user': 'contractor-bob' });
    assert.equal(named.code, 1, named.stdout);
  });

  it('the base configuration may name a daemon rule id: its severity override turns the refusal into a warning', async () => {
    const out = await run(55, 'octocat', CLEAN.replace('registry.acme.example/web:3', 'docker.io/web:3'), 'policy/daemon-users', {}, { config: 'ci/daemon-warn.yml' });
    assert.equal(out.code, 0, out.stdout + out.stderr);
    assert.ok(annotationsOf(out.stdout).some((a) => a.startsWith('::warning ') && a.includes('image docker.io/web:3 is not from a trusted registry')), out.stdout);
  });
});
