import { UserError } from '../errors.js';
import type { ScanScope } from '../config/settings.js';
import type { GitPort } from '../git/git-fs.js';
import { COMPARE_FILES_API_CAP, GitHubApiError, PULL_REQUEST_FILES_API_CAP, type GitHubApi } from './github-api.js';
import type { ChangedFileEntry } from './select-changed-files.js';

/** The parts of the triggering event discovery reads. */
export interface EventContext {
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  /**
   * Set whenever the payload names a pull request: pull_request, pull_request_target,
   * pull_request_review and pull_request_review_comment events.
   */
  readonly pullRequest?: {
    readonly number: number;
    readonly changedFiles?: number;
    readonly baseSha?: string;
    readonly headSha?: string;
    readonly mergeCommitSha?: string;
  };
  /** Set for push events: the commits the ref moved between (`before` is all zeros for a new branch). */
  readonly push?: { readonly before: string; readonly after: string };
  /** Set for merge_group events: the queue's merge commit and the base branch commit it builds on. */
  readonly mergeGroup?: { readonly baseSha: string; readonly headSha: string };
  /** The repository's default branch, to diff a new branch against. */
  readonly defaultBranch?: string;
}

/** Either the changes to check, or a reason to check the whole workspace. */
export type ChangeList =
  | { readonly kind: 'changed'; readonly entries: readonly ChangedFileEntry[]; readonly scope: string }
  | { readonly kind: 'all'; readonly reason: string };

export interface ChangeListPorts {
  readonly api: Pick<GitHubApi, 'listPullRequestFiles' | 'compareCommits'>;
  /** The local clone, when there is one; its history is the fallback when GitHub's lists are capped. */
  readonly git?: GitPort;
}

const ZERO_SHA = /^0+$/;
const HISTORY_FIX =
  'Fetch the history so the action can diff locally (actions/checkout with fetch-depth: 0), or set the input scan: all to check the whole workspace.';

/**
 * What changed, by event: a pull request's file list (every page) for any event whose payload names
 * one (a review of it too: see baseGoverns), a push's or a merge group's
 * comparison, or — for scheduled and manual runs, `scan: all`, and a new branch with nothing to
 * diff against — the whole workspace. A list GitHub capped is replaced by a local `git diff` when
 * the history is there, and otherwise stops the run: a partial list never passes.
 */
export async function listChanges(event: EventContext, scan: ScanScope, ports: ChangeListPorts): Promise<ChangeList> {
  if (scan === 'all') return { kind: 'all', reason: 'scan: all' };
  if (event.pullRequest) return pullRequestChanges(event, event.pullRequest, ports);
  if (event.name === 'push' && event.push) return pushChanges(event, event.push, ports);
  if (event.name === 'merge_group' && event.mergeGroup) {
    const { baseSha, headSha } = event.mergeGroup;
    return compareChanges(event, baseSha, headSha, `the merge group's changes to its base ${short(baseSha)}`, ports);
  }
  return { kind: 'all', reason: `${event.name || 'no'} event` };
}

async function pullRequestChanges(
  event: EventContext,
  pr: NonNullable<EventContext['pullRequest']>,
  ports: ChangeListPorts,
): Promise<ChangeList> {
  const entries = await ports.api.listPullRequestFiles(event.owner, event.repo, pr.number);
  const truncated = (pr.changedFiles !== undefined && entries.length < pr.changedFiles) || entries.length >= PULL_REQUEST_FILES_API_CAP;
  const scope = `files changed by pull request #${pr.number}`;
  if (!truncated) return { kind: 'changed', entries, scope: `${scope} (${entries.length} changed in all)` };
  const local = pr.baseSha && pr.headSha ? await localDiff(ports.git, pr.baseSha, pr.headSha) : undefined;
  if (local) return { kind: 'changed', entries: local, scope: `${scope} (${local.length} changed in all, from the local git history: GitHub lists at most ${PULL_REQUEST_FILES_API_CAP})` };
  throw new UserError(
    `Pull request #${pr.number} changes ${pr.changedFiles ?? 'at least ' + PULL_REQUEST_FILES_API_CAP} files but GitHub listed only ` +
      `${entries.length} (its limit is ${PULL_REQUEST_FILES_API_CAP}), and the base and head commits are not both in the local clone; ` +
      `refusing to pass on a partial list. ${HISTORY_FIX}`,
  );
}

