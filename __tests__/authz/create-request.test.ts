import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lookup, withoutSources } from '../../src/authz/body-builder.js';
import { synthesizeCreateRequests } from '../../src/authz/create-request.js';
import { readSeccompProfiles, seccompProfileRefs } from '../../src/authz/seccomp-profile.js';
import { splitShellWords } from '../../src/parse/compose/command-words.js';
import { parseFile } from '../../src/parse/registry.js';
import type { ComposeDocument } from '../../src/parse/input-document.js';
import { PROJECTS, WORKSPACE, loadProject } from './helpers.js';

const expected = (service: string) => JSON.parse(readFileSync(join(PROJECTS, 'shop', 'expected', `${service}.json`), 'utf8')) as { path: string; body: unknown };

describe('create request synthesis', async () => {
  const parsed = await loadProject('shop/compose.yaml');
  // The seccomp profile file is read beforehand, as the pipeline's guarded reader does, and inlined.
  const read = await readSeccompProfiles(seccompProfileRefs(parsed.document), async (path) => new Uint8Array(readFileSync(join(PROJECTS, path))));
  assert.deepEqual(read.problems, []);
  const requests = synthesizeCreateRequests(parsed.document, { workspace: WORKSPACE, profiles: read.profiles });
  const byService = new Map(requests.map((r) => [r.service, r]));

  for (const service of ['web', 'worker', 'db']) {
    it(`builds the body docker compose sends for ${service}, field by field`, () => {
      const request = byService.get(service);
      assert.ok(request, `no request for ${service}`);
      const want = expected(service);
      assert.equal(request.method, 'POST');
      assert.equal(request.path, want.path);
      assert.deepEqual(request.headers, { 'Content-Type': 'application/json' });
      assert.deepEqual(request.body, want.body);
    });
  }

  it('keeps, for each body field, the compose line that set it', () => {
    const web = byService.get('web');
    assert.ok(web);
    const lineOf = (field: readonly (string | number)[]) => {
      const unit = web.sources.find((u) => u.fields.some((f) => JSON.stringify(f) === JSON.stringify(field)));
      assert.ok(unit, `no source for ${JSON.stringify(field)}`);
      return parsed.locate(unit.compose)?.startLine;
    };
    const text = readFileSync(join(PROJECTS, 'shop', 'compose.yaml'), 'utf8').split('\n');
    const line = (needle: string) => text.findIndex((l) => l.includes(needle)) + 1;
    assert.equal(lineOf(['HostConfig', 'Privileged']), line('privileged: false'));
    assert.equal(lineOf(['HostConfig', 'Binds', 1]), line('/var/log/shop:/var/log/shop'));
    assert.equal(lineOf(['HostConfig', 'PortBindings', '7001/udp']), line('127.0.0.1:9000-9001'));
    assert.equal(lineOf(['HostConfig', 'CapAdd', 0]), line('- NET_BIND_SERVICE'));
    assert.equal(lineOf(['HostConfig', 'Memory']), line('mem_limit'));
    assert.equal(lineOf(['HostConfig', 'NetworkMode']), line('- front'));
    const worker = byService.get('worker');
    const memory = worker?.sources.find((u) => u.fields.some((f) => f.join('.') === 'HostConfig.Memory'));
    assert.deepEqual(memory?.compose, ['services', 'worker', 'deploy', 'resources', 'limits', 'memory']);
  });

  it('takes a compose value out: entries removed, fields back to what compose sends without it', () => {
    const web = byService.get('web');
    assert.ok(web);
    const privileged = web.sources.find((u) => u.compose.join('.') === 'services.web.read_only');
    const bind = web.sources.find((u) => u.compose.join('.') === 'services.web.volumes.1');
    assert.ok(privileged && bind);
    const body = withoutSources(web.body, [privileged, bind], web.absentValue);
    assert.equal(lookup(body, ['HostConfig', 'ReadonlyRootfs']), false);
    assert.deepEqual(lookup(body, ['HostConfig', 'Binds']), ['/srv/repo/shop/static:/app/static:ro', 'shop_data:/app/data']);
    // The original is untouched.
    assert.equal(lookup(web.body, ['HostConfig', 'ReadonlyRootfs']), true);
  });

  it('takes env_file values into Env, located at their line in the env file, with environment winning', () => {
    const db = byService.get('db');
    assert.ok(db);
    const unit = db.sources.find((u) => u.fields.some((f) => f.join('.') === 'Env.0'));
    assert.deepEqual(parsed.locate(unit?.compose ?? []), { path: 'shop/db.env', startLine: 3, endLine: 3 });
    assert.ok((db.body.Env as string[]).includes('POSTGRES_USER=admin'));
  });

  it('sends every network in EndpointsConfig from API 1.44, only the primary before (the rest are connected after)', () => {
    const db = (apiVersion: string) => synthesizeCreateRequests(parsed.document, { workspace: WORKSPACE, profiles: read.profiles, apiVersion }).find((r) => r.service === 'db');
    assert.deepEqual(Object.keys(lookup(db('1.44')?.body, ['NetworkingConfig', 'EndpointsConfig']) as object), ['shop_back', 'shop_front']);
    assert.deepEqual(Object.keys(lookup(db('1.43')?.body, ['NetworkingConfig', 'EndpointsConfig']) as object), ['shop_back']);
    assert.equal(lookup(db('1.43')?.body, ['HostConfig', 'NetworkMode']), 'shop_back');
  });
});

