import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeGitHub, type FakeCheckRun, type FakePullFile } from '../support/fake-github.js';
import { pullRequestPayload, runBundledAction } from '../support/run-action.js';
import { checkOut } from '../support/git-repo.js';
import { writeTree } from '../support/temp-tree.js';

const HEAD_SHA = pullRequestPayload(1, 1).pull_request.head.sha;

/** A compose file whose `services` each run privileged with the Docker socket mounted: two denials per service. */
function dangerousCompose(services: number): string {
  const lines = ['services:'];
  for (let i = 0; i < services; i++) {
    lines.push(`  svc${i}:`, `    image: acme/svc${i}:1.0`, '    privileged: true', '    volumes:', '      - /var/run/docker.sock:/var/run/docker.sock');
  }
  return lines.join('\n') + '\n';
}

// Hostile content in a scanned file: HTML and a workflow command in the base image name.
const HOSTILE_DOCKERFILE = ['FROM evil/<img src=x onerror=alert(1)>::set-output name=x::y', 'RUN echo hi', ''].join('\n');
const CLEAN_DOCKERFILE = ['FROM node:20.11-alpine', 'USER node', 'CMD ["node", "server.js"]', ''].join('\n');

interface SentAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  title: string;
  message: string;
}

const annotationsOf = (run: FakeCheckRun): SentAnnotation[][] =>
  run.requests.map((r) => ((r.body.output as { annotations?: SentAnnotation[] } | undefined)?.annotations ?? []));

interface JsonReport {
  findings: { ruleId: string; path: string; startLine: number; severity: string }[];
  errors: { path: string | null }[];
}

