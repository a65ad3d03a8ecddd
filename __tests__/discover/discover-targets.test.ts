import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discoverTargets, type DiscoveryPorts } from '../../src/discover/discover-targets.js';
import { DEFAULT_PATTERNS } from '../../src/discover/file-patterns.js';
import type { ChangedFileEntry } from '../../src/discover/select-changed-files.js';
import { UserError } from '../../src/errors.js';

function ports(entries: ChangedFileEntry[], workspace: string[] = []): DiscoveryPorts & { calls: number } {
  const state = {
    calls: 0,
    api: {
      listPullRequestFiles: async () => {
        state.calls++;
        return entries;
      },
      compareCommits: async () => {
        state.calls++;
        return entries;
      },
    },
    listWorkspace: async () => workspace,
  };
  return state;
}

const options = { patterns: DEFAULT_PATTERNS, scan: 'changed' as const };
const pr = (changedFiles: number) => ({ name: 'pull_request', owner: 'o', repo: 'r', pullRequest: { number: 3, changedFiles } });

describe('discoverTargets', () => {
  it('keeps changed container files of a pull request, drops removed ones, follows renames', async () => {
    const entries: ChangedFileEntry[] = [
      { filename: 'b/Dockerfile', status: 'modified' },
      { filename: 'a/compose.yaml', status: 'added' },
      { filename: 'gone/Dockerfile', status: 'removed' },
      { filename: 'new/Dockerfile', status: 'renamed', previous_filename: 'old/Dockerfile' },
      { filename: 'src/index.ts', status: 'modified' },
    ];
    const found = await discoverTargets(pr(entries.length), options, ports(entries));
    assert.deepEqual(found.files, [
      { path: 'a/compose.yaml', kind: 'compose' },
      { path: 'b/Dockerfile', kind: 'dockerfile' },
      { path: 'new/Dockerfile', kind: 'dockerfile' },
    ]);
    assert.match(found.scope, /pull request #3/);
  });

  it('fails closed when the API listed fewer files than the pull request changed', async () => {
    await assert.rejects(discoverTargets(pr(3001), options, ports([{ filename: 'Dockerfile', status: 'added' }])), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /partial list/);
      assert.match(e.message, /scan: all/);
      return true;
    });
  });

  it('fails closed at the API cap even when the payload does not say how many files changed', async () => {
    const entries = Array.from({ length: 3000 }, (_, i) => ({ filename: `f${i}.txt`, status: 'added' }));
    await assert.rejects(discoverTargets({ ...pr(0), pullRequest: { number: 3 } }, options, ports(entries)), UserError);
  });

  it('scans the whole workspace for other events and for scan: all', async () => {
    const p = ports([], ['Dockerfile', 'docs/x.md', 'svc/docker-compose.yml']);
    const push = await discoverTargets({ name: 'workflow_dispatch', owner: 'o', repo: 'r' }, options, p);
    assert.deepEqual(push.files.map((f) => f.path), ['Dockerfile', 'svc/docker-compose.yml']);
    const all = await discoverTargets(pr(1), { ...options, scan: 'all' }, p);
    assert.equal(all.files.length, 2);
    assert.match(all.scope, /scan: all/);
    assert.equal(p.calls, 0);
  });
  it('narrows to the include/exclude scope, in the pull request and in a full scan', async () => {
    const entries: ChangedFileEntry[] = [
      { filename: 'svc/Dockerfile', status: 'modified' },
      { filename: 'test/fixtures/Dockerfile', status: 'added' },
    ];
    const scope = { include: ['**'], exclude: ['test/fixtures'] };
    const changed = await discoverTargets(pr(2), { ...options, scope }, ports(entries, ['svc/Dockerfile', 'test/fixtures/Dockerfile']));
    assert.deepEqual(changed.files.map((f) => f.path), ['svc/Dockerfile']);
    const all = await discoverTargets(pr(2), { ...options, scan: 'all', scope }, ports([], ['svc/Dockerfile', 'test/fixtures/Dockerfile', '.devcontainer/Dockerfile']));
    assert.deepEqual(all.files.map((f) => f.path), ['.devcontainer/Dockerfile', 'svc/Dockerfile']);
  });

  it('keeps files whose directory names hold a newline or carriage return, changed or in a full scan', async () => {
    const names = ['a\nb/Dockerfile', 'c\rd/compose.yaml'];
    const entries: ChangedFileEntry[] = names.map((filename) => ({ filename, status: 'added' }));
    const changed = await discoverTargets(pr(2), options, ports(entries));
    assert.deepEqual(changed.files.map((f) => f.path), names);
    const all = await discoverTargets(pr(2), { ...options, scan: 'all' }, ports([], names));
    assert.deepEqual(all.files.map((f) => f.path), names);
  });

  it('checks a changed override together with its base file', async () => {
    const found = await discoverTargets(pr(1), options, ports([{ filename: 'app/compose.override.yaml', status: 'modified' }], ['app/compose.yaml', 'app/compose.override.yaml']));
    assert.deepEqual(found.files.map((f) => [f.path, f.project?.length]), [
      ['app/compose.override.yaml', 2],
      ['app/compose.yaml', 2],
    ]);
  });

  it('notes the compose services that build a changed Dockerfile', async () => {
    const p = {
      ...ports([{ filename: 'api/Dockerfile', status: 'modified' }], ['api/Dockerfile', 'compose.yaml']),
      readFile: async (path: string) => new TextEncoder().encode(path === 'compose.yaml' ? 'services:\n  api:\n    build: ./api\n' : ''),
    };
    const found = await discoverTargets(pr(1), options, p);
    assert.equal(found.notices?.length, 1);
    assert.match(found.notices?.[0] ?? '', /api\/Dockerfile .*service "api" of compose\.yaml/);
  });

  it('checks a Dockerfile a changed compose file names that the patterns do not match, and says why; a missing one gets a notice, one outside the workspace is an error at its line', async () => {
    const compose = 'services:\n  app:\n    build:\n      context: .\n      dockerfile: build/app.df\n  gone:\n    build: {dockerfile: nope.df}\n  out:\n    build: {context: .., dockerfile: x.df}\n';
    const p = {
      ...ports([{ filename: 'compose.yaml', status: 'modified' }], ['compose.yaml', 'build/app.df']),
      readFile: async (path: string) => new TextEncoder().encode(path === 'compose.yaml' ? compose : 'FROM a\n'),
    };
    const found = await discoverTargets(pr(1), options, p);
    assert.deepEqual(found.files, [
      { path: 'build/app.df', kind: 'dockerfile' },
      { path: 'compose.yaml', kind: 'compose' },
    ]);
    assert.deepEqual(found.notices, [
      'build/app.df is checked as a Dockerfile although the file patterns do not match it: build.dockerfile of service "app" (compose.yaml:5) builds from it.',
      'nope.df is not checked although build.dockerfile of service "gone" (compose.yaml:7) builds from it: it does not exist in the workspace, so docker compose build would fail (the path is relative to the build context).',
    ]);
    assert.deepEqual(found.errors?.map((e) => [e.path, e.line, /outside the workspace/.test(e.message)]), [['compose.yaml', 9, true]]);
    // Left out by the exclude patterns: not checked, and the notice says so.
    const excluded = await discoverTargets(pr(1), { ...options, scope: { include: ['**'], exclude: ['build/**'] } }, p);
    assert.deepEqual(excluded.files.map((f) => f.path), ['compose.yaml']);
    assert.match(excluded.notices?.[0] ?? '', /^build\/app\.df is not checked although .*service "app".*: the exclude patterns leave it out\.$/);
    // A change that touches no compose file reads none.
    const dockerOnly = await discoverTargets(pr(1), options, { ...p, api: ports([{ filename: 'Dockerfile', status: 'modified' }]).api });
    assert.deepEqual(dockerOnly.files.map((f) => f.path), ['Dockerfile']);
  });

  it('checks the project a removed or renamed-away compose file leaves behind, and says why', async () => {
    const entries: ChangedFileEntry[] = [
      { filename: 'app/compose.override.yaml', status: 'removed' },
      { filename: 'web/compose.override.yaml.bak', status: 'renamed', previous_filename: 'web/compose.override.yaml' },
    ];
    const workspace = ['app/compose.yaml', 'web/compose.yaml', 'web/compose.override.yaml.bak', 'web/docker-compose.override.yml'];
    const found = await discoverTargets(pr(2), options, ports(entries, workspace));
    assert.deepEqual(found.files.map((f) => [f.path, f.project?.join() ?? '']), [
      ['app/compose.yaml', ''],
      ['web/compose.yaml', 'web/compose.yaml,web/docker-compose.override.yml'],
      ['web/docker-compose.override.yml', 'web/compose.yaml,web/docker-compose.override.yml'],
    ]);
    assert.deepEqual(found.notices?.map((n) => n.replace(/:.*/, '')), [
      'app/compose.yaml is checked although the change does not edit it',
      'web/compose.yaml is checked although the change does not edit it',
    ]);
    const outOfScope = await discoverTargets(pr(2), { ...options, scope: { include: ['**'], exclude: ['app'] } }, ports(entries, workspace));
    assert.deepEqual(outOfScope.files.map((f) => f.path), ['web/compose.yaml', 'web/docker-compose.override.yml']);
  });

  it('checks the compose files that read a changed .env, env_file, extends or include file, and says why', async () => {
    const tree: Record<string, string> = {
      'app/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    privileged: ${PRIV:-false}\n',
      'app/.env': 'PRIV=true\n',
      'svc/compose.yaml': 'include: [../lib/db.yml]\nservices:\n  api:\n    env_file: api.env\n    extends: { file: ../lib/base.yml, service: base }\n',
      'lib/db.yml': 'services: {}\n',
      'lib/base.yml': 'services: {}\n',
      'svc/api.env': 'A=1\n',
      'other/compose.yaml': 'services:\n  x:\n    image: a:1\n',
      'src/index.ts': '',
    };
    const discover = async (entries: ChangedFileEntry[]) => {
      const p = { ...ports(entries, Object.keys(tree).sort()), readFile: async (path: string) => new TextEncoder().encode(tree[path] ?? '') };
      const found = await discoverTargets(pr(entries.length), options, p);
      return { files: found.files.map((f) => f.path), notices: found.notices ?? [] };
    };
    const env = await discover([{ filename: 'app/.env', status: 'modified' }]);
    assert.deepEqual(env.files, ['app/compose.yaml']);
    assert.deepEqual(env.notices, ['app/compose.yaml is checked although the change does not edit it: the change modifies app/.env, the `.env` it reads its variables from.']);
    for (const [changed, via] of [['svc/api.env', 'env_file'], ['lib/base.yml', 'extends file'], ['lib/db.yml', 'include'], ['lib/.env', 'include .env']] as const) {
      const found = await discover([{ filename: changed, status: changed === 'lib/.env' ? 'added' : 'modified' }]);
      assert.deepEqual(found.files, ['svc/compose.yaml'], changed);
      assert.match(found.notices.join('\n'), new RegExp(`svc/compose\\.yaml is checked .*: it names ${changed.replace('.', '\\.')} \\(${via}\\)`), changed);
    }
    const removed = await discover([{ filename: 'svc/api.env', status: 'removed' }]);
    assert.deepEqual(removed.files, ['svc/compose.yaml'], 'the project now fails to load: it must be checked');
    assert.deepEqual(await discover([{ filename: 'src/index.ts', status: 'modified' }]), { files: [], notices: [] });
  });

  it('tells a pull request that edits the configuration that the change applies after merge', async () => {
    const entries: ChangedFileEntry[] = [
      { filename: '.github/container-policy.yml', status: 'modified' },
      { filename: 'policies/custom/x.rego', status: 'added' },
    ];
    const found = await discoverTargets(pr(2), { ...options, governingPaths: ['.github/container-policy.yml', 'policies/custom'] }, ports(entries));
    assert.equal(found.notices?.length, 2);
    assert.ok(found.notices?.every((n) => /takes effect after merge/.test(n)));
    const push = await discoverTargets(
      { name: 'push', owner: 'o', repo: 'r', push: { before: 'a'.repeat(40), after: 'c'.repeat(40) } },
      { ...options, governingPaths: ['.github/container-policy.yml'] },
      ports(entries),
    );
    assert.equal(push.notices, undefined, 'a push already is the branch: nothing to defer');
    const review = await discoverTargets({ ...pr(2), name: 'pull_request_review' }, { ...options, governingPaths: ['.github/container-policy.yml'] }, ports(entries));
    assert.equal(review.notices?.length, 1, 'a review of a pull request is judged by its base as well');
  });
});
