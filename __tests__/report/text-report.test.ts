import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, ScanResult } from '../../src/model.js';
import { renderText } from '../../src/report/text-report.js';
import { hostileResult, makeFinding } from '../fixtures/report/scan-result.js';

const ESC = '\u001b';
const result = (findings: readonly Finding[], errors: ScanResult['errors'] = []): ScanResult => ({ files: [], findings, errors });

describe('renderText', () => {
  it('groups findings by file, denials first, with an indented fix line', () => {
    const text = renderText(
      result([
        makeFinding({ severity: 'warn', path: 'b/Dockerfile', startLine: 2, endLine: 2 }),
        makeFinding({ path: 'c/Dockerfile', startLine: 5, endLine: 6, ruleId: 'CPD002', message: 'm' }),
        makeFinding({ path: 'b/Dockerfile', startLine: 9, endLine: 9 }),
      ]),
      'fail',
      { color: false, fix: true },
    );
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 8), [
      'b/Dockerfile:9  DENY  CPD001  FROM nginx:latest uses a mutable tag',
      '    fix: Pin the image to a version tag or a digest.',
      'b/Dockerfile:2  WARN  CPD001  FROM nginx:latest uses a mutable tag',
      '    fix: Pin the image to a version tag or a digest.',
      '',
      'c/Dockerfile:5-6  DENY  CPD002  m',
      '    fix: Pin the image to a version tag or a digest.',
      '',
    ]);
    assert.ok(text.endsWith('0 files checked: 2 denials, 1 warning, 0 errors\nVerdict: FAIL\n'));
  });

  it('uses ANSI colour only when asked', () => {
    assert.ok(!renderText(hostileResult, 'fail', { color: false }).includes(ESC));
    assert.ok(renderText(hostileResult, 'fail', { color: true }).includes(`${ESC}[31mDENY${ESC}[0m`));
  });

  it('strips control characters from repository text', () => {
    const text = renderText(result([makeFinding({ message: 'a\u001b]0;title\u0007b\u009b2Jc\u202Ed\r\ne\tf' })]), 'pass', { color: false });
    assert.ok(text.includes('a]0;titleb2Jcd e f'));
    assert.ok([...text].every((ch) => ch === '\n' || !/[\p{Cc}\u202e]/u.test(ch)));
  });

  it('never lets repository text form a workflow command on a runner', () => {
    for (const line of renderText(hostileResult, 'fail', { color: false }).split('\n')) {
      assert.ok(!line.trimStart().startsWith('::'), line);
      assert.ok(!line.includes('##['), line);
    }
  });

  it('lists errors after findings, run-wide first', () => {
    const text = renderText(result([], [{ kind: 'parse', path: 'x.yaml', line: 3, message: 'bad' }, { kind: 'config', message: 'none' }]), 'fail', { color: false });
    assert.ok(text.startsWith('Errors:\n(run)  ERROR  config  none\nx.yaml:3  ERROR  parse  bad\n\n'));
  });
});

describe('renderText without --fix', () => {
  it('keeps one line per finding and says how to see the fixes', () => {
    const text = renderText(result([makeFinding(), makeFinding({ severity: 'warn', startLine: 4, endLine: 4 })]), 'fail', { color: false });
    assert.doesNotMatch(text, /fix:/);
    assert.ok(text.endsWith('Verdict: FAIL\nRun with --fix to see how to fix each finding.\n'));
    assert.doesNotMatch(renderText(result([]), 'pass', { color: false }), /--fix/);
  });
});
