/**
 * Compose projects across discovery, the loader and the reports: a changed override file is checked
 * as its whole project merged, each finding in the file that set the value, once; configured compose
 * variables reach interpolation. Through the bundled action (a pull request) and the CLI.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { pullRequestPayload, runBundledAction } from '../support/run-action.js';
import { checkOut } from '../support/git-repo.js';
import { sink, writeTree } from '../support/temp-tree.js';

/** A service that passes every compose rule; the override below makes it privileged. */
const BASE = [
  'services:', //                                         1
  '  web:',
  '    image: ghcr.io/acme/web:${WEB_TAG:-1.4.2}',
  '    read_only: true',
  '    user: "10001:10001"', //                           5
  '    cap_drop: [ALL]',
  '    security_opt: ["no-new-privileges:true"]',
  '    mem_limit: 256m',
  '    cpus: 0.5',
  '    pids_limit: 100', //                               10
  '    restart: on-failure:3',
  '    logging: { driver: json-file, options: { max-size: 10m } }',
  '    healthcheck: { test: ["CMD", "/healthcheck"], interval: 30s }',
  '',
].join('\n');
const OVERRIDE = ['services:', '  web:', '    privileged: true', ''].join('\n');

async function cliJson(cwd: string, args: string[]) {
  const out = sink();
  const err = sink();
  const code = await runCli(['scan', ...args, '--format', 'json'], cwd, out, err);
  assert.notEqual(code, 2, err.text);
  const report = JSON.parse(out.text) as { findings: { ruleId: string; path: string; startLine: number; message: string }[]; errors: unknown[] };
  return { code, report, ids: report.findings.map((f) => `${f.ruleId}@${f.path}:${f.startLine}`).sort() };
}

describe('compose project through the bundled action', () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());

  it('checks a pull request that changes only compose.override.yaml as the merged project, at the override line', async () => {
    const files: FakePullFile[] = [{ filename: 'deploy/compose.override.yaml', status: 'modified' }];
    github.pullRequestFiles('octo-org', 'shop', 31, files);
    const workspace = writeTree({ 'deploy/compose.yaml': BASE, 'deploy/compose.override.yaml': OVERRIDE });
    const run = await runBundledAction({ workspace, apiUrl: github.url, eventName: 'pull_request', sha: checkOut(workspace), payload: pullRequestPayload(31, 1) });

    assert.equal(run.code, 1, run.stdout + run.stderr);
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning) file=/.test(l));
    // Exactly one denial: privileged, set by the override on its line 3; the hardened base adds nothing.
    assert.deepEqual(
      annotations.map((a) => /^::(\w+) file=([^,]+),line=(\d+),.*title=(CP[CD]\d{3})/.exec(a)?.slice(1).join(' ')),
      ['error deploy/compose.override.yaml 3 CPC001'],
      run.stdout,
    );
    assert.equal(run.outputs.denials, '1');
    // Both files of the project were checked, the unchanged base because the override needs it.
    assert.equal(run.outputs['files-checked'], '2');
  });
});

describe('compose project through the CLI', () => {
  it('reports each finding once, in the file that set the value', async () => {
    const cwd = writeTree({ 'compose.yaml': BASE, 'compose.override.yaml': OVERRIDE });
    const run = await cliJson(cwd, ['.']);
    assert.deepEqual(run.ids, ['CPC001@compose.override.yaml:3']);
    assert.deepEqual(run.report.errors, []);
  });

  it('merges a configured project and interpolates configured compose variables', async () => {
    const cwd = writeTree({
      'stack/base.yaml': BASE,
      'stack/prod.yaml': ['services:', '  web:', '    volumes:', '      - ${DATA_ROOT}/db:/data', ''].join('\n'),
      'projects.yml': ['compose-projects:', '  - name: shop', '    files: [stack/base.yaml, stack/prod.yaml]', ''].join('\n'),
      'cfg.yml': ['compose-projects:', '  - name: shop', '    files: [stack/base.yaml, stack/prod.yaml]', 'compose-variables:', '  DATA_ROOT: /etc', '  WEB_TAG: latest', ''].join('\n'),
    });
    // Only the overriding file is named; the configured project brings in its base.
    const run = await cliJson(cwd, ['stack/prod.yaml', '--kind', 'compose', '--config', 'cfg.yml']);
    // /etc comes from the configured variable (a sensitive host path, CPC005) and is reported in prod.yaml;
    // the image tag `latest` comes from WEB_TAG and is reported on the base file's image line.
    assert.ok(run.ids.includes('CPC005@stack/prod.yaml:4'), run.ids.join(', '));
    assert.ok(run.ids.some((id) => /@stack\/base\.yaml:3$/.test(id)), run.ids.join(', '));
    assert.ok(run.report.findings.some((f) => f.message.includes('latest')), JSON.stringify(run.report.findings));
    assert.equal(run.ids.filter((id) => id.startsWith('CPC005@')).length, 1, 'the project is checked once, not once per file');
    // Without the variables, DATA_ROOT is unset and WEB_TAG takes its default: neither finding, same project.
    const bare = await cliJson(cwd, ['stack/prod.yaml', '--kind', 'compose', '--config', 'projects.yml']);
    assert.deepEqual(bare.ids, []);
  });

  it('fails a service whose hardening is written under !reset, which compose drops before it runs', async () => {
    const cwd = writeTree({ 'compose.yaml': BASE.replace('cap_drop: [ALL]', 'cap_drop: !reset [ALL]').replace('user: "10001:10001"', 'user: !reset "10001:10001"') });
    const run = await cliJson(cwd, ['.']);
    assert.deepEqual(run.ids, ['CPC004@compose.yaml:2', 'CPC027@compose.yaml:2']);
    assert.equal((await cliJson(writeTree({ 'compose.yaml': BASE }), ['.'])).ids.length, 0);
  });

  it('reports the findings of an included file once when the file is scanned as well', async () => {
    const cwd = writeTree({
      'compose.yaml': ['include:', '  - common.yaml', BASE.replace('services:\n', '')].join('\n').replace('include:\n  - common.yaml\n', 'include:\n  - common.yaml\nservices:\n'),
      'common.yaml': ['services:', '  db:', '    image: postgres:16.2@sha256:' + 'a'.repeat(64), '    privileged: true', ''].join('\n'),
    });
    const run = await cliJson(cwd, ['compose.yaml', 'common.yaml', '--kind', 'compose']);
    const privileged = run.ids.filter((id) => id.startsWith('CPC001@'));
    assert.deepEqual(privileged, ['CPC001@common.yaml:4']);
    assert.equal(new Set(run.ids).size, run.ids.length, run.ids.join(', '));
  });
});

