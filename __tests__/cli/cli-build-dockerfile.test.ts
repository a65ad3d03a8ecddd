import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { sink, writeTree } from '../support/temp-tree.js';

async function scanJson(cwd: string, ...paths: string[]) {
  const out = sink();
  const err = sink();
  const code = await runCli(['scan', ...paths, '--format', 'json'], cwd, out, err);
  return { code, err: err.text, report: JSON.parse(out.text) as { files: { path: string; kind: string }[]; findings: { ruleId: string; path: string; startLine: number }[]; errors: { kind: string; path: string; line: number; message: string }[] } };
}

const COMPOSE = 'services:\n  app:\n    image: a:1\n    build:\n      context: .\n      dockerfile: build/app.df\n';

describe('container-policy scan: a Dockerfile a compose file builds from by another name', () => {
  it('is checked as a Dockerfile when the compose file is scanned, with a notice saying why', async () => {
    const cwd = writeTree({ 'compose.yaml': COMPOSE, 'build/app.df': 'FROM node:latest\nUSER root\n' });
    const { code, err, report } = await scanJson(cwd, '.');
    assert.equal(code, 1);
    assert.deepEqual(report.files, [
      { path: 'build/app.df', kind: 'dockerfile' },
      { path: 'compose.yaml', kind: 'compose' },
    ]);
    assert.ok(report.findings.some((f) => f.ruleId === 'CPD001' && f.path === 'build/app.df' && f.startLine === 1));
    assert.match(err, /notice: build\/app\.df is checked as a Dockerfile although the file patterns do not match it: build\.dockerfile of service "app" \(compose\.yaml:6\)/);
  });

  it('is an error at the compose file\'s line when outside the paths given to scan, and a notice when missing', async () => {
    const missing = await scanJson(writeTree({ 'compose.yaml': COMPOSE }), '.');
    assert.deepEqual(missing.report.errors, []);
    assert.match(missing.err, /notice: build\/app\.df is not checked although build\.dockerfile of service "app" \(compose\.yaml:6\) builds from it: it does not exist/);
    const outside = await scanJson(writeTree({ 'svc/compose.yaml': 'services:\n  app:\n    image: a:1\n    build: {context: .., dockerfile: app.df}\n', 'app.df': 'FROM a\n' }), 'svc');
    assert.deepEqual(outside.report.errors.map((e) => [e.path, e.line]), [['svc/compose.yaml', 4]]);
    assert.match(outside.report.errors[0]?.message ?? '', /app\.df, which is outside the paths given to scan/);
  });
});
