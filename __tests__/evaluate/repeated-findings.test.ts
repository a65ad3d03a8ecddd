import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/model.js';
import { onceEach } from '../../src/evaluate/repeated-findings.js';

const finding = (path: string, startLine: number, ruleId = 'CPC001', message = 'privileged'): Finding => ({
  ruleId,
  title: 't',
  severity: 'deny',
  kind: 'compose',
  path,
  startLine,
  endLine: startLine,
  message,
  remediation: 'r',
  compliance: {},
  aliases: {},
});

describe('onceEach', () => {
  it('reports a finding in an included file once, whether the file was checked on its own or by several includers', () => {
    const common = [finding('common.yaml', 4), finding('common.yaml', 2, 'CPC014', 'no memory limit')];
    const result = onceEach([
      { path: 'a/compose.yaml', findings: [finding('a/compose.yaml', 3), ...common] },
      { path: 'b/compose.yaml', findings: [...common] },
      { path: 'common.yaml', findings: [...common] },
    ]);
    assert.deepEqual(result.map((f) => `${f.ruleId}@${f.path}:${f.startLine}`), ['CPC001@a/compose.yaml:3', 'CPC001@common.yaml:4', 'CPC014@common.yaml:2']);
  });

  it('keeps findings that differ in anything reported, and every finding of files nothing else points into', () => {
    const own = [finding('Dockerfile', 1), finding('Dockerfile', 1)];
    assert.equal(onceEach([{ path: 'Dockerfile', findings: own }]).length, 2, 'nothing is compared without a finding in another file');
    const result = onceEach([
      { path: 'compose.yaml', findings: [finding('common.yaml', 4), finding('common.yaml', 5)] },
      { path: 'common.yaml', findings: [finding('common.yaml', 4, 'CPC001', 'other'), finding('common.yaml', 4, 'CPC002')] },
    ]);
    assert.equal(result.length, 4);
  });
});
