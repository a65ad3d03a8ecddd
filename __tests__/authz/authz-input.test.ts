import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reworded } from '../../src/authz/attribute.js';
import { bindMounts, toAuthzInput, toBuildInput } from '../../src/authz/authz-input.js';
import { toDenials } from '../../src/authz/daemon-policy-engine.js';
import { checkProvidable, daemonCapabilities, hostBuiltins } from '../../src/authz/host-builtins.js';

const request = { method: 'POST' as const, path: '/v1.47/containers/create?name=shop-web', headers: { 'Content-Type': 'application/json' } };

describe('the opa-docker-authz input', () => {
  it('has every field the plugin sets, user in User and Authz-User', () => {
    const body = { Image: 'nginx', HostConfig: { Binds: ['/etc:/host-etc:ro', 'shop_data:/data', '/srv/app:/app'], Mounts: [{ Type: 'bind', Source: '/var/log', Target: '/logs', ReadOnly: false }, { Type: 'volume', Source: 'v', Target: '/v' }] } };
    const input = toAuthzInput(request, body, { user: 'octocat' });
    assert.equal(input.Method, 'POST');
    assert.equal(input.Path, '/v1.47/containers/create?name=shop-web');
    assert.equal(input.PathPlain, '/v1.47/containers/create');
    assert.deepEqual(input.PathArr, ['', 'v1.47', 'containers', 'create']);
    assert.deepEqual(input.Query, { name: ['shop-web'] });
    assert.equal(input.Headers['Authz-User'], 'octocat');
    assert.equal(input.Headers['Content-Type'], 'application/json');
    assert.equal(input.User, 'octocat');
    assert.equal(input.AuthMethod, 'TLS');
    assert.equal(input.Body, body);
    assert.deepEqual(input.BindMounts, [
      { Source: '/etc', ReadOnly: true, Resolved: '/etc' },
      { Source: '/srv/app', ReadOnly: false, Resolved: '/srv/app' },
      { Source: '/var/log', ReadOnly: false, Resolved: '/var/log' },
    ]);
  });

  it('without a user: no Authz-User header, empty User and AuthMethod; a body that is not JSON is null', () => {
    const input = toAuthzInput({ ...request, headers: { 'Content-Type': 'text/plain' } }, {}, { user: '' });
    assert.equal('Authz-User' in input.Headers, false);
    assert.equal(input.User, '');
    assert.equal(input.AuthMethod, '');
    assert.equal(input.Body, null);
    assert.deepEqual(bindMounts({}), []);
  });

  it('gives docker.build the raw Dockerfile lines with a trailing empty string', () => {
    const input = toBuildInput(['FROM alpine \\', '  AS base', '# comment'], 'app/Dockerfile.prod', '1.47', { user: 'octocat' });
    assert.deepEqual(input.Dockerfile, ['FROM alpine \\', '  AS base', '# comment', '']);
    assert.equal(input.Path, '/v1.47/build?dockerfile=Dockerfile.prod');
    assert.equal(input.Method, 'POST');
  });
});

describe('deny as daemon policies write it', () => {
  it('accepts a boolean or a set of messages, and refuses anything else', () => {
    assert.deepEqual(toDenials(undefined, 'p'), []);
    assert.deepEqual(toDenials(false, 'p'), []);
    assert.deepEqual(toDenials(true, 'p'), [{ msg: 'deny is true' }]);
    assert.deepEqual(toDenials(['a', { msg: 'b' }], 'p'), [{ msg: 'a' }, { msg: 'b' }]);
    assert.throws(() => toDenials('no', 'p'), /expected a boolean or a set of messages/);
    assert.throws(() => toDenials([{ reason: 'x' }], 'p'), /deny without a message/);
  });

  it('tells a reworded message from a different one', () => {
    assert.ok(reworded('privileged container of image a/b:1 is not approved', 'privileged container of image shop-api is not approved'));
    assert.ok(!reworded('capability SYS_ADMIN may not be added', 'capability MKNOD must be dropped'));
  });
});

