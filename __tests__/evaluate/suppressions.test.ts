import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_CONFIG, parseConfigFile, type ConfigFile } from '../../src/config/config-file.js';
import { UserError } from '../../src/errors.js';
import { applyConfig, checkConfiguredRuleIds } from '../../src/evaluate/apply-config.js';
import { findSuppressionComments } from '../../src/evaluate/suppressions.js';
import type { FileKind, Finding } from '../../src/model.js';
import { parseFile } from '../../src/parse/registry.js';

const parsed = (kind: FileKind, path: string, lines: string[]) => parseFile(kind, path, new TextEncoder().encode(lines.join('\n') + '\n'));

function finding(ruleId: string, path: string, startLine: number, endLine = startLine, aliases: Finding['aliases'] = {}): Finding {
  return {
    ruleId, title: ruleId, severity: 'deny', kind: path.endsWith('.yaml') ? 'compose' : 'dockerfile', path, startLine, endLine,
    message: `${ruleId} fired`, remediation: '', compliance: {}, aliases,
  };
}

const config = (yaml: string): ConfigFile => parseConfigFile(yaml, 'cfg.yml');
const ROOT = finding('CPD002', 'Dockerfile', 3, 3, { hadolint: ['DL3002'], trivy: ['AVD-DS-0002'], checkov: ['CKV_DOCKER_8'], kics: ['fd54f200-402c-4333-a5a4-36ef6709af2f'] });

describe('suppression comments', () => {
  it('silences the named rule on the next line, with its reason and location', () => {
    const file = parsed('dockerfile', 'Dockerfile', ['FROM node:20', '# container-policy ignore=CPD002 -- init needs root', 'USER root']);
    const out = applyConfig([ROOT, finding('CPD001', 'Dockerfile', 1)], file, EMPTY_CONFIG);
    assert.deepEqual(out.findings.map((f) => f.ruleId), ['CPD001']);
    assert.deepEqual(out.suppressed, [{ finding: ROOT, by: 'comment', reason: 'init needs root', source: 'Dockerfile:2' }]);
  });

  it('silences at the end of the offending line, in compose files', () => {
    const file = parsed('compose', 'compose.yaml', ['services:', '  agent:', '    image: a:1', '    privileged: true  # container-policy ignore=CPC001 -- device plugin']);
    const out = applyConfig([finding('CPC001', 'compose.yaml', 4)], file, EMPTY_CONFIG);
    assert.equal(out.findings.length, 0);
    assert.equal(out.suppressed[0]?.source, 'compose.yaml:4');
  });

  it('does not silence other rules, other lines, or other files', () => {
    const file = parsed('dockerfile', 'Dockerfile', ['# container-policy ignore=CPD001 -- reason', 'FROM node:latest', 'RUN x', 'USER root']);
    const out = applyConfig([ROOT, finding('CPD001', 'Dockerfile', 3)], file, EMPTY_CONFIG);
    assert.deepEqual(out.findings.map((f) => `${f.ruleId}:${f.startLine}`).sort(), ['CPD001:3', 'CPD002:3', 'CPS002:1']);
    assert.match(out.findings.find((f) => f.ruleId === 'CPS002')?.message ?? '', /CPD001 matched no finding on line 2/);
  });

  it('has a file-level form for findings about something missing', () => {
    const file = parsed('dockerfile', 'Dockerfile', ['# container-policy ignore-file=CPD010 -- orchestrator checks health', 'FROM node:20', 'USER node']);
    const out = applyConfig([finding('CPD010', 'Dockerfile', 2)], file, EMPTY_CONFIG);
    assert.equal(out.findings.length, 0);
    assert.equal(out.suppressed[0]?.reason, 'orchestrator checks health');
  });

  it('reports, without applying, a suppression with no reason when one is required', () => {
    const file = parsed('dockerfile', 'Dockerfile', ['FROM node:20', '# container-policy ignore=CPD002', 'USER root']);
    const required = applyConfig([ROOT], file, EMPTY_CONFIG);
    assert.deepEqual(required.findings.map((f) => `${f.ruleId}:${f.severity}:${f.startLine}`), ['CPD002:deny:3', 'CPS001:warn:2']);
    assert.match(required.findings[1]?.message ?? '', /gives no reason.*suppressions\.require-reason/);
    const optional = applyConfig([ROOT], file, config('suppressions: { require-reason: false }'));
    assert.equal(optional.findings.length, 0);
    assert.equal(optional.suppressed[0]?.reason, 'container-policy comment (no reason given)');
  });

  it('refuses blanket and malformed suppressions', () => {
    for (const comment of ['# container-policy ignore=* -- all of it', '# container-policy ignore=all -- x', '# container-policy ignore= -- x', '# container-policy skip CPD002']) {
      const file = parsed('dockerfile', 'Dockerfile', ['FROM node:20', comment, 'USER root']);
      const out = applyConfig([ROOT], file, EMPTY_CONFIG);
      assert.deepEqual(out.findings.map((f) => f.ruleId), ['CPD002', 'CPS001'], comment);
      assert.equal(out.suppressed.length, 0);
    }
  });

  it('reports every suppression and applies none when suppressions are forbidden', () => {
    const file = parsed('dockerfile', 'Dockerfile', ['FROM node:20', '# container-policy ignore=CPD002 -- please', 'USER root']);
    const out = applyConfig([ROOT], file, config('suppressions: { allowed: false }'));
    assert.deepEqual(out.findings.map((f) => f.ruleId), ['CPD002', 'CPS001']);
    assert.match(out.findings[1]?.message ?? '', /forbidden by the configuration/);
  });

  it('honours other tools\' comments only when configured, through the rule\'s aliases', () => {
    const comments = ['# hadolint ignore=DL3002', '#trivy:ignore:AVD-DS-0002', '#trivy:ignore:DS002', '# checkov:skip=CKV_DOCKER_8: legacy image', '# kics-scan ignore-line'];
    for (const comment of comments) {
      const file = parsed('dockerfile', 'Dockerfile', ['FROM node:20', comment, 'USER root']);
      const off = applyConfig([ROOT], file, EMPTY_CONFIG);
      assert.deepEqual(off.findings.map((f) => f.ruleId), ['CPD002'], `${comment} ignored by default`);
      const on = applyConfig([ROOT], file, config('suppressions: { other-tools: [hadolint, trivy, checkov, kics] }'));
      assert.deepEqual(on.findings, [], `${comment} honoured`);
      assert.equal(on.suppressed[0]?.source, 'Dockerfile:2');
    }
    const wrongId = parsed('dockerfile', 'Dockerfile', ['FROM node:20', '# hadolint ignore=DL3007', 'USER root']);
    const out = applyConfig([ROOT], wrongId, config('suppressions: { other-tools: [hadolint] }'));
    assert.deepEqual(out.findings.map((f) => f.ruleId), ['CPD002'], 'an unrelated id does not silence, and is not reported as unused');
  });

  it('lets several tools\' comments stack above one line', () => {
    const lines = ['FROM node:20', '# hadolint ignore=DL3002', '# container-policy ignore=CPD002 -- init', 'USER root'];
    assert.deepEqual(findSuppressionComments(lines, ['hadolint']).map((c) => [c.tool, c.line, c.target]), [['hadolint', 2, 4], ['container-policy', 3, 4]]);
  });
});

