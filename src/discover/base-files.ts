import { UserError } from '../errors.js';
import type { GitPort } from '../git/git-fs.js';
import type { GitHubApi } from './github-api.js';
import type { EventContext } from './change-list.js';

/**
 * Reads the files that govern the check (the configuration file, custom policies) from the commit
 * the change is going into, never from the change itself: a pull request must not weaken its own gate.
 */
export interface BaseFileReader {
  /** The commit read from, or undefined when the workspace itself governs (push, schedule, dispatch). */
  readonly ref: string | undefined;
  /** The file's text, or undefined when it does not exist there. */
  readBaseFile(path: string): Promise<string | undefined>;
}

export interface BaseFilePorts {
  readonly api: Pick<GitHubApi, 'getFileAtRef'>;
  readonly git?: GitPort;
  /** Reads a workspace file safely (see read-target-fs); undefined when it does not exist. */
  readonly readWorkspaceFile: (path: string) => Promise<Uint8Array | undefined>;
}

/**
 * True when a base commit governs the event: whenever the payload names a pull request, whatever the
 * event (pull_request, pull_request_target, pull_request_review, pull_request_review_comment), and
 * for a merge group. Judged by the payload, not a list of event names, so an event added later that
 * carries a pull request cannot fall through to the pull request's own files.
 */
export function baseGoverns(event: EventContext): boolean {
  return event.pullRequest !== undefined || (event.name === 'merge_group' && event.mergeGroup !== undefined);
}

/**
 * The commit whose files govern the run: a pull request's base, a merge group's base. Other events
 * check code already on its branch, so the workspace governs. A pull request without a base commit
 * is refused rather than left to read its own configuration.
 */
export function governingRef(event: EventContext): string | undefined {
  if (event.pullRequest) {
    if (event.pullRequest.baseSha) return event.pullRequest.baseSha;
    throw new UserError(
      `The ${event.name || 'triggering'} event names pull request #${event.pullRequest.number} but not its base commit (pull_request.base.sha), ` +
        'so the configuration and custom policies cannot be read from the base; refusing to take them from the pull request itself.',
    );
  }
  if (event.name === 'merge_group' && event.mergeGroup) return event.mergeGroup.baseSha;
  return undefined;
}

/**
 * A reader of governing files at `ref`: from the local clone when it holds the commit (`git cat-file`),
 * else from the contents API (which a fork's read-only token may call); from the workspace when no
 * ref governs. Larger files than `maxBytes` are refused.
 */
export function createBaseFileReader(
  event: EventContext,
  maxBytes: number,
  ports: BaseFilePorts,
): BaseFileReader {
  const ref = governingRef(event);
  return {
    ref,
    async readBaseFile(path) {
      const clean = path.replace(/^\.\//, '');
      if (clean.startsWith('/') || clean.split('/').includes('..')) {
        throw new UserError(`${path}: governing files are read from inside the repository; use a repository-relative path.`);
      }
      let bytes: Uint8Array | undefined;
      if (!ref) bytes = await ports.readWorkspaceFile(clean);
      else if (ports.git && (await ports.git.hasCommit(ref))) bytes = await ports.git.show(ref, clean);
      else bytes = await ports.api.getFileAtRef(event.owner, event.repo, clean, ref);
      if (bytes === undefined) return undefined;
      const where = ref ? ` at the base commit ${ref.slice(0, 12)}` : '';
      if (bytes.length > maxBytes) throw new UserError(`${clean}${where} is ${bytes.length} bytes, over the ${maxBytes}-byte limit.`);
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new UserError(`${clean}${where} is not UTF-8 text.`);
      }
    },
  };
}

/** A policy directory listing larger than this is refused: a wrong path such as the repository root must not walk it all. */
export const MAX_BASE_LISTED_FILES = 5000;
/** The contents API lists one directory per request; this bounds the requests one listing may make. */
export const MAX_BASE_LISTED_DIRECTORIES = 200;

export interface BaseTreePorts {
  readonly git?: Pick<GitPort, 'hasCommit' | 'listTree'>;
  readonly api: Pick<GitHubApi, 'listDirectoryAtRef'>;
}

/**
 * The regular files under `dir` at commit `ref`, recursively, as repository-relative paths, sorted;
 * undefined when `dir` is not a directory there. From `git ls-tree` when the clone holds the commit,
 * else from the contents API one directory at a time. Listing at the base (not the head) is what keeps
 * a pull request that deletes a policy file from dropping that policy from its own check.
 */
export async function listBaseDirectory(owner: string, repo: string, ref: string, dir: string, ports: BaseTreePorts): Promise<readonly string[] | undefined> {
  const clean = dir.replace(/^\.\//, '').replace(/\/+$/, '');
  if (clean.startsWith('/') || clean.split('/').includes('..')) {
    throw new UserError(`${dir}: policy directories are read from inside the repository; use a repository-relative path.`);
  }
  const tooMany = () => new UserError(`${dir} holds more than ${MAX_BASE_LISTED_FILES} files at the base commit ${ref.slice(0, 12)}; name the policy directory itself.`);
  if (ports.git?.listTree && (await ports.git.hasCommit(ref))) {
    const files = await ports.git.listTree(ref, clean);
    if (files && files.length > MAX_BASE_LISTED_FILES) throw tooMany();
    return files ? [...files].sort() : undefined;
  }
  const list = ports.api.listDirectoryAtRef;
  if (!list) throw new Error('No way to list a directory at the base commit: the clone lacks it and no contents API client was given.');
  const top = await list(owner, repo, clean, ref);
  if (top === undefined) return undefined;
  const files: string[] = [];
  const pending = [...top];
  let directories = 1;
  while (pending.length > 0) {
    const entry = pending.shift() as { type: string; path: string };
    // Symbolic links and submodules are skipped, as the workspace listing skips them.
    if (entry.type === 'file') files.push(entry.path);
    else if (entry.type === 'dir') {
      if (++directories > MAX_BASE_LISTED_DIRECTORIES) throw new UserError(`${dir} holds more than ${MAX_BASE_LISTED_DIRECTORIES} directories at the base commit ${ref.slice(0, 12)}; name the policy directory itself.`);
      pending.push(...((await list(owner, repo, entry.path, ref)) ?? []));
    }
    if (files.length > MAX_BASE_LISTED_FILES) throw tooMany();
  }
  return files.sort();
}
