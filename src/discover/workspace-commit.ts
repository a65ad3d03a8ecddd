import { UserError } from '../errors.js';
import type { EventContext } from './change-list.js';

/**
 * Events whose GITHUB_SHA is the pull request's merge commit (refs/pull/N/merge), which
 * actions/checkout checks out by default. Under pull_request_target it is the base branch's head
 * instead: a default checkout there holds the code the pull request would replace.
 */
const MERGE_COMMIT_EVENTS: ReadonlySet<string> = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

/** The fix named in every refusal: the checkout that puts the pull request's code in the workspace. */
const CHECKOUT_FIX = 'Check out the pull request with actions/checkout and `ref: ${{ github.event.pull_request.head.sha }}`.';

/**
 * The commits a workspace may hold to be the pull request's code: its head, GitHub's merge of it
 * (`merge_commit_sha`), and GITHUB_SHA where that is the merge commit. Empty for events without a
 * pull request, whose workspace is the code of the branch itself.
 */
export function acceptedWorkspaceCommits(event: EventContext, runSha: string): string[] {
  const pr = event.pullRequest;
  if (!pr) return [];
  const accepted = [pr.headSha, pr.mergeCommitSha, MERGE_COMMIT_EVENTS.has(event.name) ? runSha : undefined];
  return [...new Set(accepted.filter((sha): sha is string => typeof sha === 'string' && sha !== ''))];
}

/**
 * Refuses a pull request run whose workspace is not the pull request's code: a checkout left at the
 * base branch (pull_request_target's default) would check the files the pull request replaces and
 * pass. `head` is the commit checked out, or how reading it failed; a workspace that cannot say
 * which commit it holds is refused too.
 */
export function checkWorkspaceCommit(event: EventContext, runSha: string, head: { readonly sha: string } | { readonly problem: string }): void {
  const pr = event.pullRequest;
  if (!pr) return;
  const accepted = acceptedWorkspaceCommits(event, runSha);
  if (accepted.length === 0) {
    throw new UserError(`The ${event.name} event names pull request #${pr.number} but not its head commit (pull_request.head.sha), so the workspace cannot be confirmed to hold its code.`);
  }
  const wanted = accepted.map((sha) => sha.slice(0, 12)).join(' or ');
  if ('problem' in head) {
    throw new UserError(
      `Cannot tell which commit the workspace holds (${head.problem}), so it cannot be confirmed to be pull request #${pr.number}'s code (${wanted}). ` +
        `The action needs a git checkout of it in the workspace, with git on PATH; a clone of depth 1 is enough. ${CHECKOUT_FIX}`,
    );
  }
  if (accepted.includes(head.sha)) return;
  const base = pr.baseSha === head.sha ? ', the base commit the pull request would change' : '';
  throw new UserError(
    `The workspace holds commit ${head.sha.slice(0, 12)}${base}, not pull request #${pr.number}'s code (${wanted}); ` +
      `checking it would judge other files than the pull request's. ${CHECKOUT_FIX}`,
  );
}
