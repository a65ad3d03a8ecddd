import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckError, Finding, ScanResult, Severity } from '../../src/model.js';
import { countBySeverity, decideVerdict, type FailOn } from '../../src/verdict/decide-verdict.js';
import { makeFinding } from '../fixtures/report/scan-result.js';

const ERROR: CheckError = { kind: 'parse', path: 'Dockerfile', message: 'bad' };
const run = (severities: Severity[], errors: CheckError[] = []): ScanResult => ({
  files: [],
  findings: severities.map((severity): Finding => makeFinding({ severity })),
  errors,
});

describe('decideVerdict', () => {
  const cases: [FailOn, Severity[], 'pass' | 'fail'][] = [
    ['deny', [], 'pass'],
    ['deny', ['warn'], 'pass'],
    ['deny', ['deny'], 'fail'],
    ['deny', ['warn', 'deny'], 'fail'],
    ['warn', [], 'pass'],
    ['warn', ['warn'], 'fail'],
    ['warn', ['deny'], 'fail'],
    ['never', ['deny', 'warn'], 'pass'],
  ];
  for (const [failOn, severities, expected] of cases) {
    it(`fail-on ${failOn} with [${severities.join(', ')}] → ${expected}`, () => {
      assert.equal(decideVerdict(run(severities), { failOn }), expected);
    });
  }

  it('fails on any check error, whatever the threshold', () => {
    for (const failOn of ['deny', 'warn', 'never'] as const) {
      assert.equal(decideVerdict(run([], [ERROR]), { failOn }), 'fail');
      assert.equal(decideVerdict(run([], [ERROR]), { failOn, allowErrors: false }), 'fail');
    }
  });

  it('lets errors pass only when allowed, and findings still count', () => {
    assert.equal(decideVerdict(run([], [ERROR]), { failOn: 'deny', allowErrors: true }), 'pass');
    assert.equal(decideVerdict(run(['deny'], [ERROR]), { failOn: 'deny', allowErrors: true }), 'fail');
  });

  it('refuses an unknown threshold instead of passing', () => {
    assert.throws(() => decideVerdict(run([]), { failOn: 'error' as FailOn }), /Unknown fail-on threshold "error"; valid values: deny, warn, never/);
  });
});

describe('countBySeverity', () => {
  it('counts each severity', () => {
    assert.deepEqual(countBySeverity(run(['deny', 'warn', 'warn'])), { deny: 1, warn: 2 });
    assert.deepEqual(countBySeverity(run([])), { deny: 0, warn: 0 });
  });
});
