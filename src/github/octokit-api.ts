import { Octokit as OctokitCore } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { UserError } from '../errors.js';
import { nodeHttpFetch } from './node-http-fetch-io.js';
import * as runner from './runner-io.js';

export interface ApiClientOptions {
  /**
   * Milliseconds per unit of the retry plugins' back-off (they wait 1, 4, 9 units after failures,
   * or what Retry-After says). GitHub's guidance is seconds; only tests shorten it.
   */
  readonly retryBaseMs?: number;
  /** Milliseconds one request (answer and body) may take before it is abandoned and retried; only tests shorten it. */
  readonly timeoutMs?: number;
  /** Where retries and rate-limit waits are logged; the runner's log by default. */
  readonly log?: (line: string) => void;
}

/** How many times a request is retried after a 5xx, 429, timeout or secondary rate limit before it fails. */
export const API_RETRIES = 3;

/**
 * How long one request may go unanswered. GitHub answers REST calls in well under a second and
 * itself gives up on a request after 10 s; 30 s leaves room for a slow proxy or GHES while keeping
 * the worst case (four attempts plus back-off) to about two and a half minutes, not the job's six hours.
 */
export const API_TIMEOUT_MS = 30_000;

/** Octokit with the REST methods and pagination, as @actions/github's `getOctokit` assembles it. */
const RestOctokit = OctokitCore.plugin(restEndpointMethods, paginateRest);

/** The Octokit client every API port is built on. */
export type Octokit = InstanceType<typeof RestOctokit>;

/** The part of a client the hooks use (plugins receive the core client, without the REST methods). */
type Client = Pick<Octokit, 'hook' | 'request'>;

/** What the factory needs from the action's settings (only tests set either field). */
export interface ApiClientSettings {
  readonly apiRetryBaseMs?: number | undefined;
  readonly apiTimeoutMs?: number | undefined;
}

/** The client options for the action's settings. */
export function apiClientOptions(settings: ApiClientSettings): ApiClientOptions {
  return {
    ...(settings.apiRetryBaseMs ? { retryBaseMs: settings.apiRetryBaseMs } : {}),
    ...(settings.apiTimeoutMs ? { timeoutMs: settings.apiTimeoutMs } : {}),
  };
}

/**
 * A request that got no answer (or no whole body) within the timeout, on every attempt. A user
 * error: the network or GitHub is at fault, and re-running the job is the fix.
 */
export class GitHubTimeoutError extends UserError {
  constructor(
    /** `METHOD /path` of the request. */
    readonly endpoint: string,
    readonly timeoutMs: number,
    readonly attempts: number,
  ) {
    super(
      `${endpoint} got no answer within ${seconds(timeoutMs)} on ${attempts} attempt(s); check GitHub's status and the runner's network or proxy to the API, then re-run the job`,
    );
  }
}

/**
 * The one REST client factory of the action, for the given token and API base URL (GitHub Enterprise
 * Server sets its own), with Octokit's retry plugin (5xx, 429) and throttling plugin (primary and
 * secondary rate limits), so discovery, base-commit reads and check runs ride out the same faults.
 * Every attempt is bounded by a timeout and retried like a 5xx when it runs out; every retry and
 * rate-limit wait is logged with the endpoint, the status and the attempt.
 */
export function createOctokit(token: string, baseUrl: string, options: ApiClientOptions = {}): Octokit {
  const baseMs = options.retryBaseMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? API_TIMEOUT_MS;
  const log = options.log ?? ((line: string) => runner.info(line));
  const onLimit = (kind: string) => (after: number, request: unknown, octokit: Client, retryCount: number) => {
    const retrying = retryCount < API_RETRIES;
    log(`GitHub API: ${kind} on ${endpointOf(octokit, request)}; ${retrying ? `waiting ${after} s, then retrying` : `giving up after ${retryCount} retries`}.`);
    return retrying;
  };
  // Plugins apply in order and each wraps the request hooks before it: the guard comes first so
  // that it sits inside the retry and throttling plugins and bounds each attempt, not the sum.
  const ActionOctokit = RestOctokit.plugin((client: Client) => guardAttempts(client, timeoutMs, log), retry, throttling);
  const octokit: Octokit = new ActionOctokit({
    ...authOptions(token),
    baseUrl,
    request: { fetch: (proxyConfigured(process.env) ? proxyFetch : nodeHttpFetch) as unknown as typeof fetch },
    retry: { retries: API_RETRIES, retryAfterBaseValue: baseMs },
    throttle: { onRateLimit: onLimit('rate limit reached'), onSecondaryRateLimit: onLimit('secondary rate limit'), retryAfterBaseValue: baseMs },
  });
  // Outermost: the retries are over; a request that timed out every time becomes a clear user error.
  octokit.hook.error('request', (error) => {
    const timeout = (error as { timeout?: unknown }).timeout;
    throw timeout instanceof GitHubTimeoutError ? timeout : error;
  });
  return octokit;
}

