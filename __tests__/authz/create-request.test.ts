import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lookup, withoutSources } from '../../src/authz/body-builder.js';
import { synthesizeCreateRequests } from '../../src/authz/create-request.js';
import { splitShellWords } from '../../src/authz/shell-words.js';
import { PROJECTS, WORKSPACE, loadProject } from './helpers.js';

const expected = (service: string) => JSON.parse(readFileSync(join(PROJECTS, 'shop', 'expected', `${service}.json`), 'utf8')) as { path: string; body: unknown };

describe('create request synthesis', async () => {
  const parsed = await loadProject('shop/compose.yaml');
  const requests = synthesizeCreateRequests(parsed.document, { workspace: WORKSPACE });
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
});

describe('splitShellWords', () => {
  it('splits as a POSIX shell does, without expanding', () => {
    assert.deepEqual(splitShellWords(`sh -c 'echo $HOME' "a \\"b\\"" c\\ d`), ['sh', '-c', 'echo $HOME', 'a "b"', 'c d']);
    assert.deepEqual(splitShellWords('  '), []);
    assert.equal(splitShellWords('echo "open'), undefined);
  });
});
