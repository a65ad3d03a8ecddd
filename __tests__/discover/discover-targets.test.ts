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
    const push = await discoverTargets({ name: 'push', owner: 'o', repo: 'r' }, options, p);
    assert.deepEqual(push.files.map((f) => f.path), ['Dockerfile', 'svc/docker-compose.yml']);
    const all = await discoverTargets(pr(1), { ...options, scan: 'all' }, p);
    assert.equal(all.files.length, 2);
    assert.match(all.scope, /scan: all/);
    assert.equal(p.calls, 0);
  });
});
