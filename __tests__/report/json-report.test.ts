import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serializeJsonReport, toJsonReport } from '../../src/report/json-report.js';
import { hostileResult, makeFinding } from '../fixtures/report/scan-result.js';

const TOOL = { name: 'container-policy', version: '1.2.3' };

describe('toJsonReport', () => {
  it('has the documented shape and counts', () => {
    const report = toJsonReport(hostileResult, 'fail', TOOL);
    assert.equal(report.version, 1);
    assert.deepEqual(report.tool, TOOL);
    assert.equal(report.verdict, 'fail');
    assert.deepEqual(report.summary, { files: 6, findings: 5, deny: 2, warn: 3, errors: 3 });
    assert.deepEqual(Object.keys(report), ['version', 'tool', 'verdict', 'summary', 'files', 'findings', 'errors']);
    assert.deepEqual(Object.keys(report.findings[0] ?? {}), [
      'ruleId', 'title', 'severity', 'kind', 'path', 'startLine', 'endLine', 'message', 'remediation', 'compliance', 'aliases',
    ]);
  });

  it('sorts findings, files and errors, and normalises mappings', () => {
    const report = toJsonReport(
      {
        files: [{ path: 'b', kind: 'dockerfile' }, { path: 'a', kind: 'compose' }],
        findings: [
          makeFinding({ severity: 'warn', path: 'a' }),
          makeFinding({ path: 'b', compliance: { soc2: ['CC6.6', 'CC6.1'], 'cis-docker': ['5.10', '5.4'] }, aliases: { z: ['1'], a: ['2'] } }),
        ],
        errors: [{ kind: 'parse', path: 'x', message: 'm' }, { kind: 'config', message: 'c' }],
      },
      'fail',
      TOOL,
    );
    assert.deepEqual(report.files.map((f) => f.path), ['a', 'b']);
    assert.deepEqual(report.findings.map((f) => f.severity), ['deny', 'warn']);
    assert.deepEqual(report.findings[0]?.compliance, { 'cis-docker': ['5.4', '5.10'], soc2: ['CC6.1', 'CC6.6'] });
    assert.deepEqual(Object.keys(report.findings[0]?.aliases ?? {}), ['a', 'z']);
    assert.deepEqual(report.errors, [
      { kind: 'config', path: null, line: null, message: 'c' },
      { kind: 'parse', path: 'x', line: null, message: 'm' },
    ]);
  });

  it('normalises each finding’s mappings, whether its rule’s shared objects or its own', () => {
    const compliance = { soc2: ['CC6.6', 'CC6.1'], 'cis-docker': ['5.10', '5.4'] };
    const aliases = { z: ['1'], a: ['2'] };
    const findings = [
      makeFinding({ path: 'a', compliance, aliases }),
      makeFinding({ path: 'b', compliance: { 'nist-800-190': ['4.1.2'], 'cis-docker': ['4.1'] }, aliases: {} }),
      makeFinding({ path: 'c', compliance, aliases }),
    ];
    const report = toJsonReport({ files: [], findings, errors: [] }, 'fail', TOOL);
    assert.deepEqual(report.findings.map((f) => f.compliance), [
      { 'cis-docker': ['5.4', '5.10'], soc2: ['CC6.1', 'CC6.6'] },
      { 'cis-docker': ['4.1'], 'nist-800-190': ['4.1.2'] },
      { 'cis-docker': ['5.4', '5.10'], soc2: ['CC6.1', 'CC6.6'] },
    ]);
    assert.deepEqual(report.findings.map((f) => Object.keys(f.aliases)), [['a', 'z'], [], ['a', 'z']]);
    assert.deepEqual(compliance, { soc2: ['CC6.6', 'CC6.1'], 'cis-docker': ['5.10', '5.4'] }, 'the rule’s own objects are left as they were');
  });

  it('serialises without legacy runner commands but parses back to the same report', () => {
    const report = toJsonReport(hostileResult, 'fail', TOOL);
    const text = serializeJsonReport(report);
    assert.doesNotMatch(text, /##\[/);
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(JSON.parse(text), report);
    for (const line of text.split('\n')) assert.ok(!line.trimStart().startsWith('::'));
  });
});