describe('bundled action: annotations through a check run', () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());

  it('with checks: write, sends every annotation over the API in batches of at most 50 and concludes failure', async () => {
    const files: FakePullFile[] = [
      { filename: 'deploy/compose.yaml', status: 'added' },
      { filename: 'deploy/extra/compose.yaml', status: 'added' },
      { filename: 'app/Dockerfile', status: 'modified' },
      { filename: 'broken/compose.yaml', status: 'added' },
    ];
    github.pullRequestFiles('octo-org', 'shop', 21, files).checkRunsApi('octo-org', 'shop');
    const workspace = writeTree({
      'deploy/compose.yaml': dangerousCompose(26),
      'deploy/extra/compose.yaml': dangerousCompose(4),
      'app/Dockerfile': HOSTILE_DOCKERFILE,
      'broken/compose.yaml': 'services:\n  web:\n    image: [unclosed\n',
    });
    const run = await runBundledAction({
      workspace,
      apiUrl: github.url,
      eventName: 'pull_request', sha: checkOut(workspace),
      payload: pullRequestPayload(21, files.length),
      inputs: { 'json-report': 'out/report.json', sarif: 'out/results.sarif' },
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);

    const report = JSON.parse(readFileSync(join(workspace, 'out/report.json'), 'utf8')) as JsonReport;
    const expected = report.findings.length + report.errors.filter((e) => e.path !== null).length;
    assert.ok(report.findings.length > 50, `more than 50 findings: ${report.findings.length}`);

    assert.equal(github.checkRuns.length, 1);
    const [checkRun] = github.checkRuns as [FakeCheckRun];
    const [create, ...updates] = checkRun.requests;
    assert.equal(create?.method, 'POST');
    assert.equal(create?.body.head_sha, HEAD_SHA, 'the check run is on the pull request head');
    assert.equal(create?.body.name, 'Container policy');
    assert.ok(updates.length >= 2 && updates.every((u) => u.method === 'PATCH'));
    const batches = annotationsOf(checkRun);
    assert.ok(batches.every((b) => b.length <= 50), batches.map((b) => b.length).join(','));
    const sent = batches.flat();
    assert.equal(sent.length, expected, 'every finding and file error arrives');
    // Every finding of the report is among the annotations, on its line and with its level.
    for (const f of report.findings) {
      assert.ok(
        sent.some((a) => a.path === f.path && a.start_line === f.startLine && a.title.startsWith(f.ruleId) && a.annotation_level === (f.severity === 'deny' ? 'failure' : 'warning')),
        `annotation for ${f.ruleId} at ${f.path}:${f.startLine}`,
      );
    }
    assert.ok(sent.some((a) => a.path === 'broken/compose.yaml' && a.annotation_level === 'failure'));
    const last = updates.at(-1)?.body;
    assert.equal(last?.status, 'completed');
    assert.equal(last?.conclusion, 'failure');
    assert.equal(github.requests.find((r) => r.method === 'POST')?.headers.authorization, 'token ghs_fake_token_for_tests');

    // No duplicate workflow-command annotations; the summary points at the check run.
    assert.doesNotMatch(run.stdout, /^::(error|warning) file=/m);
    assert.match(run.summary, /Every finding is annotated on its lines: [\d,]+ annotations on \[the check run\]\(https:\/\/github\.com\/octo-org\/shop\/runs\/\d+\)/);
    assert.doesNotMatch(run.summary, /<img/, 'repository text is escaped in the summary');
    assert.equal(run.outputs['annotation-mode'], 'check-run');
    assert.equal(run.outputs['check-run-id'], String(checkRun.id));
    assert.equal(run.outputs.sarif, join(workspace, 'out/results.sarif'));
    const sarif = JSON.parse(readFileSync(join(workspace, 'out/results.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    assert.equal(sarif.runs[0]?.results.length, report.findings.length);
  });

  it('with checks: write and a clean change, concludes success', async () => {
    github.pullRequestFiles('octo-org', 'shop', 22, [{ filename: 'web/Dockerfile', status: 'modified' }]);
    const workspace = writeTree({ 'web/Dockerfile': CLEAN_DOCKERFILE });
    const before = github.checkRuns.length;
    const run = await runBundledAction({
      workspace,
      apiUrl: github.url,
      eventName: 'pull_request', sha: checkOut(workspace),
      payload: pullRequestPayload(22, 1),
      inputs: { 'json-report': 'report.json' },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(readFileSync(join(workspace, 'report.json'), 'utf8')) as JsonReport;
    assert.ok(report.findings.every((f) => f.severity !== 'deny'));
    const checkRun = github.checkRuns[before];
    assert.ok(checkRun);
    assert.equal(checkRun.requests.at(-1)?.body.conclusion, 'success');
    // Advisory findings (if the policy has any for this file) are annotated too, without failing the check.
    assert.equal(annotationsOf(checkRun).flat().length, report.findings.length);
    assert.equal(run.outputs.verdict, 'pass');
  });
});

describe('bundled action: no checks permission (a fork, or no checks: write)', () => {
  const github = new FakeGitHub();
  before(() => github.start());
  after(() => github.stop());

  it('falls back to workflow commands ordered by severity and says in the summary what was not shown', async () => {
    const files: FakePullFile[] = [
      { filename: 'deploy/compose.yaml', status: 'added' },
      { filename: 'app/Dockerfile', status: 'modified' },
    ];
    github.pullRequestFiles('octo-org', 'shop', 31, files).checkRunsApi('octo-org', 'shop', { forbidden: true });
    const workspace = writeTree({ 'deploy/compose.yaml': dangerousCompose(30), 'app/Dockerfile': HOSTILE_DOCKERFILE });
    const run = await runBundledAction({
      workspace,
      apiUrl: github.url,
      eventName: 'pull_request', sha: checkOut(workspace),
      payload: pullRequestPayload(31, files.length),
      inputs: { 'json-report': 'report.json' },
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const report = JSON.parse(readFileSync(join(workspace, 'report.json'), 'utf8')) as JsonReport;

    // One attempt, refused; nothing else sent to the Checks API.
    const checkCalls = github.requests.filter((r) => r.url.includes('/check-runs'));
    assert.deepEqual(checkCalls.map((r) => r.method), ['POST']);

    const commands = run.stdout.split('\n').filter((l) => /^::(error|warning|notice)[ :]/.test(l));
    const annotated = commands.filter((l) => / file=/.test(l));
    assert.ok(annotated.length > 0 && annotated.length <= 19, `at most 9 errors and 10 warnings: ${annotated.length}`);
    // Ordered by severity: no warning before an error.
    const levels = annotated.map((l) => (l.startsWith('::error') ? 0 : 1));
    assert.deepEqual(levels, [...levels].sort());
    assert.ok(commands.some((l) => l.startsWith('::notice') && /not annotated/.test(l)));
    assert.doesNotMatch(run.stdout, /^::set-output/m, 'hostile text cannot start a command');

    const notShown = report.findings.length + report.errors.filter((e) => e.path !== null).length - annotated.length;
    assert.ok(notShown > 0);
    assert.match(run.summary, new RegExp(`\\*\\*${notShown} findings not shown inline\\.\\*\\*`));
    assert.match(run.summary, /HTTP 403 Resource not accessible by integration/);
    assert.match(run.summary, /report\.json/, 'the summary says where the full report is');
    assert.equal(run.outputs['annotation-mode'], 'workflow-commands');
    assert.match(run.stdout, /Annotating with workflow commands instead/);
  });
});
