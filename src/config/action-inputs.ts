import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { DEFAULT_PATTERNS } from '../discover/file-patterns.js';
import { DEFAULT_MAX_FILE_BYTES } from '../file-size.js';
import { FAIL_ON_VALUES, FRAMEWORK_VALUES, SCAN_SCOPE_VALUES, type ActionSettings, type ExplicitSetting } from './settings.js';
import { DEFAULT_CONFIG_PATH } from './config-file.js';
import { parseByteSize, parseChoice, parseList } from './parse-values.js';

/** Reads one action input by its name in action.yml (the runner passes `INPUT_<NAME>`). */
export type InputReader = (name: string) => string;

/**
 * Builds the action's settings from its inputs and the runner's environment, once. Nothing else in
 * the action reads inputs or GITHUB_* variables.
 */
export function readActionSettings(input: InputReader, env: NodeJS.ProcessEnv): ActionSettings {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const payload = readEventPayload(env.GITHUB_EVENT_PATH);
  const pullRequest = readPullRequest(payload, eventName);
  const eventShas = readEventShas(payload);
  const include = parseList(input('include'));
  const exclude = parseList(input('exclude'));
  const dockerfile = parseList(input('dockerfile-patterns'));
  const compose = parseList(input('compose-patterns'));
  const jsonReport = input('json-report').trim();
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    workspace,
    patterns: {
      dockerfile: dockerfile.length > 0 ? dockerfile : DEFAULT_PATTERNS.dockerfile,
      compose: compose.length > 0 ? compose : DEFAULT_PATTERNS.compose,
    },
    failOn: parseChoice('fail-on', input('fail-on'), FAIL_ON_VALUES, 'deny'),
    allowErrors: parseChoice('allow-errors', input('allow-errors'), ['true', 'false'], 'false') === 'true',
    maxFileBytes: parseByteSize('max-file-size', input('max-file-size'), DEFAULT_MAX_FILE_BYTES),
    ...(jsonReport ? { jsonReportPath: resolve(workspace, jsonReport) } : {}),
    ...reportInputs(input, workspace),
    ...configInputs(input, dockerfile.length > 0, compose.length > 0),
    scan: parseChoice('scan', input('scan'), SCAN_SCOPE_VALUES, 'changed'),
    token: input('github-token'),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    repositoryUrl: `${serverUrl}/${owner}/${repo}`,
    eventName,
    owner,
    repo,
    ...(pullRequest ? { pullRequest } : {}),
    sha: env.GITHUB_SHA ?? '',
    ...(include.length > 0 || exclude.length > 0 ? { pathScope: { include: include.length > 0 ? include : ['**'], exclude } } : {}),
    ...eventShas,
    ...(env.CONTAINER_POLICY_API_RETRY_BASE_MS ? { apiRetryBaseMs: Number(env.CONTAINER_POLICY_API_RETRY_BASE_MS) || 1000 } : {}),
    ...(env.CONTAINER_POLICY_API_TIMEOUT_MS ? { apiTimeoutMs: Number(env.CONTAINER_POLICY_API_TIMEOUT_MS) || undefined } : {}),
  };
}

/**
 * The pull request the payload names, whatever the event: a review or review comment carries one as
 * a pull_request event does, and its base governs the run as well. A `pull_request` without a number
 * is refused: read as "no pull request", it would let the change govern its own check.
 */
function readPullRequest(payload: Record<string, unknown>, eventName: string): ActionSettings['pullRequest'] {
  if (payload.pull_request === undefined || payload.pull_request === null) return undefined;
  const pr = payload.pull_request as {
    number?: unknown;
    changed_files?: unknown;
    head?: { sha?: unknown };
    base?: { sha?: unknown };
    merge_commit_sha?: unknown;
    user?: { login?: unknown };
  };
  if (typeof pr !== 'object' || typeof pr.number !== 'number') {
    throw new UserError(`The ${eventName || 'triggering'} event's payload has a pull_request without a number; cannot tell which pull request to check.`);
  }
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const headSha = str(pr.head?.sha);
  const baseSha = str(pr.base?.sha);
  const mergeCommitSha = str(pr.merge_commit_sha);
  const author = str(pr.user?.login);
  return {
    number: pr.number,
    ...(typeof pr.changed_files === 'number' ? { changedFiles: pr.changed_files } : {}),
    ...(headSha ? { headSha } : {}),
    ...(baseSha ? { baseSha } : {}),
    ...(mergeCommitSha ? { mergeCommitSha } : {}),
    ...(author ? { author } : {}),
  };
}

/** The commits a push or merge_group event names, and the default branch, from the payload. */
function readEventShas(payload: Record<string, unknown>): Pick<ActionSettings, 'push' | 'mergeGroup' | 'defaultBranch'> {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const group = payload.merge_group as { base_sha?: unknown; head_sha?: unknown } | undefined;
  const before = str(payload.before);
  const after = str(payload.after);
  const groupBase = str(group?.base_sha);
  const groupHead = str(group?.head_sha);
  const defaultBranch = str((payload.repository as { default_branch?: unknown } | undefined)?.default_branch);
  return {
    ...(before && after ? { push: { before, after } } : {}),
    ...(groupBase && groupHead ? { mergeGroup: { baseSha: groupBase, headSha: groupHead } } : {}),
    ...(defaultBranch ? { defaultBranch } : {}),
  };
}

function readEventPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch (thrown) {
    throw new UserError(`Cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${(thrown as Error).message}`);
  }
}

/** The configuration and custom-policy inputs, and which settings the inputs gave explicitly. */
function configInputs(input: InputReader, dockerfile: boolean, compose: boolean): Partial<ActionSettings> {
  const configPath = input('config').trim();
  const namespaces = parseList(input('namespace'));
  const explicit: ExplicitSetting[] = [];
  if (input('fail-on').trim() !== '') explicit.push('failOn');
  if (dockerfile) explicit.push('dockerfilePatterns');
  if (compose) explicit.push('composePatterns');
  return {
    configPath: configPath || DEFAULT_CONFIG_PATH,
    configPathNamed: configPath !== '' && configPath !== DEFAULT_CONFIG_PATH,
    policyPaths: parseList(input('policy')),
    daemonPolicyPaths: parseList(input('daemon-policy')),
    ...(input('daemon-user').trim() ? { daemonUser: input('daemon-user').trim() } : {}),
    namespaces: namespaces.length > 0 ? namespaces : ['main'],
    explicit,
  };
}

/** The SARIF path and the frameworks the summary maps to (`frameworks`: a list, or empty for all). */
function reportInputs(input: InputReader, workspace: string): Pick<ActionSettings, 'sarifPath' | 'frameworks'> {
  const sarif = input('sarif').trim();
  const frameworks = parseList(input('frameworks')).map((f) => parseChoice('frameworks', f, FRAMEWORK_VALUES, 'cis-docker'));
  return {
    ...(sarif ? { sarifPath: resolve(workspace, sarif) } : {}),
    ...(frameworks.length > 0 ? { frameworks: [...new Set(frameworks)] } : {}),
  };
}
