import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { pullRequestPayload, runBundledAction } from '../support/run-action.js';
import { checkOut } from '../support/git-repo.js';
import { writeTree } from '../support/temp-tree.js';

const VIOLATING_DOCKERFILE = ['FROM node:latest', 'WORKDIR /app', 'COPY . .', 'CMD ["node", "server.js"]', ''].join('\n');
const NODE_IMAGE = 'node:20.20.2-alpine@sha256:fb4cd12c85ee03686f6af5362a0b0d56d50c58a04632e6c0fb8363f609372293';
/** Passes every built-in rule, warnings included. */
const CLEAN_DOCKERFILE = [
  `FROM ${NODE_IMAGE} AS build`,
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci --omit=dev',
  'COPY . .',
  '',
  `FROM ${NODE_IMAGE}`,
  'WORKDIR /app',
  'COPY --from=build /app /app',
  'USER 1000:1000',
  'EXPOSE 3000',
  'HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:3000/health || exit 1',
  'CMD ["node", "/app/server.js"]',
  '',
].join('\n');
/** Hardened services (limits, read-only, no capabilities, ...) of which one is privileged and mounts the docker socket. */
const PRIVILEGED_COMPOSE = [
  'x-hardened: &hardened', //                                  1
  '  read_only: true',
  '  user: "10001:10001"',
  '  cap_drop: [ALL]',
  '  security_opt: ["no-new-privileges:true"]', //              5
  '  mem_limit: 256m',
  '  cpus: 0.5',
  '  pids_limit: 100',
  '  restart: on-failure:3',
  '  logging: { driver: json-file, options: { max-size: 10m } }', // 10
  '  healthcheck: { test: ["CMD", "/healthcheck"], interval: 30s }',
  'services:',
  '  web:',
  '    <<: *hardened',
  '    image: ghcr.io/acme/web:1.4.2', //                        15
  '  agent:',
  '    <<: *hardened',
  '    image: ghcr.io/acme/agent:2.1.0',
  '    privileged: true',
  '    volumes:', //                                             20
  '      - /var/run/docker.sock:/var/run/docker.sock',
  '',
].join('\n');

