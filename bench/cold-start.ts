// Section 1: the bundled action started as the runner starts it (node24, inputs as INPUT_*
// variables, event payload file, summary and output files), against the local fake GitHub API, for
// a pull request changing one Dockerfile and one compose file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../__tests__/support/fake-github.js';
import { checkOut } from '../__tests__/support/git-repo.js';
import { DEFAULT_INPUTS, pullRequestPayload } from '../__tests__/support/run-action.js';
import { SCRATCH } from './lib/corpus.js';
import { medianOf, runMeasured } from './lib/measure.js';
import { mbInMiB, mbTarget, mib, ms, type Row } from './lib/table.js';
import { ACTION_ENTRY, NODE } from './lib/tools.js';

const DOCKERFILE = [
  'FROM node:20.11-alpine AS build',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci --omit=dev && npm cache clean --force',
  'COPY . .',
  'FROM node:20.11-alpine',
  'USER node',
  'COPY --from=build /app /app',
  'HEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1',
  'CMD ["node", "/app/server.js"]',
  '',
].join('\n');
const COMPOSE = [
  'services:',
  '  web:',
  '    build: .',
  '    image: acme/web:1.4.2',
  '    ports: ["127.0.0.1:3000:3000"]',
  '    read_only: true',
  '  db:',
  '    image: postgres:16.2',
  '    environment:',
  '      POSTGRES_PASSWORD_FILE: /run/secrets/db',
  '',
].join('\n');

export const COLD_TARGETS = { wallMs: 300, rssMB: 120 };

export async function coldStart(repeats: number): Promise<Row[]> {
  mkdirSync(SCRATCH, { recursive: true });
  const workspace = mkdtempSync(join(SCRATCH, 'cold-ws-'));
  writeFileSync(join(workspace, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(workspace, 'compose.yaml'), COMPOSE);
  // A checkout of one commit, as actions/checkout leaves a pull_request run: the action requires the
  // workspace to hold the pull request's code, and GITHUB_SHA names the merge commit it checked out.
  const sha = checkOut(workspace);
  const github = new FakeGitHub()
    .pullRequestFiles('octo-org', 'shop', 7, [
      { filename: 'Dockerfile', status: 'modified' },
      { filename: 'compose.yaml', status: 'added' },
    ])
    .checkRunsApi('octo-org', 'shop');
  const scratch = mkdtempSync(join(SCRATCH, 'cold-runner-'));
  await github.start();
  try {
    const eventPath = join(scratch, 'event.json');
    writeFileSync(eventPath, JSON.stringify(pullRequestPayload(7, 2)));
    const once = () => {
      writeFileSync(join(scratch, 'summary.md'), '');
      writeFileSync(join(scratch, 'output.txt'), '');
      return runMeasured(NODE, [ACTION_ENTRY], { cwd: workspace, env: runnerEnv(github.url, workspace, scratch, eventPath, sha), okCodes: [0, 1] });
    };
    const first = await once();
    const outputs = readFileSync(join(scratch, 'output.txt'), 'utf8');
    if (!/files-checked<<[^\n]+\n2\n/.test(outputs)) {
      throw new Error(`the action did not check the two files:\n${first.stdout.slice(-1500)}\n${first.stderr.slice(-1500)}`);
    }
    const result = await medianOf(repeats, once);
    return [
      { section: '1 cold start', measure: `wall, 1 Dockerfile + 1 compose file PR (median of ${repeats})`, value: ms(result.wallMs), target: `≤ ${COLD_TARGETS.wallMs} ms`, ok: result.wallMs <= COLD_TARGETS.wallMs },
      { section: '1 cold start', measure: 'peak RSS', value: mib(result.peakRssMiB, 1), target: mbTarget(COLD_TARGETS.rssMB), ok: result.peakRssMiB <= mbInMiB(COLD_TARGETS.rssMB) },
    ];
  } finally {
    await github.stop();
    // Each run's own directories, so that runs do not pile them up in the scratch directory.
    for (const dir of [workspace, scratch]) rmSync(dir, { recursive: true, force: true });
  }
}

/** The environment the runner gives a JavaScript action's process. */
function runnerEnv(apiUrl: string, workspace: string, scratch: string, eventPath: string, sha: string): NodeJS.ProcessEnv {
  const inputs: Record<string, string> = {
    ...DEFAULT_INPUTS,
    'github-token': 'ghs_fake_token_for_benchmarks',
    config: '.github/container-policy.yml',
  };
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    // To profile the action as the bench runs it: BENCH_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=…'.
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: join(scratch, 'summary.md'),
    GITHUB_OUTPUT: join(scratch, 'output.txt'),
    GITHUB_SHA: sha,
    RUNNER_TEMP: scratch,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}
