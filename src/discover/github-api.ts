import { createOctokit, type ApiClientOptions } from '../github/octokit-api.js';
import { UserError, describeError } from '../errors.js';
import type { ChangedFileEntry } from './select-changed-files.js';

/** The slice of the GitHub REST API discovery uses; a port so tests can fake it without a server. */
export interface PullRequestFilesApi {
  listPullRequestFiles(owner: string, repo: string, pullNumber: number): Promise<ChangedFileEntry[]>;
}

/** Everything discovery and the base-commit reader ask of GitHub. All of it works with a read-only token. */
export interface GitHubApi extends PullRequestFilesApi {
  /**
   * Files changed from `base` to `head` (the compare API: one request, at most 300 files), or
   * undefined when GitHub's answer holds no file list for commits that differ: the field is optional
   * in its schema, and an absent list is not an empty change.
   */
  compareCommits(owner: string, repo: string, base: string, head: string): Promise<ChangedFileEntry[] | undefined>;
  /** A file's bytes at a commit (the contents API), or undefined when it does not exist there. */
  getFileAtRef(owner: string, repo: string, path: string, ref: string): Promise<Uint8Array | undefined>;
  /** The entries of one directory at a commit (the contents API), or undefined when it is not a directory there. */
  listDirectoryAtRef?(owner: string, repo: string, path: string, ref: string): Promise<readonly DirectoryEntry[] | undefined>;
}

/** One entry of a contents API directory listing: GitHub's `type` is file, dir, symlink or submodule. */
export interface DirectoryEntry {
  readonly type: string;
  readonly path: string;
}

/** GitHub caps "list pull request files" at this many entries, whatever the pull request holds. */
export const PULL_REQUEST_FILES_API_CAP = 3000;
/** Pages of 100 that hold GitHub's cap, plus one: a list that keeps going past it is not GitHub's. */
const MAX_PULL_REQUEST_FILE_PAGES = PULL_REQUEST_FILES_API_CAP / 100 + 1;
/** GitHub caps the compare API's file list at this many entries; the list cannot be paged further. */
export const COMPARE_FILES_API_CAP = 300;

export type { ApiClientOptions } from '../github/octokit-api.js';

/**
 * The REST client for the given token and API base URL (GitHub Enterprise Server sets its own), with
 * Octokit's retry plugin (5xx, 429) and throttling plugin (primary and secondary rate limits).
 */
