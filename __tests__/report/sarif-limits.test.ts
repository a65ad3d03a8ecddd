import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalogue, RuleMeta } from '../../src/evaluate/catalogue.js';
import type { Finding, ScanResult, SuppressedFinding } from '../../src/model.js';
import { SARIF_RESULTS_PER_RUN, SARIF_RULES_PER_RUN } from '../../src/report/limits.js';
import { FINGERPRINT_KEY, sarifCut, toSarif } from '../../src/report/sarif.js';
import { describeSarifCut } from '../../src/report/sarif-cut.js';
import { makeFinding } from '../fixtures/report/scan-result.js';

const TOOL = { name: 'container-policy', version: '1.2.3' };

/* eslint-disable @typescript-eslint/no-explicit-any -- reading SARIF back as untyped JSON */
type Log = any;

/** `count` findings of one severity, each on its own line of one file, so every one is a distinct result. */
function findings(count: number, severity: Finding['severity'], path = 'compose.yaml'): Finding[] {
  return Array.from({ length: count }, (_, i) => makeFinding({ severity, path, startLine: i + 1, endLine: i + 1, message: `finding ${i}` }));
}

function suppressedOf(list: Finding[]): SuppressedFinding[] {
  return list.map((finding) => ({ finding, by: 'config', reason: 'accepted', source: 'exclusions' }));
}

describe('toSarif at GitHub limits on a run', () => {
  it('keeps a run of exactly the limit whole, with no notification', () => {
    const result: ScanResult = { files: [], findings: findings(SARIF_RESULTS_PER_RUN - 1, 'deny'), errors: [], suppressed: suppressedOf(findings(1, 'warn', 'b/Dockerfile')) };
    const run = (toSarif(result, undefined, TOOL) as Log).runs[0];
    assert.equal(run.results.length, SARIF_RESULTS_PER_RUN);
    assert.deepEqual(run.invocations[0].toolExecutionNotifications, []);
    assert.equal(sarifCut(result, undefined).resultsLeftOut, 0);
    assert.equal(describeSarifCut(sarifCut(result, undefined)), undefined);
  });

  it('cuts results past the limit, denials first and suppressed findings last, and says so in the invocation', () => {
    const deny = findings(SARIF_RESULTS_PER_RUN - 2, 'deny');
    const warn = findings(5, 'warn', 'b/compose.yaml');
    const result: ScanResult = { files: [], findings: [...warn, ...deny], errors: [], suppressed: suppressedOf(findings(3, 'deny', 'c/compose.yaml')) };
    const run = (toSarif(result, undefined, TOOL) as Log).runs[0];
    assert.equal(run.results.length, SARIF_RESULTS_PER_RUN);
    assert.equal(run.results.filter((r: Log) => r.level === 'error').length, SARIF_RESULTS_PER_RUN - 2);
    assert.equal(run.results.filter((r: Log) => r.level === 'warning').length, 2);
    assert.equal(run.results.filter((r: Log) => r.suppressions).length, 0);
    // Suppressed findings count against the limit: 3 warnings and 3 suppressed denials left out.
    assert.deepEqual(sarifCut(result, undefined), { results: SARIF_RESULTS_PER_RUN + 6, resultsLeftOut: 6, rules: 1, rulesLeftOut: 0 });
    const notes = run.invocations[0].toolExecutionNotifications;
    assert.equal(notes.length, 1);
    assert.equal(notes[0].level, 'warning');
    assert.equal(notes[0].descriptor.id, 'sarif-limits');
    assert.match(notes[0].message.text, /^6 results of 25,006 left out of the SARIF log .*more than 25,000 results\. The JSON report lists every finding\.$/);
    // The run is still successful: nothing failed to be checked.
    assert.equal(run.invocations[0].executionSuccessful, true);
  });

  it('keeps the fingerprints of the results it keeps', () => {
    const twins = [makeFinding({ startLine: 1 }), makeFinding({ startLine: 2 })];
    const whole = (toSarif({ files: [], findings: twins, errors: [] }, undefined, TOOL) as Log).runs[0].results;
    const result: ScanResult = { files: [], findings: [...twins, ...findings(SARIF_RESULTS_PER_RUN, 'warn', 'z/compose.yaml')], errors: [] };
    const cut = (toSarif(result, undefined, TOOL) as Log).runs[0].results;
    assert.deepEqual(
      cut.slice(0, 2).map((r: Log) => r.partialFingerprints[FINGERPRINT_KEY]),
      whole.map((r: Log) => r.partialFingerprints[FINGERPRINT_KEY]),
    );
  });

  it('cuts rules past the limit, never one a result names, and keeps every ruleIndex right', () => {
    const rule = (id: string): RuleMeta => ({ id, title: `Rule ${id}`, description: '', severity: 'warn', remediation: 'Fix it.', compliance: {}, aliases: {} });
    const dockerfile: Record<string, RuleMeta> = {};
    for (let i = 0; i < SARIF_RULES_PER_RUN + 10; i++) dockerfile[`r${i}`] = rule(`R${String(i).padStart(6, '0')}`);
    const catalogue: Catalogue = { dockerfile, compose: {} };
    // The last rule in id order, which a plain cut would drop, and a rule the catalogue does not know.
    const named = [makeFinding({ ruleId: `R${String(SARIF_RULES_PER_RUN + 9).padStart(6, '0')}` }), makeFinding({ ruleId: 'ZZZ999', startLine: 4 })];
    const result: ScanResult = { files: [], findings: named, errors: [] };
    const run = (toSarif(result, catalogue, TOOL) as Log).runs[0];
    assert.equal(run.tool.driver.rules.length, SARIF_RULES_PER_RUN);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.deepEqual(sarifCut(result, catalogue), { results: 2, resultsLeftOut: 0, rules: SARIF_RULES_PER_RUN + 11, rulesLeftOut: 11 });
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /^11 rules without results left out of the SARIF log/);
  });
});
