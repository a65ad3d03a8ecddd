import { getOctokit } from '@actions/github';
import type { ChangedFileEntry } from './select-changed-files.js';

/** The slice of the GitHub REST API discovery uses; a port so tests can fake it without a server. */
export interface PullRequestFilesApi {
  listPullRequestFiles(owner: string, repo: string, pullNumber: number): Promise<ChangedFileEntry[]>;
}

/** GitHub caps "list pull request files" at this many entries, whatever the pull request holds. */
export const PULL_REQUEST_FILES_API_CAP = 3000;

/** The REST client for the given token and API base URL (GitHub Enterprise Server sets its own). */
export function createPullRequestFilesApi(token: string, baseUrl: string): PullRequestFilesApi {
  const octokit = getOctokit(token, { baseUrl });
  return {
    async listPullRequestFiles(owner, repo, pullNumber) {
      // paginate follows the Link header page by page (100 per page, GitHub's maximum).
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        owner,
        repo,
        pull_number: pullNumber,
        per_page: 100,
      });
      return files.map((f) => ({
        filename: f.filename,
        status: f.status,
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
      }));
    },
  };
}
