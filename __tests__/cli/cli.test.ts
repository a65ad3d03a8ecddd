import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { TOOL } from '../../src/version.js';
import { ACTION_NODE, REPO_ROOT } from '../support/run-action.js';
import { sink, writeTree } from '../support/temp-tree.js';

async function cli(argv: string[], cwd: string) {
  const out = sink();
  const err = sink();
  const code = await runCli(argv, cwd, out, err);
  return { code, out: out.text, err: err.text };
}

describe('container-policy scan', () => {
  it('waits for a slow output to drain, so a big report is never queued whole, and writes all of it', async () => {
    const insecure = 'FROM ubuntu\nADD http://example.com/a.tgz /\nRUN apt-get update\nRUN apt-get install -y curl wget\nRUN curl http://x | sh\nUSER root\n';
    const cwd = writeTree(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`svc${i}/Dockerfile`, insecure])));
    let text = '';
    let mostQueued = 0;
    // Like a pipe to a slow reader: each write completes on a later turn of the event loop.
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        setImmediate(done);
      },
    });
    const write = slow.write.bind(slow);
    slow.write = ((chunk: string) => {
      const accepted = write(chunk);
      mostQueued = Math.max(mostQueued, slow.writableLength);
      return accepted;
    }) as typeof slow.write;
    const code = await runCli(['scan', '.', '--format', 'json'], cwd, slow, sink());
    assert.equal(code, 1);
    const whole = await cli(['scan', '.', '--format', 'json'], cwd);
    assert.equal(text, whole.out);
    const findings = (JSON.parse(text) as { findings: unknown[] }).findings.length;
    assert.ok(findings > 800, `${findings} findings: the report comes in several pieces`);
    // At most one piece (64 findings) waits at a time, never the report.
    assert.ok(mostQueued < text.length / 2, `${mostQueued} bytes queued of ${text.length}`);
  });

  it('keeps the JSON contract: findings with relative paths and 1-based lines, errors, verdict', async () => {
    const cwd = writeTree({
      'svc/Dockerfile': 'FROM alpine\nRUN echo hi\n',
      'svc/compose.yaml': 'services:\n  a:\n    image: x:1\n    privileged: true\n',
      'bad/compose.yml': 'services: [\n',
    });
    const run = await cli(['scan', '.', '--format', 'json'], cwd);
    assert.equal(run.code, 1, run.err);
    const report = JSON.parse(run.out);
    assert.equal(report.verdict, 'fail');
    assert.ok(Array.isArray(report.findings) && Array.isArray(report.errors));
    const ids = report.findings.map((f: { ruleId: string; path: string; startLine: number }) => `${f.ruleId}@${f.path}:${f.startLine}`);
    // The spine's rules, each at its exact line (the catalogue's other rules also fire on these files).
    for (const id of ['CPC001@svc/compose.yaml:4', 'CPD001@svc/Dockerfile:1', 'CPD002@svc/Dockerfile:1']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    // Nothing is reported in a file that was not given, and the broken file yields an error, not findings.
    assert.deepEqual([...new Set(report.findings.map((f: { path: string }) => f.path))].sort(), ['svc/Dockerfile', 'svc/compose.yaml']);
    assert.ok(report.findings.every((f: { ruleId: string }) => /^CP[CD]\d{3}$/.test(f.ruleId)), 'only built-in rule ids');
    for (const f of report.findings) {
      for (const key of ['ruleId', 'severity', 'path', 'startLine', 'endLine', 'message', 'remediation', 'compliance']) assert.ok(key in f, key);
      assert.ok(f.endLine >= f.startLine);
    }
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0].path, 'bad/compose.yml');
  });

  it('exits 0 on a clean tree, 1 on findings, 2 on usage errors and missing paths', async () => {
    // The hardened example Dockerfile passes every rule, warnings included.
    const cwd = writeTree({ 'Dockerfile': readFileSync(join(REPO_ROOT, 'examples', 'hardened', 'Dockerfile'), 'utf8') });
    const clean = await cli(['scan', '--fail-on', 'warn', '--format', 'json'], cwd);
    assert.equal(clean.code, 0, clean.out);
    assert.deepEqual(JSON.parse(clean.out).findings, []);
    // Warnings alone do not fail the default (fail-on: deny).
    const warnOnly = writeTree({ 'Dockerfile': 'FROM alpine:3.20\nUSER 10001\n' });
    assert.equal((await cli(['scan'], warnOnly)).code, 0);
    assert.equal((await cli(['scan', '--fail-on', 'warn'], warnOnly)).code, 1);
    assert.equal((await cli(['scan', '--fail-on', 'never', join(REPO_ROOT, 'examples', 'insecure')], cwd)).code, 0);
    assert.equal((await cli(['scan', join(REPO_ROOT, 'examples', 'insecure')], cwd)).code, 1);
    const usage = await cli(['scan', '--format', 'yaml'], cwd);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /Valid values/);
    const missing = await cli(['scan', 'nope'], cwd);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope: no such file or directory/);
  });

  it('checks a file whose directory name holds a backslash and the file whose path it resembles, and fails on the second', async () => {
    // Shown as one path before, only one of the two was checked: here the passing one, the run passing.
    const cwd = writeTree({ 'repo/a\\b/Dockerfile': 'FROM alpine:3.20\nUSER 10001\n', 'repo/a/b/Dockerfile': 'FROM debian\n' });
    const run = await cli(['scan', 'repo', '--format', 'json'], cwd);
    assert.equal(run.code, 1, run.err);
    const report = JSON.parse(run.out) as { files: { path: string }[]; findings: { path: string; ruleId: string }[] };
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['repo/a/b/Dockerfile', 'repo/a\\b/Dockerfile']);
    assert.ok(report.findings.some((f) => f.path === 'repo/a/b/Dockerfile' && f.ruleId === 'CPD001'));
  });

  it('checks an explicitly named file as the kind it is told', async () => {
    const cwd = writeTree({ 'positive1.yaml': 'services:\n  a:\n    privileged: true\n' });
    const unnamed = await cli(['scan', 'positive1.yaml'], cwd);
    assert.equal(unnamed.code, 2);
    assert.match(unnamed.err, /--kind/);
    const told = await cli(['scan', 'positive1.yaml', '--kind', 'compose', '--format', 'json'], cwd);
    assert.equal(told.code, 1);
    const privileged = JSON.parse(told.out).findings.find((f: { ruleId: string }) => f.ruleId === 'CPC001');
    assert.equal(privileged?.path, 'positive1.yaml');
    assert.equal(privileged?.startLine, 3);
  });

  it('runs from the bundle as the container-policy command', () => {
    const bin = join(REPO_ROOT, 'dist', 'cli', 'index.js');
    const version = spawnSync(ACTION_NODE, [bin, '--version'], { encoding: 'utf8' });
    assert.equal(version.stdout.trim(), `${TOOL.name} ${TOOL.version}`);
    const scan = spawnSync(ACTION_NODE, [bin, 'scan', 'examples', '--format', 'json'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(scan.status, 1, scan.stderr);
    const report = JSON.parse(scan.stdout);
    const at = (path: string) => report.findings.filter((f: { path: string }) => f.path === path).map((f: { ruleId: string; startLine: number }) => `${f.ruleId}:${f.startLine}`);
    const insecure = at('examples/insecure/Dockerfile');
    for (const id of ['CPD001:2', 'CPD002:2']) assert.ok(insecure.includes(id), `${id} in ${insecure.join(', ')}`);
    assert.deepEqual(at('examples/hardened/Dockerfile'), []);
  });

  it('passes the hardened example as a whole (exit 0)', () => {
    const bin = join(REPO_ROOT, 'dist', 'cli', 'index.js');
    const scan = spawnSync(ACTION_NODE, [bin, 'scan', 'examples/hardened', '--format', 'json'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(scan.status, 0, scan.stdout + scan.stderr);
    assert.deepEqual(JSON.parse(scan.stdout).findings.filter((f: { severity: string }) => f.severity === 'deny'), []);
  });

  it('reports a compose file that extends a file outside the scanned path as an error in a big scan, and checks the rest', async () => {
    // Big enough for worker threads, which read a compose file's related files.
    const tree: Record<string, string> = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`scan/d${i}/Dockerfile`, 'FROM alpine:3.20\nUSER 10001\n']));
    tree['outside.yml'] = 'services:\n  base:\n    image: redis:7\n';
    tree['scan/app/compose.yaml'] = 'services:\n  web:\n    extends:\n      file: ../../outside.yml\n      service: base\n';
    const { code, out } = await cli(['scan', 'scan', '--format', 'json'], writeTree(tree));
    assert.equal(code, 1);
    const report = JSON.parse(out) as { summary: { files: number }; errors: { path: string; message: string }[] };
    assert.equal(report.summary.files, 71);
    assert.deepEqual(report.errors.map((e) => e.path), ['scan/app/compose.yaml']);
    assert.match(report.errors[0]?.message ?? '', /outside\.yml is outside the paths given to scan/);
  });

  it('cuts a SARIF log to 25,000 results and says so in the log and on stderr', async () => {
    // 13 findings per privileged service: 1,924 services give 25,012.
    const compose = 'services:\n' + Array.from({ length: 1_924 }, (_, i) => `  s${i}:\n    image: nginx\n    privileged: true\n`).join('');
    const { code, out, err } = await cli(['scan', '.', '--format', 'sarif'], writeTree({ 'compose.yaml': compose }));
    assert.equal(code, 1);
    const run = JSON.parse(out).runs[0];
    assert.equal(run.results.length, 25_000);
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /^12 results of 25,012 left out of the SARIF log/);
    assert.match(err, /^container-policy: 12 results of 25,012 left out of the SARIF log .*The JSON report lists every finding\.\n$/);
  });

  it('keeps the fingerprint of each of two identical findings when one of them is suppressed', async () => {
    const run = 'RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';
    const before = `FROM ubuntu:22.04\nUSER app\n${run}${run}`;
    const after = `FROM ubuntu:22.04\nUSER app\n# container-policy ignore=CPD010 -- vendor pinned\n${run}${run}`;
    const cpd010 = async (dockerfile: string) => {
      const { out } = await cli(['scan', '.', '--format', 'sarif'], writeTree({ Dockerfile: dockerfile }));
      const results = JSON.parse(out).runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'CPD010');
      return results.map((r: { locations: { physicalLocation: { region: { startLine: number } } }[]; partialFingerprints: Record<string, string>; suppressions?: unknown }) => ({
        line: r.locations[0]?.physicalLocation.region.startLine,
        suppressed: r.suppressions !== undefined,
        fingerprint: Object.values(r.partialFingerprints)[0],
      }));
    };
    const [first, second] = await cpd010(before);
    assert.deepEqual([first?.line, second?.line], [3, 4]);
    // The comment moves both RUNs down a line and suppresses the first: each keeps its alert.
    const moved = await cpd010(after);
    assert.deepEqual(moved.map((r: { line: number }) => r.line).sort(), [4, 5]);
    const byLine = new Map(moved.map((r: { line: number }) => [r.line, r]));
    assert.deepEqual(byLine.get(4), { line: 4, suppressed: true, fingerprint: first?.fingerprint });
    assert.deepEqual(byLine.get(5), { line: 5, suppressed: false, fingerprint: second?.fingerprint });
  });

  it('keeps the version in step with package.json', () => {
    assert.equal(TOOL.version, JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });
});