describe('host builtins', () => {
  const noon = Date.UTC(2026, 0, 15, 12, 34, 56) * 1e6;
  const builtins = hostBuiltins(() => noon);
  const call = (name: string, ...args: unknown[]) => (builtins[name] as (...a: unknown[]) => unknown)(...args);

  it('reads the clock it is given and computes dates in UTC', () => {
    assert.equal(call('time.now_ns'), noon);
    assert.deepEqual(call('time.date', noon), [2026, 1, 15]);
    assert.deepEqual(call('time.clock', [noon, 'UTC']), [12, 34, 56]);
    assert.equal(call('time.weekday', noon), 'Thursday');
    assert.equal(call('time.format', noon), '2026-01-15T12:34:56Z');
    assert.deepEqual(call('time.date', call('time.add_date', noon, 0, 1, 20)), [2026, 3, 7]);
    assert.equal(call('time.parse_rfc3339_ns', '2026-01-15T12:34:56.5Z'), noon + 5e8);
    assert.equal(call('time.parse_duration_ns', '1h30m'), 5400e9);
  });

  it('refuses what it cannot answer faithfully', () => {
    assert.throws(() => call('time.clock', [noon, 'Europe/Paris']), /only the UTC time zone/);
    assert.throws(() => call('time.parse_rfc3339_ns', 'yesterday'), /not an RFC 3339 time/);
    assert.throws(() => call('time.parse_duration_ns', 'soon'), /not a duration/);
  });

  it('declares each host builtin in the capabilities daemon policies compile against', () => {
    const caps = daemonCapabilities({ builtins: [{ name: 'count' }] });
    const names = (caps.builtins as { name: string }[]).map((b) => b.name);
    for (const name of Object.keys(builtins)) assert.ok(names.includes(name), name);
    assert.ok(names.includes('count'));
  });

  it('names the file and line of a builtin nothing can provide, ignoring comments', () => {
    assert.doesNotThrow(() => checkProvidable([{ path: 'p/a.rego', text: '# http.send({}) is not used\nallow := true' }]));
    assert.throws(() => checkProvidable([{ path: 'p/a.rego', text: 'package docker.authz\n\nx := net.lookup_ip_addr("a")' }]), /p\/a\.rego:3: net\.lookup_ip_addr/);
  });
});

describe('daemon policy setup', () => {
  it('takes the user from the input, else the configuration, else the pull request author', async () => {
    const { daemonUser } = await import('../../src/authz/daemon-setup.js');
    const { EMPTY_CONFIG } = await import('../../src/config/config-file.js');
    const configured = { ...EMPTY_CONFIG, daemonUser: 'deploy-bot' };
    assert.equal(daemonUser({ paths: [], workspace: '/w', user: 'ops', defaultUser: 'octocat' }, configured), 'ops');
    assert.equal(daemonUser({ paths: [], workspace: '/w', defaultUser: 'octocat' }, configured), 'deploy-bot');
    assert.equal(daemonUser({ paths: [], workspace: '/w', defaultUser: 'octocat' }, EMPTY_CONFIG), 'octocat');
    assert.equal(daemonUser({ paths: [], workspace: '/w' }, EMPTY_CONFIG), '');
  });
});

describe('daemon policy inputs', () => {
  it('reads daemon-policy, daemon-user and the pull request author from the action inputs and event', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readActionSettings } = await import('../../src/config/action-inputs.js');
    const dir = mkdtempSync(join(tmpdir(), 'cpa-authz-'));
    writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 7, user: { login: 'octocat' } } }));
    const inputs: Record<string, string> = { 'daemon-policy': 'builtin\ndeploy/authz', 'daemon-user': '' };
    const settings = readActionSettings((name) => inputs[name] ?? '', { GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_WORKSPACE: dir });
    assert.deepEqual(settings.daemonPolicyPaths, ['builtin', 'deploy/authz']);
    assert.equal(settings.daemonUser, undefined);
    assert.equal(settings.pullRequest?.author, 'octocat');
    inputs['daemon-user'] = 'deploy-bot';
    assert.equal(readActionSettings((name) => inputs[name] ?? '', { GITHUB_WORKSPACE: dir }).daemonUser, 'deploy-bot');
  });
});
