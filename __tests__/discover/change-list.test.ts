import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listChanges, type ChangeListPorts, type EventContext } from '../../src/discover/change-list.js';
import { GitHubApiError } from '../../src/discover/github-api.js';
import type { ChangedFileEntry } from '../../src/discover/select-changed-files.js';
import type { GitPort } from '../../src/git/git-fs.js';
import { UserError } from '../../src/errors.js';

const BASE = 'b'.repeat(40);
const HEAD = 'e'.repeat(40);
const ZERO = '0'.repeat(40);
const files = (n: number, prefix = 'f'): ChangedFileEntry[] => Array.from({ length: n }, (_, i) => ({ filename: `${prefix}${i}`, status: 'modified' }));

/** A fake clone that holds the given commits and answers diffs with `diff`. */
function fakeGit(commits: string[], diff: ChangedFileEntry[], refs: Record<string, string> = {}): GitPort & { diffs: string[] } {
  const state = {
    diffs: [] as string[],
    hasCommit: async (sha: string) => commits.includes(sha),
    diff: async (base: string, head: string) => (state.diffs.push(`${base}...${head}`), diff),
    show: async () => undefined,
    resolveRef: async (ref: string) => refs[ref],
  };
  return state;
}

function ports(api: Partial<ChangeListPorts['api']>, git?: GitPort): ChangeListPorts & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    api: {
      listPullRequestFiles: async (...args) => (calls.push('pulls'), (api.listPullRequestFiles ?? (async () => []))(...args)),
      compareCommits: async (...args) => (calls.push(`compare ${args[2]}...${args[3]}`), (api.compareCommits ?? (async () => []))(...args)),
    },
    ...(git ? { git } : {}),
  };
}

const pr = (changedFiles: number): EventContext => ({
  name: 'pull_request',
  owner: 'o',
  repo: 'r',
  pullRequest: { number: 5, changedFiles, baseSha: BASE, headSha: HEAD },
});

