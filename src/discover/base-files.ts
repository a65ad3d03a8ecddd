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
 * The commit whose files govern the run: a pull request's base, a merge group's base. Other events
 * check code already on its branch, so the workspace governs.
 */
export function governingRef(event: EventContext): string | undefined {
  if ((event.name === 'pull_request' || event.name === 'pull_request_target') && event.pullRequest?.baseSha) {
    return event.pullRequest.baseSha;
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
