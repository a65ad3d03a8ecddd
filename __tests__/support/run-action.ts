import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** PATH with the pinned OPA (tools/opa/bin, built by scripts/opa) first, for runs that compile custom policies. */
export const OPA_PATH = [join(REPO_ROOT, 'tools', 'opa', 'bin'), process.env.PATH ?? ''].join(delimiter);
/** The runtime the action declares (node24); the test runner passes the binary it runs on. */
export const ACTION_NODE = process.env.CONTAINER_POLICY_TEST_NODE ?? process.execPath;

/** The inputs the runner passes when a workflow sets none (action.yml's defaults that the tests rely on). */
export const DEFAULT_INPUTS: Readonly<Record<string, string>> = {
  scan: 'changed',
  'dockerfile-patterns': '',
  'compose-patterns': '',
  'fail-on': 'deny',
  'max-file-size': '2m',
  'json-report': '',
};

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

export interface ActionRunOptions {
  workspace: string;
  apiUrl: string;
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  token?: string;
  /** GITHUB_SHA; for a pull request, the merge commit a default checkout holds (see checkOut). */
  sha?: string;
  extraEnv?: Record<string, string>;
}

/**
 * Runs the bundled dist/index.js in a child process exactly as the runner does: inputs as INPUT_*
 * variables, the event payload in a file, and the summary and output files the runner provides.
 */
export async function runBundledAction(options: ActionRunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'cpa-run-'));
  const eventPath = join(scratch, 'event.json');
  const summaryPath = join(scratch, 'summary.md');
  const outputPath = join(scratch, 'output.txt');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const inputs: Record<string, string> = {
    ...DEFAULT_INPUTS,
    'github-token': options.token ?? 'ghs_fake_token_for_tests',
    ...options.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_SHA: options.sha ?? 'ffffffffffffffffffffffffffffffffffffffff',
    RUNNER_TEMP: scratch,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...options.extraEnv,
  };
  const child = spawn(ACTION_NODE, [join(REPO_ROOT, 'dist', 'index.js')], { cwd: options.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, summary: readFileSync(summaryPath, 'utf8'), outputs: parseOutputFile(readFileSync(outputPath, 'utf8')) };
}

/** Reads the runner's GITHUB_OUTPUT file format: `name<<DELIMITER\nvalue\nDELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

/** A pull_request event payload in GitHub's shape, with the fields the action reads and their neighbours. */
export function pullRequestPayload(number: number, changedFiles: number, author = 'octocat') {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      title: 'Update containers',
      user: { login: author, id: 1, type: 'User' },
      head: { ref: 'feature', sha: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', repo: { full_name: 'octo-org/shop' } },
      base: { ref: 'main', sha: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', repo: { full_name: 'octo-org/shop' } },
      changed_files: changedFiles,
      commits: 1,
      additions: 10,
      deletions: 2,
    },
    repository: { full_name: 'octo-org/shop', name: 'shop', owner: { login: 'octo-org' }, default_branch: 'main' },
    sender: { login: author },
  };
}