describe('configured rules and exclusions', () => {
  it('overrides severities and disables rules with their reason', () => {
    const file = parsed('dockerfile', 'Dockerfile', ['FROM node:latest', 'RUN x', 'USER root']);
    const out = applyConfig([finding('CPD001', 'Dockerfile', 1), ROOT], file, config('rules:\n  CPD001: { severity: warn }\n  CPD002: { enabled: false, reason: base image has no user }'));
    assert.deepEqual(out.findings.map((f) => `${f.ruleId}:${f.severity}`), ['CPD001:warn']);
    assert.deepEqual(out.suppressed.map((s) => [s.finding.ruleId, s.by, s.reason, s.source]), [['CPD002', 'config', 'base image has no user', 'rules.CPD002']]);
  });

  it('excludes by path glob and by compose service', () => {
    const compose = parsed('compose', 'deploy/compose.yaml', ['services:', '  web:', '    image: a:1', '    privileged: true', '  db:', '    image: b:1', '    privileged: true']);
    const cfg = config('exclusions:\n  - services: [db]\n    rules: [CPC001]\n    reason: vendor image\n  - paths: ["legacy/**"]\n    rules: ["*"]\n    reason: frozen');
    const out = applyConfig([finding('CPC001', 'deploy/compose.yaml', 4), finding('CPC001', 'deploy/compose.yaml', 7)], compose, cfg);
    assert.deepEqual(out.findings.map((f) => f.startLine), [4]);
    assert.deepEqual(out.suppressed.map((s) => [s.finding.startLine, s.by, s.source]), [[7, 'exclusion', 'exclusions[0]']]);
    const legacy = parsed('dockerfile', 'legacy/app/Dockerfile', ['FROM node:latest']);
    assert.equal(applyConfig([finding('CPD001', 'legacy/app/Dockerfile', 1)], legacy, cfg).findings.length, 0);
  });

  it('refuses configuration naming rules that do not exist', () => {
    const cfg = config('rules:\n  CPD999: { severity: warn }\nexclusions:\n  - paths: [x]\n    rules: [CPD001, NOPE]\n    reason: r');
    assert.throws(() => checkConfiguredRuleIds(cfg, ['CPD001', 'CPD002']), (e: unknown) => e instanceof UserError && /rules\.CPD999: no such|no rule has the id "CPD999"/.test(e.message) && /exclusions\[0\]\.rules: no rule has the id "NOPE"/.test(e.message));
    assert.doesNotThrow(() => checkConfiguredRuleIds(config('rules:\n  custom/main/deny: { severity: warn }'), [], (id) => id.startsWith('custom/main/')));
  });
});
