import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { DEFAULT_PATTERNS } from '../discover/file-patterns.js';
import { DEFAULT_MAX_FILE_BYTES } from '../discover/read-target-fs.js';
import { FAIL_ON_VALUES, SCAN_SCOPE_VALUES, type ActionSettings } from './settings.js';
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
  const pr = payload.pull_request as
    | { number?: number; changed_files?: number; head?: { sha?: string } }
    | undefined;
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
    maxFileBytes: parseByteSize('max-file-size', input('max-file-size'), DEFAULT_MAX_FILE_BYTES),
    ...(jsonReport ? { jsonReportPath: resolve(workspace, jsonReport) } : {}),
    scan: parseChoice('scan', input('scan'), SCAN_SCOPE_VALUES, 'changed'),
    token: input('github-token'),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    repositoryUrl: `${serverUrl}/${owner}/${repo}`,
    eventName,
    owner,
    repo,
    ...(pr && typeof pr.number === 'number'
      ? {
          pullRequest: {
            number: pr.number,
            ...(typeof pr.changed_files === 'number' ? { changedFiles: pr.changed_files } : {}),
            ...(pr.head?.sha ? { headSha: pr.head.sha } : {}),
          },
        }
      : {}),
    sha: env.GITHUB_SHA ?? '',
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
