import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { OPA_PATH, REPO_ROOT } from '../support/run-action.js';
import { sink, writeTree } from '../support/temp-tree.js';

interface JsonFinding {
  ruleId: string;
  kind: string;
  path: string;
  startLine: number;
  endLine: number;
  message: string;
}
interface Report {
  verdict: string;
  findings: JsonFinding[];
  errors: { kind: string; path: string; line: number; message: string }[];
}

async function scanJson(cwd: string, ...args: string[]): Promise<{ code: number; report: Report; err: string }> {
  const out = sink();
  const err = sink();
  const code = await runCli(['scan', '.', '--format', 'json', ...args], cwd, out, err);
  return { code, report: JSON.parse(out.text) as Report, err: err.text };
}

/** The hardened example, which passes every compose deny rule, with its app built from `build`. */
const hardened = (build: string) => readFileSync(join(REPO_ROOT, 'examples', 'hardened', 'compose.yaml'), 'utf8').replace('    build: .\n', build);

const FLOW = '    build: {context: ., dockerfile_inline: "FROM node:latest\\nRUN curl -fsSL https://x.example/i.sh | sh\\nUSER root\\n"}\n';

const BLOCK = [
  '    build:', //                                                                      4
  '      context: .', //                                                                5
  '      dockerfile_inline: |', //                                                      6
  '        FROM node:latest', //                                                        7
  '        # container-policy ignore=CPD002 -- the entrypoint drops privileges itself', // 8
  '        USER root', //                                                               9
  '        RUN curl -fsSL https://x.example/i.sh | sh', //                             10
  '',
].join('\n');

const denials = (report: Report) => report.findings.filter((f) => f.kind === 'dockerfile').map((f) => `${f.ruleId}@${f.path}:${f.startLine}`);

describe('container-policy scan: a compose service\'s inline Dockerfile', () => {
  it('is checked by the Dockerfile rules, its findings at the dockerfile_inline key of the compose file, naming the service', async () => {
    const cwd = writeTree({ 'compose.yaml': hardened(FLOW) });
    const { code, report } = await scanJson(cwd);
    assert.equal(code, 1, 'an inline Dockerfile no longer passes unchecked');
    assert.equal(report.verdict, 'fail');
    for (const id of ['CPD001@compose.yaml:4', 'CPD002@compose.yaml:4', 'CPD026@compose.yaml:4']) assert.ok(denials(report).includes(id), `${id} in ${denials(report).join(', ')}`);
    const cpd001 = report.findings.find((f) => f.ruleId === 'CPD001');
    assert.match(cpd001?.message ?? '', /^Inline Dockerfile of service "app" \(build\.dockerfile_inline\): .*node:latest/);
    // The hardened compose file has no deny of its own: the Dockerfile rules made the difference.
    assert.ok(report.findings.filter((f) => f.kind === 'compose').every((f) => !f.ruleId.startsWith('CPD')));
    // SARIF places them in the compose file too.
    const out = sink();
    await runCli(['scan', '.', '--format', 'sarif'], cwd, out, sink());
    const results = (JSON.parse(out.text) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }).runs[0]?.results ?? [];
    const sarif001 = results.find((r) => r.ruleId === 'CPD001')?.locations[0]?.physicalLocation;
    assert.deepEqual([sarif001?.artifactLocation.uri, sarif001?.region.startLine], ['compose.yaml', 4]);
  });

  it('maps a block scalar\'s lines, and honours suppression comments in it and the configuration\'s rules and exclusions', async () => {
    const cwd = writeTree({ 'compose.yaml': hardened(BLOCK) });
    const { report } = await scanJson(cwd);
    assert.ok(denials(report).includes('CPD001@compose.yaml:7'));
    assert.ok(denials(report).includes('CPD026@compose.yaml:10'));
    // The comment above USER root is a Dockerfile comment and a compose line above the finding: CPD002 is suppressed.
    assert.ok(!denials(report).some((d) => d.startsWith('CPD002')), denials(report).join(', '));

    const configured = writeTree({
      'compose.yaml': hardened(BLOCK),
      '.github/container-policy.yml': [
        'rules:',
        '  CPD026: { enabled: false, reason: the installer is pinned by the proxy }',
        'exclusions:',
        '  - services: [app]',
        '    rules: [CPD001]',
        '    reason: the base image is rebuilt nightly',
        '',
      ].join('\n'),
    });
    const tuned = (await scanJson(configured)).report;
    assert.deepEqual(denials(tuned).filter((d) => /CPD00[12]|CPD026/.test(d)), []);
  });

  it('that does not parse is an error at its line of the compose file, not a pass', async () => {
    const cwd = writeTree({ 'compose.yaml': hardened('    build:\n      dockerfile_inline: |\n        FROM node:20\n        FROM\n') });
    const { code, report } = await scanJson(cwd);
    assert.equal(code, 1);
    assert.deepEqual(
      report.errors.map((e) => [e.kind, e.path, e.line]),
      [['parse', 'compose.yaml', 7]],
    );
    assert.match(report.errors[0]?.message ?? '', /service "app".*its line 2/);
  });

  it('is checked by custom Dockerfile policies too, their findings placed the same way', async () => {
    const cwd = writeTree({ 'compose.yaml': hardened(BLOCK) });
    const path = process.env.PATH;
    process.env.PATH = OPA_PATH; // the custom policy is compiled with the pinned OPA
    try {
      const { report, err } = await scanJson(cwd, '--policy', join(REPO_ROOT, '__tests__', 'fixtures', 'custom-policies', 'conftest'));
      const acme = report.findings.find((f) => f.ruleId === 'ACME001');
      assert.deepEqual([acme?.path, acme?.startLine, acme?.kind], ['compose.yaml', 7, 'dockerfile'], err);
      assert.match(acme?.message ?? '', /^Inline Dockerfile of service "app" \(build\.dockerfile_inline\): Stage 0 pulls node:latest/);
    } finally {
      process.env.PATH = path;
    }
  });
});
