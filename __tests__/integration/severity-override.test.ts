/**
 * A per-rule severity in the configuration file reaches the verdict and every report: a deny rule
 * lowered to warn no longer fails the run, a warn rule raised to deny does, and each format says so.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { sink } from '../support/temp-tree.js';

// CPD001 (deny) fires on the tag; CPD037 (warn) on the missing HEALTHCHECK.
const DOCKERFILE = 'FROM node:latest\nUSER 1000\n';

async function scan(config: string, format: string): Promise<{ code: number; out: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'cpa-sev-'));
  writeFileSync(join(cwd, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(cwd, 'sev.yml'), config);
  const out = sink();
  const err = sink();
  const code = await runCli(['scan', 'Dockerfile', '--format', format, '--config', 'sev.yml'], cwd, out, err);
  assert.notEqual(code, 2, err.text);
  return { code, out: out.text };
}

describe('rules.<id>.severity', () => {
  it('lowers a deny rule to warn in the verdict, JSON, SARIF, text and markdown', async () => {
    const config = 'rules:\n  CPD001: { severity: warn }\n';
    const json = await scan(config, 'json');
    assert.equal(json.code, 0, json.out);
    const report = JSON.parse(json.out);
    assert.equal(report.verdict, 'pass');
    assert.equal(report.findings.find((f: { ruleId: string }) => f.ruleId === 'CPD001')?.severity, 'warn');

    const sarif = JSON.parse((await scan(config, 'sarif')).out);
    const run = sarif.runs[0];
    assert.equal(run.results.find((r: { ruleId: string }) => r.ruleId === 'CPD001')?.level, 'warning');
    assert.equal(run.tool.driver.rules.find((r: { id: string }) => r.id === 'CPD001')?.defaultConfiguration?.level, 'warning');

    const text = await scan(config, 'text');
    assert.match(text.out, /Dockerfile:1\s+WARN\s+CPD001/);
    assert.match(text.out, /Verdict: PASS/);
    assert.match((await scan(config, 'markdown')).out, /\| 1 \| warn \| <code>CPD001<\/code>/);
  });

  it('raises a warn rule to deny, which then fails the run', async () => {
    const config = 'rules:\n  CPD001: { severity: warn }\n  CPD037: { severity: deny }\n';
    const json = await scan(config, 'json');
    assert.equal(json.code, 1);
    const denied = JSON.parse(json.out).findings.filter((f: { severity: string }) => f.severity === 'deny').map((f: { ruleId: string }) => f.ruleId);
    assert.deepEqual(denied, ['CPD037']);
    const run = JSON.parse((await scan(config, 'sarif')).out).runs[0];
    assert.equal(run.tool.driver.rules.find((r: { id: string }) => r.id === 'CPD037')?.defaultConfiguration?.level, 'error');
    assert.match((await scan(config, 'text')).out, /Dockerfile:1\s+DENY\s+CPD037/);
  });
});
