import { createOctokit, type ApiClientOptions } from '../github/octokit-api.js';
import { UserError, describeError } from '../errors.js';
import type { ChangedFileEntry } from './select-changed-files.js';

/** The slice of the GitHub REST API discovery uses; a port so tests can fake it without a server. */
export interface PullRequestFilesApi {
  listPullRequestFiles(owner: string, repo: string, pullNumber: number): Promise<ChangedFileEntry[]>;
}

/** Everything discovery and the base-commit reader ask of GitHub. All of it works with a read-only token. */
export interface GitHubApi extends PullRequestFilesApi {
  /** Files changed from `base` to `head` (the compare API: one request, at most 300 files). */
  compareCommits(owner: string, repo: string, base: string, head: string): Promise<ChangedFileEntry[]>;
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
      // paginate follows the Link header page by page (100 per page, GitHub's maximum). GitHub stops at
      // 3,000 files; a Link header that points on past that (a loop, a broken proxy) must not run forever.
      let pages = 0;
      const files = await call(`list the files of pull request #${pullNumber}`, () =>
        octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 }, (response, done) => {
          if (++pages > MAX_PULL_REQUEST_FILE_PAGES) done();
          return response.data;
        }),
      );
      if (pages > MAX_PULL_REQUEST_FILE_PAGES) {
        throw new GitHubApiError(
          `GitHub API: listing the files of pull request #${pullNumber} went past ${MAX_PULL_REQUEST_FILE_PAGES} pages, more than GitHub's ${PULL_REQUEST_FILES_API_CAP}-file cap allows (its Link header loops); the file list cannot be trusted.`,
          undefined,
        );
      }
      return files.map(toEntry);
    },
    async compareCommits(owner, repo, base, head) {
      // One request: the file list of a comparison is not paginated (pages only walk its commits).
      const response = await call(`compare ${base.slice(0, 12)}...${head.slice(0, 12)}`, () =>
        octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 }),
      );
      return (response.data.files ?? []).map(toEntry);
    },
    async listDirectoryAtRef(owner, repo, path, ref) {
      try {
        const response = await octokit.rest.repos.getContent({ owner, repo, path, ref });
        if (!Array.isArray(response.data)) return undefined;
        return response.data.map((entry) => ({ type: entry.type, path: entry.path }));
      } catch (thrown) {
        if (statusOf(thrown) === 404) return undefined;
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

function toEntry(f: { filename: string; status: string; previous_filename?: string }): ChangedFileEntry {
  return { filename: f.filename, status: f.status, ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}) };
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

