import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventContext } from '../../src/discover/change-list.js';
import { acceptedWorkspaceCommits, checkWorkspaceCommit } from '../../src/discover/workspace-commit.js';
import { UserError } from '../../src/errors.js';

const BASE = 'b'.repeat(40);
const HEAD = 'e'.repeat(40);
const MERGE = 'a'.repeat(40);
const RUN = 'f'.repeat(40);
const event = (name: string, extra: Partial<NonNullable<EventContext['pullRequest']>> = {}): EventContext => ({
  name,
  owner: 'o',
  repo: 'r',
  pullRequest: { number: 7, baseSha: BASE, headSha: HEAD, ...extra },
});
const refused = (pattern: RegExp) => (e: unknown) => e instanceof UserError && pattern.test(e.message) && /ref: \$\{\{ github\.event\.pull_request\.head\.sha \}\}/.test(e.message);

describe('checkWorkspaceCommit', () => {
  it('accepts the head, the merge commit the payload names, and GITHUB_SHA where that is the merge commit', () => {
    for (const name of ['pull_request', 'pull_request_review', 'pull_request_review_comment']) {
      const e = event(name, { mergeCommitSha: MERGE });
      assert.deepEqual(acceptedWorkspaceCommits(e, RUN), [HEAD, MERGE, RUN], name);
      for (const sha of [HEAD, MERGE, RUN]) checkWorkspaceCommit(e, RUN, { sha });
    }
  });

  it('refuses the base branch a default pull_request_target checkout leaves, naming both commits and the fix', () => {
    const target = event('pull_request_target');
    assert.deepEqual(acceptedWorkspaceCommits(target, RUN), [HEAD], 'GITHUB_SHA is the base branch there');
    assert.throws(() => checkWorkspaceCommit(target, RUN, { sha: RUN }), refused(/holds commit ffffffffffff, not pull request #7's code \(eeeeeeeeeeee\)/));
    assert.throws(() => checkWorkspaceCommit(target, RUN, { sha: BASE }), refused(/holds commit bbbbbbbbbbbb, the base commit the pull request would change/));
    checkWorkspaceCommit(target, RUN, { sha: HEAD });
    checkWorkspaceCommit(event('pull_request_target', { mergeCommitSha: MERGE }), RUN, { sha: MERGE });
  });

  it('refuses a workspace that cannot say which commit it holds, and a payload without a head', () => {
    assert.throws(
      () => checkWorkspaceCommit(event('pull_request'), RUN, { problem: 'git rev-parse HEAD failed: fatal: not a git repository' }),
      refused(/Cannot tell which commit the workspace holds \(git rev-parse HEAD failed: fatal: not a git repository\).*eeeeeeeeeeee or ffffffffffff.*git checkout/),
    );
    assert.throws(() => checkWorkspaceCommit(event('pull_request_target', { headSha: undefined as unknown as string }), RUN, { sha: RUN }), /not its head commit/);
  });

  it('asks nothing of events without a pull request', () => {
    checkWorkspaceCommit({ name: 'push', owner: 'o', repo: 'r', push: { before: BASE, after: HEAD } }, RUN, { problem: 'no git' });
  });
});
