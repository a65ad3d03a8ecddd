import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollUpCompliance } from '../../src/report/compliance-rollup.js';
import { CONTROL_TITLES, FRAMEWORK_ORDER, FRAMEWORKS } from '../../src/report/compliance-titles.js';
import { compareControlIds, sortErrors, sortFindings } from '../../src/report/sort-findings.js';
import { makeFinding } from '../fixtures/report/scan-result.js';

describe('sortFindings', () => {
  it('orders by severity, path, line, rule id, message and leaves the input alone', () => {
    const input = [
      makeFinding({ severity: 'warn', path: 'a', startLine: 1 }),
      makeFinding({ path: 'b', startLine: 2, ruleId: 'CPD2' }),
      makeFinding({ path: 'b', startLine: 2, ruleId: 'CPD1', message: 'z' }),
      makeFinding({ path: 'b', startLine: 2, ruleId: 'CPD1', message: 'a' }),
      makeFinding({ path: 'B', startLine: 10 }),
      makeFinding({ path: 'b', startLine: 1 }),
    ];
    const before = [...input];
    const keys = sortFindings(input).map((f) => `${f.severity} ${f.path}:${f.startLine} ${f.ruleId} ${f.message}`);
    assert.deepEqual(input, before);
    assert.deepEqual(keys.map((k) => k.split(' ').slice(0, 3).join(' ')), [
      'deny B:10 CPD001', 'deny b:1 CPD001', 'deny b:2 CPD1', 'deny b:2 CPD1', 'deny b:2 CPD2', 'warn a:1 CPD001',
    ]);
    assert.ok(keys[2]?.endsWith(' a') && keys[3]?.endsWith(' z'));
  });

  it('gives the same order whatever the input order', () => {
    const input = Array.from({ length: 20 }, (_, i) => makeFinding({ severity: i % 3 ? 'warn' : 'deny', path: `p${i % 4}`, startLine: i % 5 }));
    assert.deepEqual(sortFindings(input), sortFindings([...input].reverse()));
  });

  it('puts run-wide errors first', () => {
    const sorted = sortErrors([{ kind: 'parse', path: 'a', line: 2, message: 'm' }, { kind: 'config', message: 'c' }, { kind: 'read', path: 'a', line: 1, message: 'm' }]);
    assert.deepEqual(sorted.map((e) => e.kind), ['config', 'read', 'parse']);
  });
});

describe('compliance', () => {
  it('orders control ids naturally', () => {
    assert.deepEqual(['5.10', '4.10', '4.2', 'CC7.1', 'CC6.6', 'D10', 'D02', '10.2.1', '2.2.6'].sort(compareControlIds), [
      '2.2.6', '4.2', '4.10', '5.10', '10.2.1', 'CC6.6', 'CC7.1', 'D02', 'D10',
    ]);
  });

  it('names every framework and has titles for each', () => {
    assert.deepEqual(FRAMEWORK_ORDER.map((id) => FRAMEWORKS[id].name), [
      'CIS Docker Benchmark v1.6.0', 'NIST SP 800-190', 'OWASP Docker Top 10', 'PCI DSS v4.0', 'SOC 2',
    ]);
    assert.equal(Object.keys(CONTROL_TITLES['cis-docker']).filter((id) => id.startsWith('5.')).length, 32);
    assert.equal(Object.keys(CONTROL_TITLES['owasp-docker']).length, 10);
  });

  it('rolls findings up per control with the worst severity, rules and files', () => {
    const [cis, unknown] = rollUpCompliance({
      findings: [
        makeFinding({ severity: 'warn', path: 'b', ruleId: 'R2', compliance: { 'cis-docker': ['4.1'] } }),
        makeFinding({ path: 'a', ruleId: 'R1', compliance: { 'cis-docker': ['4.1'], ['zz' as 'soc2']: ['Z1'] } }),
      ],
    });
    assert.deepEqual(cis, {
      id: 'cis-docker',
      name: 'CIS Docker Benchmark v1.6.0',
      suggested: false,
      controls: [
        { controlId: '4.1', title: 'A user for the container has been created', status: 'failed', worst: 'deny', ruleIds: ['R1', 'R2'], paths: ['a', 'b'], suppressed: 0 },
      ],
    });
    assert.equal(unknown?.name, 'zz');
    assert.equal(unknown?.controls[0]?.title, undefined);
  });
});
