import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export interface ApiClientOptions {
  /**
   * Milliseconds per unit of the retry plugins' back-off (they wait 1, 4, 9 units after failures,
   * or what Retry-After says). GitHub's guidance is seconds; only tests shorten it.
   */
  readonly retryBaseMs?: number;
}

/** How many times a request is retried after a 5xx, 429 or secondary rate limit before it fails. */
export const API_RETRIES = 3;

/** The Octokit client every API port is built on. */
export type Octokit = ReturnType<typeof getOctokit>;

/**
 * The one REST client factory of the action, for the given token and API base URL (GitHub Enterprise
 * Server sets its own), with Octokit's retry plugin (5xx, 429) and throttling plugin (primary and
 * secondary rate limits), so discovery, base-commit reads and check runs ride out the same faults.
 */
export function createOctokit(token: string, baseUrl: string, options: ApiClientOptions = {}): Octokit {
  const baseMs = options.retryBaseMs ?? 1000;
  const retryRateLimit = (_after: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < API_RETRIES;
  return getOctokit(
    token,
    {
      baseUrl,
      retry: { retries: API_RETRIES, retryAfterBaseValue: baseMs },
      throttle: { onRateLimit: retryRateLimit, onSecondaryRateLimit: retryRateLimit, retryAfterBaseValue: baseMs },
    },
    retry,
    throttling,
  );
}