describe('seccomp profile files', () => {
  const compose = (text: string) => parseFile('compose', 'app/compose.yaml', new TextEncoder().encode(text)).document as ComposeDocument;
  const refs = (opt: string) => seccompProfileRefs(compose(`services:\n  web:\n    image: nginx\n    security_opt:\n      - ${opt}\n`));

  it('names files relative to the compose file, not built-in profiles', () => {
    assert.deepEqual(refs('seccomp=profiles/strict.json').map((r) => r.file), ['app/profiles/strict.json']);
    assert.deepEqual(refs('seccomp:../seccomp.json').map((r) => r.file), ['seccomp.json']);
    assert.deepEqual(refs('seccomp=unconfined'), []);
    assert.deepEqual(refs('seccomp:builtin'), []);
    assert.deepEqual(refs('apparmor=docker-default'), []);
  });

  it('refuses a profile outside the repository, one that is missing and one that is not JSON, at the option', async () => {
    const files: Record<string, string> = { 'app/bad.json': '{"defaultAction": ' };
    const reader = async (path: string) => {
      if (files[path] === undefined) throw new Error(`${path} does not exist in the workspace`);
      return new TextEncoder().encode(files[path]);
    };
    const all = [...refs('seccomp=/etc/docker/seccomp.json'), ...refs('seccomp=../../outside.json'), ...refs('seccomp=missing.json'), ...refs('seccomp=bad.json')];
    const out = await readSeccompProfiles(all, reader);
    assert.equal(out.profiles.size, 0);
    assert.deepEqual(out.problems.map((p) => p.path), all.map((r) => r.at));
    assert.match(out.problems[0]?.message ?? '', /\/etc\/docker\/seccomp\.json is outside the repository/);
    assert.match(out.problems[1]?.message ?? '', /\.\.\/outside\.json is outside the repository/);
    assert.match(out.problems[2]?.message ?? '', /app\/missing\.json cannot be read: app\/missing\.json does not exist/);
    assert.match(out.problems[3]?.message ?? '', /app\/bad\.json is not valid JSON/);
    // Without the profile read, the request is not built: the policy must not judge a different body.
    assert.throws(() => synthesizeCreateRequests(compose('services:\n  web:\n    image: nginx\n    security_opt: ["seccomp=bad.json"]\n'), { workspace: WORKSPACE }), /seccomp profile app\/bad\.json was not read/);
  });
});

describe('splitShellWords', () => {
  it('splits as a POSIX shell does, without expanding', () => {
    assert.deepEqual(splitShellWords(`sh -c 'echo $HOME' "a \\"b\\"" c\\ d`), ['sh', '-c', 'echo $HOME', 'a "b"', 'c d']);
    assert.deepEqual(splitShellWords('  '), []);
    assert.equal(splitShellWords('echo "open'), undefined);
  });
});

describe('device cgroup rules', () => {
  it('go to HostConfig.DeviceCgroupRules as written, each from its compose line', () => {
    const text = 'services:\n  web:\n    image: nginx\n    device_cgroup_rules:\n      - "c 189:* rwm"\n      - "a *:* rwm"\n';
    const document = parseFile('compose', 'compose.yaml', new TextEncoder().encode(text)).document as ComposeDocument;
    const [request] = synthesizeCreateRequests(document, { workspace: WORKSPACE });
    assert.ok(request);
    assert.deepEqual(lookup(request.body, ['HostConfig', 'DeviceCgroupRules']), ['c 189:* rwm', 'a *:* rwm']);
    const source = request.sources.find((u) => u.fields.some((f) => f.join('.') === 'HostConfig.DeviceCgroupRules.1'));
    assert.deepEqual(source?.compose, ['services', 'web', 'device_cgroup_rules', 1]);
  });
});