export function createGitHubApi(token: string, baseUrl: string, options: ApiClientOptions = {}): GitHubApi {
  const octokit = createOctokit(token, baseUrl, options);
  return {
    async listPullRequestFiles(owner, repo, pullNumber) {
      // Follows the Link header page by page (100 per page, GitHub's maximum), as octokit.paginate does,
      // but sees each page as sent: paginate reads an empty or null body as an empty page. GitHub stops
      // at 3,000 files; a Link header that points on past that (a loop, a broken proxy) must not run forever.
      const what = `list the files of pull request #${pullNumber}`;
      const files: unknown[] = [];
      let page: () => Promise<{ data: unknown; headers: { link?: string } }> = () =>
        octokit.rest.pulls.listFiles({ owner, repo, pull_number: pullNumber, per_page: 100 });
      for (let pages = 1; ; pages++) {
        const response = await call(what, page);
        if (!Array.isArray(response.data)) throw malformedAnswer(what, 'a page of the answer is not a list');
        files.push(...(response.data as unknown[]));
        const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.link ?? '')?.[1];
        if (next === undefined) break;
        if (pages >= MAX_PULL_REQUEST_FILE_PAGES) {
          throw new GitHubApiError(
            `GitHub API: listing the files of pull request #${pullNumber} went past ${MAX_PULL_REQUEST_FILE_PAGES} pages, more than GitHub's ${PULL_REQUEST_FILES_API_CAP}-file cap allows (its Link header loops); the file list cannot be trusted.`,
            undefined,
          );
        }
        page = () => octokit.request({ method: 'GET', url: next });
      }
      return toEntries(what, files);
    },
    async compareCommits(owner, repo, base, head) {
      // One request: the file list of a comparison is not paginated (pages only walk its commits).
      const what = `compare ${base.slice(0, 12)}...${head.slice(0, 12)}`;
      const response = await call(what, () => octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 }));
      const data = response.data as { status?: unknown; files?: unknown };
      if (Array.isArray(data.files)) return toEntries(what, data.files);
      // Only identical commits make "no file list" mean "nothing changed"; the caller decides the rest.
      return data.status === 'identical' ? [] : undefined;
    },
    async listDirectoryAtRef(owner, repo, path, ref) {
      try {
        const response = await octokit.rest.repos.getContent({ owner, repo, path, ref });
        const data: unknown = response.data;
        // A single entry (a file, a link, a submodule) is GitHub's answer for what is not a directory.
        if (!Array.isArray(data)) {
          if (typeof (data as { type?: unknown } | null)?.type === 'string') return undefined;
          throw malformedAnswer(`list ${path} at ${ref.slice(0, 12)}`, 'the answer is neither a listing nor an entry');
        }
        return data.map((entry: { type?: unknown; path?: unknown } | null) => {
          if (typeof entry?.type !== 'string' || typeof entry.path !== 'string' || entry.path === '') {
            throw malformedAnswer(`list ${path} at ${ref.slice(0, 12)}`, 'an entry has no type or path');
          }
          return { type: entry.type, path: entry.path };
        });
      } catch (thrown) {
        if (statusOf(thrown) === 404) return undefined;
        if (thrown instanceof GitHubApiError) throw thrown;
        throw apiError(`list ${path} at ${ref.slice(0, 12)}`, thrown);
      }
    },
    async getFileAtRef(owner, repo, path, ref) {
      try {
        const response = await octokit.rest.repos.getContent({ owner, repo, path, ref });
        const data = response.data as { type?: string; encoding?: string; content?: string };
        if (Array.isArray(response.data) || data.type !== 'file') {
          throw new UserError(`${path} at ${ref.slice(0, 12)} is not a file.`);
        }
        if (data.encoding !== 'base64' || typeof data.content !== 'string') {
          throw new UserError(`${path} at ${ref.slice(0, 12)} is too large for the contents API (no inline content).`);
        }
        return new Uint8Array(Buffer.from(data.content, 'base64'));
      } catch (thrown) {
        if (statusOf(thrown) === 404) return undefined;
        if (thrown instanceof UserError) throw thrown;
        throw apiError(`read ${path} at ${ref.slice(0, 12)}`, thrown);
      }
    },
  };
}

/** GitHub's file entries, each checked: one without a name or a status cannot be judged, so the list is refused. */
function toEntries(what: string, files: readonly unknown[]): ChangedFileEntry[] {
  return files.map((file) => {
    const f = file as { filename?: unknown; status?: unknown; previous_filename?: unknown } | null;
    if (typeof f?.filename !== 'string' || f.filename === '' || typeof f.status !== 'string') {
      throw malformedAnswer(what, 'a file entry has no filename or status');
    }
    const previous = typeof f.previous_filename === 'string' && f.previous_filename !== '' ? { previous_filename: f.previous_filename } : {};
    return { filename: f.filename, status: f.status, ...previous };
  });
}

/** An answer that is not the shape GitHub documents (a broken proxy, an API change): the run stops rather than guess. */
function malformedAnswer(what: string, problem: string): GitHubApiError {
  return new GitHubApiError(`GitHub API: could not ${what}: ${problem}, so the answer cannot be trusted.`, undefined);
}

async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (thrown) {
    throw apiError(what, thrown);
  }
}

/** A GitHub API call that still failed after the retry and throttling plugins gave up. */
export class GitHubApiError extends UserError {
  constructor(
    message: string,
    /** The HTTP status, when GitHub answered at all. */
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

/** A final API failure (after the plugins' retries) fails the run with GitHub's own message. */
function apiError(what: string, thrown: unknown): GitHubApiError {
  const status = statusOf(thrown);
  const hint =
    status === 403 || status === 404
      ? ' Check that the token can read the repository (permissions: contents: read, pull-requests: read).'
      : '';
  return new GitHubApiError(`GitHub API: could not ${what}${status ? ` (HTTP ${status})` : ''}: ${describeError(thrown)}.${hint}`, status);
}

function statusOf(thrown: unknown): number | undefined {
  const status = (thrown as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