describe('bundled action on a pull_request event', () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());

  it('annotates violations on their lines, writes the summary and outputs, and fails', async () => {
    const files: FakePullFile[] = [
      { filename: 'services/api/Dockerfile', status: 'modified' },
      { filename: 'README.md', status: 'modified' },
      { filename: 'deploy/compose.yaml', status: 'added' },
      { filename: 'old/Dockerfile', status: 'removed' },
      { filename: 'web/Dockerfile', status: 'renamed', previous_filename: 'legacy/Dockerfile' },
      { filename: 'src/app.js', status: 'modified' },
    ];
    github.pullRequestFiles('octo-org', 'shop', 7, files, 2);
    const workspace = writeTree({
      'services/api/Dockerfile': VIOLATING_DOCKERFILE,
      'deploy/compose.yaml': PRIVILEGED_COMPOSE,
      'web/Dockerfile': CLEAN_DOCKERFILE,
      'README.md': '# shop\n',
      'src/app.js': '',
      // Not part of the pull request: must not be checked.
      'unchanged/Dockerfile': 'FROM ubuntu\n',
    });
    const run = await runBundledAction({ workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(7, files.length) });

    assert.equal(run.code, 1, run.stdout + run.stderr);
    // Every page of the file list was fetched, with the token.
    const pages = github.requests.filter((r) => r.url.startsWith('/repos/octo-org/shop/pulls/7/files'));
    assert.equal(pages.length, 3);
    assert.equal(pages[0]?.headers.authorization, 'token ghs_fake_token_for_tests');

    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning) file=/.test(l));
    const at = (file: string, line: number, rule: string) =>
      annotations.some((a) => a.includes(`file=${file},`) && a.includes(`line=${line},`) && a.includes(rule));
    assert.ok(at('services/api/Dockerfile', 1, 'CPD001'), annotations.join('\n'));
    assert.ok(at('services/api/Dockerfile', 1, 'CPD002'), annotations.join('\n'));
    assert.ok(at('deploy/compose.yaml', 19, 'CPC001'), annotations.join('\n'));
    assert.ok(at('deploy/compose.yaml', 21, 'CPC002'), annotations.join('\n'));
    // Only the pull request's changed Dockerfile and compose file are annotated; the clean one is not.
    const annotated = new Set(annotations.map((a) => /file=([^,]+),/.exec(a)?.[1]));
    assert.deepEqual([...annotated].sort(), ['deploy/compose.yaml', 'services/api/Dockerfile'], annotations.join('\n'));
    // The errors are exactly the denials: the four spine rules, the socket once (CPC002, not also CPC005).
    const errors = annotations.filter((a) => a.startsWith('::error ')).map((a) => `${/file=([^,]+),line=(\d+)/.exec(a)?.slice(1).join(':')} ${/title=(CP[CD]\d{3})/.exec(a)?.[1]}`);
    assert.deepEqual(errors.sort(), [
      'deploy/compose.yaml:19 CPC001',
      'deploy/compose.yaml:21 CPC002',
      'services/api/Dockerfile:1 CPD001',
      'services/api/Dockerfile:1 CPD002',
    ]);

    assert.match(run.summary, /CPD001/);
    assert.match(run.summary, /CPC002/);
    assert.match(run.summary, /5\.32/, 'the summary names the CIS control the docker socket rule maps to');
    assert.equal(run.outputs.verdict, 'fail');
    assert.equal(run.outputs.denials, '4');
    assert.equal(run.outputs['files-checked'], '3');
    assert.match(run.stdout, /::error::Container policy check failed/);
  });

  it('passes a clean change and says so', async () => {
    const files: FakePullFile[] = [{ filename: 'web/Dockerfile', status: 'modified' }];
    github.pullRequestFiles('octo-org', 'shop', 8, files);
    const workspace = writeTree({ 'web/Dockerfile': CLEAN_DOCKERFILE, 'other/Dockerfile': VIOLATING_DOCKERFILE });
    const run = await runBundledAction({ workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(8, 1) });

    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /^::(error|warning)/m);
    assert.equal(run.outputs.verdict, 'pass');
    assert.equal(run.outputs.findings, '0');
    assert.equal(run.outputs['files-checked'], '1');
    assert.match(run.summary, /pass/i);
  });

  it('reports files it cannot parse, fails, and still checks the others', async () => {
    const files: FakePullFile[] = [
      { filename: 'bin/Dockerfile', status: 'added' },
      { filename: 'empty/Dockerfile', status: 'added' },
      { filename: 'broken/compose.yaml', status: 'added' },
      { filename: 'list/compose.yml', status: 'added' },
      { filename: 'web/Dockerfile', status: 'added' },
      { filename: 'api/Dockerfile', status: 'added' },
    ];
    github.pullRequestFiles('octo-org', 'shop', 9, files);
    const workspace = writeTree({
      'bin/Dockerfile': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff]),
      'empty/Dockerfile': '',
      'broken/compose.yaml': 'services:\n  web:\n    image: [unclosed\n',
      'list/compose.yml': '- a\n- b\n',
      'web/Dockerfile': CLEAN_DOCKERFILE,
      'api/Dockerfile': VIOLATING_DOCKERFILE,
    });
    const run = await runBundledAction({ workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(9, files.length) });

    assert.equal(run.code, 1, run.stdout + run.stderr);
    for (const path of ['bin/Dockerfile', 'empty/Dockerfile', 'broken/compose.yaml', 'list/compose.yml']) {
      assert.match(run.stdout, new RegExp(`::error file=${path.replace('.', '\\.')}`), `an error annotation for ${path}`);
    }
    assert.match(run.stdout, /file=api\/Dockerfile,line=1,.*CPD001/);
    assert.equal(run.outputs.errors, '4');
    assert.equal(run.outputs.verdict, 'fail');
  });

  it('checks the whole workspace on a push event', async () => {
    const workspace = writeTree({ 'a/Dockerfile': VIOLATING_DOCKERFILE, '.devcontainer/Dockerfile': CLEAN_DOCKERFILE, 'b/notes.txt': 'x' });
    const before = github.requests.length;
    const run = await runBundledAction({ workspace, apiUrl: github.url, eventName: 'push', payload: { ref: 'refs/heads/main' } });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.outputs['files-checked'], '2');
    // Only the attempt to create a check run (this fake has no Checks API, so it answers 404).
    const calls = github.requests.slice(before).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(calls, ['POST /repos/octo-org/shop/check-runs'], 'no other API call is needed for a full scan');
  });

  it('fails closed when GitHub lists fewer files than the pull request changed', async () => {
    github.pullRequestFiles('octo-org', 'shop', 10, [{ filename: 'web/Dockerfile', status: 'modified' }]);
    const workspace = writeTree({ 'web/Dockerfile': CLEAN_DOCKERFILE });
    const run = await runBundledAction({ workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(10, 3500) });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /refusing to pass on a partial list/);
  });
});
