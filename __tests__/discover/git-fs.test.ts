import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createGit } from '../../src/git/git-fs.js';
import { parseNameStatus } from '../../src/git/name-status.js';
import { createGitRepo } from '../support/git-repo.js';

describe('parseNameStatus', () => {
  it('reads NUL-separated entries, renames and copies included, whatever the names hold', () => {
    const out = ['M', 'a b/Dockerfile', 'A', 'new\nline', 'D', 'gone', 'R087', 'old/x', 'new/x', 'C100', 'src', 'dst', 'T', 'link', ''].join('\0');
    assert.deepEqual(parseNameStatus(out), [
      { filename: 'a b/Dockerfile', status: 'modified' },
      { filename: 'new\nline', status: 'added' },
      { filename: 'gone', status: 'removed' },
      { filename: 'new/x', status: 'renamed', previous_filename: 'old/x' },
      { filename: 'dst', status: 'copied', previous_filename: 'src' },
      { filename: 'link', status: 'changed' },
    ]);
  });
  it('refuses output it does not understand rather than dropping entries', () => {
    assert.throws(() => parseNameStatus('X\0file\0'), /Unexpected status/);
    assert.throws(() => parseNameStatus('R100\0only-one\0'), /Truncated/);
  });
});

describe('createGit over a real repository', () => {
  const repo = createGitRepo();
  repo.write({ 'app/Dockerfile': 'FROM alpine:3.20\nRUN echo one two three four five\n', 'old/compose.yaml': 'services: {}\n', 'keep.txt': 'k' });
  const base = repo.commit('base');
  repo.remove('app/Dockerfile', 'old/compose.yaml').write({ 'svc/Dockerfile': 'FROM alpine:3.20\nRUN echo one two three four five\n' }).write({ 'keep.txt': 'changed', 'new/Dockerfile': 'FROM x:1\n' });
  const head = repo.commit('head');
  const git = createGit(repo.root);

  it('diffs two commits with statuses and renames', async () => {
    const entries = await git.diff(base, head, { mergeBase: true });
    assert.deepEqual(
      entries.sort((a, b) => a.filename.localeCompare(b.filename)),
      [
        { filename: 'keep.txt', status: 'modified' },
        { filename: 'new/Dockerfile', status: 'added' },
        { filename: 'old/compose.yaml', status: 'removed' },
        { filename: 'svc/Dockerfile', status: 'renamed', previous_filename: 'app/Dockerfile' },
      ],
    );
  });

  it('knows which commits it has, reads files at a commit, resolves refs', async () => {
    assert.equal(await git.hasCommit(base), true);
    assert.equal(await git.hasCommit('0123456789012345678901234567890123456789'), false);
    assert.equal(await git.hasCommit('--version'), false);
    assert.equal(Buffer.from((await git.show(base, 'keep.txt')) ?? []).toString(), 'k');
    assert.equal(await git.show(base, 'new/Dockerfile'), undefined);
    assert.equal(await git.resolveRef('refs/heads/main'), head);
    assert.equal(await git.resolveRef('refs/remotes/origin/nope'), undefined);
  });

  it('names the commit checked out, and says why when there is none to name', async () => {
    assert.equal(await git.headCommit?.(), head);
    repo.git('checkout', '--quiet', base);
    assert.equal(await git.headCommit?.(), base);
    repo.git('checkout', '--quiet', 'main');
    await assert.rejects(createGit(mkdtempSync(join(tmpdir(), 'cpa-no-git-'))).headCommit?.() ?? Promise.resolve(), /git rev-parse HEAD failed: fatal: not a git repository/);
  });

  it('refuses arguments that are not commit ids', async () => {
    await assert.rejects(git.diff('--output=/tmp/x', head), /Not a commit id/);
  });
});