/** The token and user agent as @actions/github's `getOctokitOptions` sets them. */
function authOptions(token: string): { auth: string; userAgent?: string } {
  if (!token) throw new Error('Parameter token or opts.auth is required');
  // The runner names the job's orchestration in ACTIONS_ORCHESTRATION_ID; GitHub reads it from the user agent.
  const orchestration = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  return { auth: `token ${token}`, ...(orchestration ? { userAgent: `actions_orchestration_id/${orchestration.replace(/[^a-z0-9_.-]/gi, '_')}` } : {}) };
}

/**
 * True when the runner names an HTTP(S) proxy. Only then are requests sent through @actions/github's
 * proxy-aware fetch (undici with a ProxyAgent, in a chunk of the bundle loaded on the first request);
 * without a proxy that is a plain fetch, which `nodeHttpFetch` does at a fraction of the start-up cost.
 */
export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY);
}

/** @actions/github's fetch: through the proxy that applies to the API's URL (none for `no_proxy` hosts). */
async function proxyFetch(url: string, init: RequestInit): Promise<Response> {
  const { defaults } = await import('@actions/github/lib/utils');
  return (defaults.request as { fetch: typeof fetch }).fetch(url, init);
}

/** Per request (one `options` object lives through all its attempts): attempts made and the last failure. */
interface AttemptState {
  attempts: number;
  lastFailure?: string;
}

/**
 * The innermost request hook: gives each attempt its own abort timer and logs each retry. A timeout is
 * thrown in the shape of Octokit's RequestError with status 500, which the retry plugin retries.
 */
function guardAttempts(octokit: Client, timeoutMs: number, log: (line: string) => void): Record<string, never> {
  const states = new WeakMap<object, AttemptState>();
  octokit.hook.wrap('request', async (request, options) => {
    const state = states.get(options) ?? { attempts: 0 };
    states.set(options, state);
    state.attempts++;
    const endpoint = endpointOf(octokit, options);
    if (state.lastFailure !== undefined) log(`GitHub API: retrying ${endpoint} (attempt ${state.attempts}) after ${state.lastFailure}.`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${seconds(timeoutMs)}`)), timeoutMs);
    // The hooks share one options object, so the signal is set on it (a copy of `request`: Octokit may
    // share that object between calls).
    options.request = { ...options.request, signal: controller.signal };
    try {
      const response = await request(options);
      // Octokit swallows an error while reading the body (it returns ""), so a body cut off by the
      // timer would pass for an empty answer; and a JSON answer that does not parse is as broken.
      if (controller.signal.aborted) throw controller.signal.reason;
      if (typeof response.data === 'string' && /\bjson\b/i.test(String(response.headers['content-type']))) {
        throw Object.assign(new Error(`${endpoint}: the answer is not valid JSON`), { status: 500, request: { ...options } });
      }
      return response;
    } catch (thrown) {
      if (controller.signal.aborted) {
        state.lastFailure = `no answer within ${seconds(timeoutMs)}`;
        throw Object.assign(new Error(`${endpoint}: no answer within ${seconds(timeoutMs)}`), {
          status: 500,
          // A copy: the retry plugin writes its bookkeeping into the error's request options.
          request: { ...options },
          timeout: new GitHubTimeoutError(endpoint, timeoutMs, state.attempts),
        });
      }
      const status = (thrown as { status?: unknown }).status;
      state.lastFailure = `${typeof status === 'number' ? `HTTP ${status}: ` : ''}${oneLine(thrown)}`;
      throw thrown;
    } finally {
      clearTimeout(timer);
    }
  });
  return {};
}

/** `METHOD /path` of a request's options, without the query or host (never any credentials). */
function endpointOf(octokit: Client, options: unknown): string {
  try {
    const parsed = octokit.request.endpoint.parse(options as Parameters<Octokit['request']['endpoint']['parse']>[0]);
    return `${parsed.method} ${new URL(parsed.url, 'http://api.invalid').pathname}`;
  } catch {
    return 'a request';
  }
}

/** An error's message on one line and short: the log line must stay one line whatever the server said. */
function oneLine(thrown: unknown): string {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