describe('listChanges', () => {
  it('uses the pull request file list when it is complete', async () => {
    const p = ports({ listPullRequestFiles: async () => files(3) });
    const changes = await listChanges(pr(3), 'changed', p);
    assert.equal(changes.kind, 'changed');
    assert.equal(changes.kind === 'changed' && changes.entries.length, 3);
  });

  it('replaces a capped pull request list with the local diff when the history is there', async () => {
    const git = fakeGit([BASE, HEAD], files(3001, 'g'));
    const changes = await listChanges(pr(3001), 'changed', ports({ listPullRequestFiles: async () => files(3000) }, git));
    assert.equal(changes.kind === 'changed' && changes.entries.length, 3001);
    assert.match(changes.kind === 'changed' ? changes.scope : '', /local git history/);
    assert.deepEqual(git.diffs, [`${BASE}...${HEAD}`]);
  });

  it('fails closed on a capped list without history, saying how to fix it', async () => {
    for (const git of [undefined, fakeGit([HEAD], [])]) {
      await assert.rejects(listChanges(pr(3001), 'changed', ports({ listPullRequestFiles: async () => files(3000) }, git)), (e: unknown) => {
        assert.ok(e instanceof UserError);
        assert.match(e.message, /partial list/);
        assert.match(e.message, /fetch-depth: 0/);
        assert.match(e.message, /scan: all/);
        return true;
      });
    }
  });

  it('lists the pull request\'s files for a review or review comment of it, as for pull_request', async () => {
    for (const name of ['pull_request_review', 'pull_request_review_comment']) {
      const p = ports({ listPullRequestFiles: async () => files(2), compareCommits: async () => [] });
      const changes = await listChanges({ ...pr(2), name }, 'changed', p);
      assert.deepEqual(p.calls, ['pulls'], name);
      assert.equal(changes.kind === 'changed' && changes.entries.length, 2);
    }
  });

  it('treats a list of exactly the cap as capped even when the payload has no count', async () => {
    const event: EventContext = { ...pr(0), pullRequest: { number: 5 } };
    await assert.rejects(listChanges(event, 'changed', ports({ listPullRequestFiles: async () => files(3000) })), UserError);
  });

  it('compares a push, and falls back to git past the 300-file cap', async () => {
    const event: EventContext = { name: 'push', owner: 'o', repo: 'r', push: { before: BASE, after: HEAD } };
    const small = ports({ compareCommits: async () => files(2) });
    const changes = await listChanges(event, 'changed', small);
    assert.deepEqual(small.calls, [`compare ${BASE}...${HEAD}`]);
    assert.equal(changes.kind === 'changed' && changes.entries.length, 2);

    const git = fakeGit([BASE, HEAD], files(450));
    const big = await listChanges(event, 'changed', ports({ compareCommits: async () => files(300) }, git));
    assert.equal(big.kind === 'changed' && big.entries.length, 450);
    await assert.rejects(listChanges(event, 'changed', ports({ compareCommits: async () => files(300) })), /fetch-depth: 0/);
  });

  it('never reads a comparison without a file list as "nothing changed": the local diff, or a refusal', async () => {
    const push: EventContext = { name: 'push', owner: 'o', repo: 'r', push: { before: BASE, after: HEAD } };
    const group: EventContext = { name: 'merge_group', owner: 'o', repo: 'r', mergeGroup: { baseSha: BASE, headSha: HEAD } };
    for (const event of [push, group]) {
      const local = await listChanges(event, 'changed', ports({ compareCommits: async () => undefined }, fakeGit([BASE, HEAD], files(2))));
      assert.equal(local.kind === 'changed' && local.entries.length, 2, event.name);
      assert.match(local.kind === 'changed' ? local.scope : '', /from the local git history: GitHub's comparison listed no files/);
      await assert.rejects(listChanges(event, 'changed', ports({ compareCommits: async () => undefined }, fakeGit([HEAD], []))), (e: unknown) => {
        assert.ok(e instanceof UserError, event.name);
        assert.match(e.message, /comparison of bbbbbbbbbbbb\.\.\.eeeeeeeeeeee lists no files.*refusing to pass.*fetch-depth: 0/);
        return true;
      });
    }
  });

  it('diffs a new branch against the default branch, or scans everything without it', async () => {
    const event: EventContext = { name: 'push', owner: 'o', repo: 'r', push: { before: ZERO, after: HEAD }, defaultBranch: 'main' };
    const git = fakeGit([BASE, HEAD], files(4), { 'refs/remotes/origin/main': BASE });
    const p = ports({}, git);
    const withBase = await listChanges(event, 'changed', p);
    assert.equal(withBase.kind === 'changed' && withBase.entries.length, 4);
    assert.deepEqual(p.calls, [], 'no API call for a new branch');
    const without = await listChanges(event, 'changed', ports({}, fakeGit([HEAD], [])));
    assert.equal(without.kind, 'all');
    assert.match(without.kind === 'all' ? without.reason : '', /new branch/);
  });

  it('falls back when GitHub no longer knows the old commit of a force push', async () => {
    const event: EventContext = { name: 'push', owner: 'o', repo: 'r', push: { before: BASE, after: HEAD } };
    const gone = async () => {
      throw new GitHubApiError('Not Found', 404);
    };
    const changes = await listChanges(event, 'changed', ports({ compareCommits: gone }));
    assert.equal(changes.kind, 'all');
    const failing = async () => {
      throw new GitHubApiError('Server Error', 500);
    };
    await assert.rejects(listChanges(event, 'changed', ports({ compareCommits: failing })), /Server Error/);
  });

  it('compares a merge group with its base', async () => {
    const event: EventContext = { name: 'merge_group', owner: 'o', repo: 'r', mergeGroup: { baseSha: BASE, headSha: HEAD } };
    const p = ports({ compareCommits: async () => files(1) });
    const changes = await listChanges(event, 'changed', p);
    assert.deepEqual(p.calls, [`compare ${BASE}...${HEAD}`]);
    assert.match(changes.kind === 'changed' ? changes.scope : '', /merge group/);
  });

  it('scans everything for scheduled and manual runs, and for scan: all', async () => {
    for (const name of ['workflow_dispatch', 'schedule', 'release']) {
      const p = ports({});
      const changes = await listChanges({ name, owner: 'o', repo: 'r' }, 'changed', p);
      assert.equal(changes.kind, 'all');
      assert.deepEqual(p.calls, []);
    }
    const all = await listChanges(pr(2), 'all', ports({}));
    assert.deepEqual(all, { kind: 'all', reason: 'scan: all' });
  });
});
