import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ACTION_NODE, REPO_ROOT, OPA_PATH } from '../support/run-action.js';

const CLI = join(REPO_ROOT, 'dist', 'cli', 'index.js');
/** The messages fixture freezes changes before 06:00 UTC: runs are pinned to noon so results do not depend on the hour. */
const NOON = '2026-11-22T12:00:00Z';
const CWD = join(REPO_ROOT, '__tests__', 'fixtures', 'authz');
const skip = !existsSync(CLI) ? 'dist/cli/index.js is not built: run npm run build' : !existsSync(join(REPO_ROOT, 'tools', 'opa', 'bin', 'opa')) ? 'tools/opa/bin/opa is not built: run scripts/opa version' : false;

interface JsonFinding {
  ruleId: string;
  path: string;
  startLine: number;
  message: string;
}

/** Runs the bundled CLI as a user would, from the fixtures directory. */
function scan(args: string[], at = NOON) {
  const run = spawnSync(ACTION_NODE, [CLI, 'scan', ...args, '--format', 'json'], { cwd: CWD, encoding: 'utf8', env: { PATH: OPA_PATH, NO_COLOR: '1', CONTAINER_POLICY_FIXED_TIME: at } });
  assert.equal(run.stderr, '', run.stderr);
  const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; errors: unknown[] };
  const daemon = report.findings.filter((f) => f.ruleId.startsWith('daemon/') || f.ruleId.startsWith('CPA'));
  return { code: run.status, report, daemon: daemon.map((f) => `${f.path}:${f.startLine} ${f.ruleId} ${f.message}`).sort() };
}

describe('container-policy scan --daemon-policy (bundled CLI)', { skip }, () => {
  it('runs an unchanged opa-docker-authz policy directory against a compose project and its Dockerfile', () => {
    const { code, report, daemon } = scan(['projects/risky', '--daemon-policy', 'daemon-policies/messages', '--daemon-user', 'alice']);
    assert.equal(code, 1);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(daemon, [
      'projects/risky/Dockerfile:5 daemon/docker.build/deny base image node:20-alpine is not from registry.acme.example',
      'projects/risky/compose.yaml:10 daemon/docker.authz/deny Service "api": read-write bind mount of /etc is not allowed',
      'projects/risky/compose.yaml:12 daemon/docker.authz/deny Service "cache": containers must have a memory limit',
      'projects/risky/compose.yaml:14 daemon/docker.authz/deny Service "cache": host networking is not allowed',
      'projects/risky/compose.yaml:4 daemon/docker.authz/deny Service "api": privileged containers are not allowed (user alice)',
      'projects/risky/compose.yaml:7 daemon/docker.authz/deny Service "api": capability CAP_SYS_ADMIN is not allowed',
    ]);
  });

  it('gives the policy the time pinned by CONTAINER_POLICY_FIXED_TIME: at 05:00 UTC the change freeze refuses', () => {
    const { daemon } = scan(['projects/risky', '--daemon-policy', 'daemon-policies/messages', '--daemon-user', 'alice'], '2026-11-22T05:00:00Z');
    assert.deepEqual(daemon.filter((d) => d.includes('frozen')).length, 3, daemon.join('\n'));
  });

  it('runs the built-in docker.authz set, reported under its CPA rules', () => {
    const { daemon } = scan(['projects/risky/compose.yaml', '--daemon-policy', 'builtin']);
    assert.ok(daemon.includes('projects/risky/compose.yaml:4 CPA002 Service "api": privileged container of image registry.acme.example/api:2 is not approved'), daemon.join('\n'));
    assert.ok(daemon.includes('projects/risky/compose.yaml:14 CPA009 Service "cache": network mode host is not allowed'));
  });

  it('without --daemon-policy, no daemon findings and no CPA rules', () => {
    const { daemon } = scan(['projects/risky/compose.yaml']);
    assert.deepEqual(daemon, []);
    // Reports list the rules that were checked: the built-in daemon rules only when selected.
    const sarif = (extra: string[]) => spawnSync(ACTION_NODE, [CLI, 'scan', 'projects/risky/compose.yaml', '--format', 'sarif', ...extra], { cwd: CWD, encoding: 'utf8' }).stdout;
    assert.doesNotMatch(sarif([]), /"CPA0\d\d"/);
    assert.match(sarif(['--daemon-policy', 'builtin']), /"CPA017"/);
  });

  it('refuses a daemon policy that calls http.send, naming the file and line', () => {
    const run = spawnSync(ACTION_NODE, [CLI, 'scan', 'projects/risky', '--daemon-policy', 'daemon-policies/uses-http'], { cwd: CWD, encoding: 'utf8', env: { PATH: OPA_PATH } });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /daemon-policies\/uses-http\/authz\.rego:8: http\.send/);
  });
});
