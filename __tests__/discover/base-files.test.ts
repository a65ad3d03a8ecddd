import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_BASE_LISTED_DIRECTORIES, createBaseFileReader, governingRef, listBaseDirectory } from '../../src/discover/base-files.js';
import type { DirectoryEntry } from '../../src/discover/github-api.js';
import type { EventContext } from '../../src/discover/change-list.js';
import { createGit } from '../../src/git/git-fs.js';
import { UserError } from '../../src/errors.js';
import { createGitRepo } from '../support/git-repo.js';

const CONFIG = '.github/container-policy.yml';

describe('createBaseFileReader', () => {
  const repo = createGitRepo();
  repo.write({ [CONFIG]: 'rules:\n  CPD001: { enabled: true }\n' });
  const base = repo.commit('base');
  repo.write({ [CONFIG]: 'rules:\n  CPD001: { enabled: false }\n' });
  const head = repo.commit('pr weakens the gate');
  const pr: EventContext = { name: 'pull_request', owner: 'o', repo: 'r', pullRequest: { number: 1, baseSha: base, headSha: head } };
  const apiReads: string[] = [];
  const api = {
    getFileAtRef: async (_o: string, _r: string, path: string, ref: string) => {
      apiReads.push(`${path}@${ref}`);
      return path === CONFIG ? new TextEncoder().encode('from the api\n') : undefined;
    },
  };
  const noWorkspace = async () => {
    throw new Error('the workspace must not be read for a pull request');
  };

  it('reads the base commit from the local clone, not the pull request head', async () => {
    const reader = createBaseFileReader(pr, 1024, { api, git: createGit(repo.root), readWorkspaceFile: noWorkspace });
    assert.equal(reader.ref, base);
    assert.equal(await reader.readBaseFile(CONFIG), 'rules:\n  CPD001: { enabled: true }\n');
    assert.equal(await reader.readBaseFile('.github/absent.yml'), undefined);
    assert.deepEqual(apiReads, []);
  });

  it('asks the contents API when the clone lacks the base commit', async () => {
    const shallow: EventContext = { ...pr, pullRequest: { number: 1, baseSha: 'a'.repeat(40) } };
    const reader = createBaseFileReader(shallow, 1024, { api, git: createGit(repo.root), readWorkspaceFile: noWorkspace });
    assert.equal(await reader.readBaseFile(CONFIG), 'from the api\n');
    assert.deepEqual(apiReads, [`${CONFIG}@${'a'.repeat(40)}`]);
  });

  it('reads the workspace when no base governs, and refuses escapes, oversize and non-text', async () => {
    const push: EventContext = { name: 'push', owner: 'o', repo: 'r', push: { before: base, after: head } };
    assert.equal(governingRef(push), undefined);
    const reader = createBaseFileReader(push, 8, { api, readWorkspaceFile: async (p) => (p === 'big' ? new Uint8Array(9) : p === 'bin' ? new Uint8Array([0xff]) : undefined) });
    assert.equal(await reader.readBaseFile('none'), undefined);
    await assert.rejects(reader.readBaseFile('big'), /over the 8-byte limit/);
    await assert.rejects(reader.readBaseFile('bin'), /not UTF-8/);
    await assert.rejects(reader.readBaseFile('../etc/passwd'), UserError);
    assert.equal(governingRef({ name: 'merge_group', owner: 'o', repo: 'r', mergeGroup: { baseSha: base, headSha: head } }), base);
  });
});

describe('governingRef', () => {
  const pullRequest = { number: 7, baseSha: 'b'.repeat(40), headSha: 'e'.repeat(40) };

  it('takes the base of every event that names a pull request, not only pull_request', () => {
    for (const name of ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']) {
      assert.equal(governingRef({ name, owner: 'o', repo: 'r', pullRequest }), pullRequest.baseSha, name);
    }
    assert.equal(governingRef({ name: 'workflow_dispatch', owner: 'o', repo: 'r' }), undefined);
  });

  it('refuses a pull request without a base commit rather than let it govern itself', () => {
    assert.throws(
      () => governingRef({ name: 'pull_request_review', owner: 'o', repo: 'r', pullRequest: { number: 7 } }),
      (e: unknown) => e instanceof UserError && /pull request #7 but not its base commit/.test(e.message),
    );
  });
});

describe('listBaseDirectory', () => {
  it('lists regular files at the base commit with git ls-tree, not the head', async () => {
    const repo = createGitRepo();
    repo.write({ 'policy/a.rego': 'package a\n', 'policy/sub/b.rego': 'package b\n', 'other/c.rego': 'package c\n' }).symlink('policy/link.rego', 'a.rego');
    const base = repo.commit('base');
    repo.remove('policy/a.rego').write({ 'policy/new.rego': 'package n\n' });
    repo.commit('head');
    const api = { listDirectoryAtRef: async () => assert.fail('the clone has the commit') };
    const ports = { git: createGit(repo.root), api };
    assert.deepEqual(await listBaseDirectory('o', 'r', base, 'policy', ports), ['policy/a.rego', 'policy/sub/b.rego']);
    assert.deepEqual(await listBaseDirectory('o', 'r', base, './policy/', ports), ['policy/a.rego', 'policy/sub/b.rego']);
    assert.equal(await listBaseDirectory('o', 'r', base, 'policy/a.rego', ports), undefined, 'a file is not a directory');
    assert.equal(await listBaseDirectory('o', 'r', base, 'missing', ports), undefined);
    await assert.rejects(listBaseDirectory('o', 'r', base, '../etc', ports), UserError);
  });

  it('walks the contents API when the clone lacks the commit, skipping symlinks and submodules, bounded', async () => {
    const tree: Record<string, DirectoryEntry[]> = {
      policy: [{ type: 'file', path: 'policy/z.rego' }, { type: 'dir', path: 'policy/sub' }, { type: 'symlink', path: 'policy/l.rego' }, { type: 'submodule', path: 'policy/m' }],
      'policy/sub': [{ type: 'file', path: 'policy/sub/a.rego' }],
    };
    const asked: string[] = [];
    const api = { listDirectoryAtRef: async (_o: string, _r: string, path: string) => (asked.push(path), tree[path]) };
    const git = { hasCommit: async () => false, listTree: async () => assert.fail('no commit here') };
    assert.deepEqual(await listBaseDirectory('o', 'r', 'b'.repeat(40), 'policy', { git, api }), ['policy/sub/a.rego', 'policy/z.rego']);
    assert.deepEqual(asked, ['policy', 'policy/sub']);
    assert.equal(await listBaseDirectory('o', 'r', 'b'.repeat(40), 'nowhere', { api }), undefined);
    // A directory that keeps nesting (or a huge tree) stops with a reason instead of walking on.
    const deep = { listDirectoryAtRef: async (_o: string, _r: string, path: string) => [{ type: 'dir', path: `${path}/d` }] };
    await assert.rejects(listBaseDirectory('o', 'r', 'b'.repeat(40), 'policy', { api: deep }), new RegExp(`more than ${MAX_BASE_LISTED_DIRECTORIES} directories`));
  });
});
