import { createOctokit, type ApiClientOptions } from '../github/octokit-api.js';
import type { CheckRunCreate, CheckRunUpdate } from './check-run.js';

/** The slice of the Checks API the report stage uses; a port, so tests can run it against a fake server. */
export interface CheckRunApi {
  /** Creates a check run; resolves to its id and page. */
  create(body: CheckRunCreate): Promise<{ readonly id: number; readonly url?: string }>;
  update(id: number, body: CheckRunUpdate): Promise<void>;
}

/**
 * The REST client for the Checks API of `owner/repo`, with the token and API base URL from the
 * action's settings. Failures reject with octokit's RequestError, whose `status` says whether the
 * token lacked the permission (403, or 404 for a token that cannot see the repository's checks).
 * Built on the shared client, so a 5xx, 429 or rate limit is retried as discovery's calls are.
 */
export function createCheckRunApi(token: string, baseUrl: string, owner: string, repo: string, options: ApiClientOptions = {}): CheckRunApi {
  const octokit = createOctokit(token, baseUrl, options);
  return {
    async create(body) {
      const response = await octokit.rest.checks.create({ owner, repo, ...body, output: { ...body.output, annotations: [...body.output.annotations] } });
      // Without an id the run's annotations could not be sent: fail, so annotate falls back to workflow commands.
      if (!Number.isSafeInteger(response.data?.id)) throw new Error('GitHub API: the created check run has no id in the answer.');
      return { id: response.data.id, ...(response.data.html_url ? { url: response.data.html_url } : {}) };
    },
    async update(id, body) {
      await octokit.rest.checks.update({ owner, repo, check_run_id: id, ...body, output: { ...body.output, annotations: [...body.output.annotations] } });
    },
  };
}