async function pushChanges(event: EventContext, push: NonNullable<EventContext['push']>, ports: ChangeListPorts): Promise<ChangeList> {
  if (ZERO_SHA.test(push.after)) return { kind: 'all', reason: 'push deleting a branch' };
  if (ZERO_SHA.test(push.before)) {
    // A new branch: GitHub names no previous commit. Diff against the default branch when the clone
    // has it; otherwise check everything rather than guess.
    const base = event.defaultBranch && ports.git ? await ports.git.resolveRef(`refs/remotes/origin/${event.defaultBranch}`) : undefined;
    const local = base && base !== push.after ? await localDiff(ports.git, base, push.after) : undefined;
    if (local) {
      return { kind: 'changed', entries: local, scope: `files the new branch changes from ${event.defaultBranch} (${local.length} changed in all, from the local git history)` };
    }
    return { kind: 'all', reason: `push of a new branch, without ${event.defaultBranch ?? 'the default branch'} in the local clone to diff against` };
  }
  return compareChanges(event, push.before, push.after, `files changed by the push ${short(push.before)}..${short(push.after)}`, ports);
}

async function compareChanges(event: EventContext, base: string, head: string, scope: string, ports: ChangeListPorts): Promise<ChangeList> {
  let entries: readonly ChangedFileEntry[] | undefined;
  try {
    entries = await ports.api.compareCommits(event.owner, event.repo, base, head);
  } catch (thrown) {
    // 404: GitHub no longer knows the old commit (a force push); the local history may still.
    if (!(thrown instanceof GitHubApiError && thrown.status === 404)) throw thrown;
    const local = await localDiff(ports.git, base, head);
    if (local) return { kind: 'changed', entries: local, scope: `${scope} (${local.length} changed in all, from the local git history)` };
    return { kind: 'all', reason: `GitHub cannot compare ${short(base)}...${short(head)} (${thrown.message})` };
  }
  if (entries === undefined) {
    // No file list in GitHub's answer: only the local history can say what changed.
    const local = await localDiff(ports.git, base, head);
    if (local) return { kind: 'changed', entries: local, scope: `${scope} (${local.length} changed in all, from the local git history: GitHub's comparison listed no files)` };
    throw new UserError(
      `GitHub's comparison of ${short(base)}...${short(head)} lists no files and does not say the commits are identical, ` +
        `and the two commits are not both in the local clone; refusing to pass without knowing what changed. ${HISTORY_FIX}`,
    );
  }
  if (entries.length < COMPARE_FILES_API_CAP) return { kind: 'changed', entries, scope: `${scope} (${entries.length} changed in all)` };
  const local = await localDiff(ports.git, base, head);
  if (local) return { kind: 'changed', entries: local, scope: `${scope} (${local.length} changed in all, from the local git history: GitHub compares at most ${COMPARE_FILES_API_CAP})` };
  throw new UserError(
    `GitHub's comparison of ${short(base)}...${short(head)} lists ${entries.length} files, its limit, so it may be cut short, ` +
      `and the two commits are not both in the local clone; refusing to pass on a partial list. ${HISTORY_FIX}`,
  );
}

/** The change from `base` to `head` as GitHub computes it (from their merge base), or undefined without the history. */
async function localDiff(git: GitPort | undefined, base: string, head: string): Promise<ChangedFileEntry[] | undefined> {
  if (!git || !(await git.hasCommit(base)) || !(await git.hasCommit(head))) return undefined;
  try {
    return await git.diff(base, head, { mergeBase: true });
  } catch {
    // No merge base (a shallow clone cut between them): not enough history to trust a diff.
    return undefined;
  }
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
