import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import { checkWithDaemonPolicies } from '../../src/authz/daemon-check.js';
import { loadDaemonPolicies } from '../../src/authz/daemon-policy-load-fs.js';
import { workspaceFiles } from '../../src/config/config-file-fs.js';
import { UserError } from '../../src/errors.js';
import { parseFile } from '../../src/parse/registry.js';
import { REPO_ROOT } from '../support/run-action.js';
import { DAEMON_POLICIES, PROJECTS, WORKSPACE, loadProject } from './helpers.js';

const OPA_DIR = join(REPO_ROOT, 'tools', 'opa', 'bin');
const WITH_OPA = { path: [OPA_DIR, process.env.PATH ?? ''].join(delimiter) };
const skip = existsSync(join(OPA_DIR, 'opa')) ? false : 'tools/opa/bin/opa is not built: run scripts/opa version';
const repo = workspaceFiles(REPO_ROOT);
const NOON = Date.UTC(2026, 0, 15, 12, 0, 0) * 1e6;
const NIGHT = Date.UTC(2026, 0, 15, 3, 0, 0) * 1e6;
const NO_BUNDLE = { wasm: new Uint8Array(), data: {} };

const load = (dir: string, clock = NOON) => loadDaemonPolicies({ paths: [`${DAEMON_POLICIES}/${dir}`], data: {}, clock: () => clock }, NO_BUNDLE, repo, WITH_OPA);
const options = (user = 'alice') => ({ workspace: WORKSPACE, identity: { user }, builtinRules: {} });
const risky = readFileSync(join(PROJECTS, 'risky', 'compose.yaml'), 'utf8').split('\n');
const line = (needle: string) => risky.findIndex((l) => l.includes(needle)) + 1;
const summary = (findings: { path: string; startLine: number; message: string; ruleId: string }[]) =>
  findings.map((f) => `${f.path}:${f.startLine} ${f.ruleId} ${f.message}`).sort();

describe('daemon policies written for opa-docker-authz, run unchanged', { skip }, () => {
  it('message-style deny: each message on the line that fed it, the rest on the service', async () => {
    const policies = await load('messages');
    const parsed = await loadProject('risky/compose.yaml');
    const out = checkWithDaemonPolicies(parsed, policies, options());
    assert.deepEqual(out.errors, []);
    const at = (needle: string) => `risky/compose.yaml:${line(needle)}`;
    assert.deepEqual(summary(out.findings), [
      `${at('  cache:')} daemon/docker.authz/deny Service "cache": containers must have a memory limit`,
      `${at('CAP_SYS_ADMIN')} daemon/docker.authz/deny Service "api": capability CAP_SYS_ADMIN is not allowed`,
      `${at('/etc:/host-etc')} daemon/docker.authz/deny Service "api": read-write bind mount of /etc is not allowed`,
      `${at('network_mode: host')} daemon/docker.authz/deny Service "cache": host networking is not allowed`,
      `${at('privileged: true')} daemon/docker.authz/deny Service "api": privileged containers are not allowed (user alice)`,
    ].sort());
  });

  it('boolean deny and allow: the lines that together make deny true', async () => {
    const policies = await load('boolean');
    const parsed = await loadProject('risky/compose.yaml');
    const out = checkWithDaemonPolicies(parsed, policies, options());
    assert.deepEqual(out.errors, []);
    assert.deepEqual(
      summary(out.findings),
      [`risky/compose.yaml:${line('privileged: true')}`, `risky/compose.yaml:${line('/var/log/api:/logs')}`].map((at) => `${at} daemon/docker.authz/deny Service "api": deny is true`).sort(),
    );
  });

  it('reads the user from the Authz-User header: the same request passes for ops and is refused for others', async () => {
    const policies = await load('boolean');
    const parsed = parseFile('compose', 'p/compose.yaml', new TextEncoder().encode('services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n'));
    assert.equal(checkWithDaemonPolicies(parsed, policies, options('ops')).findings.length, 0);
    const refused = checkWithDaemonPolicies(parsed, policies, options('alice')).findings;
    assert.deepEqual(refused.map((f) => f.startLine), [5]);
  });

  it('provides time builtins from the host with the clock given: a change freeze refuses at night, on the service', async () => {
    const parsed = await loadProject('risky/compose.yaml');
    const night = checkWithDaemonPolicies(parsed, await load('messages', NIGHT), options());
    const frozen = night.findings.filter((f) => f.message.includes('frozen'));
    assert.deepEqual(frozen.map((f) => f.startLine).sort(), [line('  api:'), line('  cache:'), line('  quiet:')].sort());
  });

  it('asks docker.build about each Dockerfile as its raw lines, on the offending FROM', async () => {
    const policies = await load('messages');
    const text = readFileSync(join(PROJECTS, 'risky', 'Dockerfile'));
    const parsed = parseFile('dockerfile', 'risky/Dockerfile', new Uint8Array(text));
    const out = checkWithDaemonPolicies(parsed, policies, options());
    assert.deepEqual(summary(out.findings), ['risky/Dockerfile:5 daemon/docker.build/deny base image node:20-alpine is not from registry.acme.example']);
  });

  it('refuses, with the place, a policy calling a builtin nothing can provide at pull-request time', async () => {
    await assert.rejects(load('uses-http'), (thrown) => {
      assert.ok(thrown instanceof UserError);
      assert.match(thrown.message, /uses-http\/authz\.rego:8: http\.send/);
      return true;
    });
  });

  it('loads data.json and data.yaml from the policy directory, as opa build does: the data changes the decision', async () => {
    const policies = await load('by-user');
    const parsed = parseFile('compose', 'p/compose.yaml', new TextEncoder().encode('services:\n  web:\n    image: registry.acme.example/web:1\n  tool:\n    image: docker.io/tool:2\n'));
    // data.json blocks contractor-bob; registries/data.yaml (data.registries.trusted) trusts only registry.acme.example/.
    // On the service: without its image line the service would run `p-tool`, which is no more trusted.
    assert.deepEqual(summary(checkWithDaemonPolicies(parsed, policies, options('alice')).findings), ['p/compose.yaml:4 daemon/docker.authz/deny Service "tool": image docker.io/tool:2 is not from a trusted registry']);
    const bob = summary(checkWithDaemonPolicies(parsed, policies, options('contractor-bob')).findings);
    assert.ok(bob.includes('p/compose.yaml:2 daemon/docker.authz/deny Service "web": user contractor-bob may not create containers'), bob.join('\n'));
    // The configuration's policy data is laid over the directory's: it can widen the trusted list.
    const widened = await loadDaemonPolicies({ paths: [`${DAEMON_POLICIES}/by-user`], data: { registries: { trusted: ['registry.acme.example/', 'docker.io/'] } }, clock: () => NOON }, NO_BUNDLE, repo, WITH_OPA);
    assert.deepEqual(checkWithDaemonPolicies(parsed, widened, options('alice')).findings, []);
  });

  it('refuses a directory without package docker.authz', async () => {
    await assert.rejects(
      loadDaemonPolicies({ paths: ['__tests__/fixtures/custom-policies/conftest'], data: {}, clock: () => NOON }, NO_BUNDLE, repo, WITH_OPA),
      /no `package docker.authz`/,
    );
  });
});
