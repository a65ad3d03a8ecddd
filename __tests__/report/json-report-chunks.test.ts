import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, ScanResult } from '../../src/model.js';
import { serializeJsonReport, toJsonReport } from '../../src/report/json-report.js';
import { serializeJsonReportChunks } from '../../src/report/json-report-chunks.js';
import { renderReport, renderReportChunks } from '../../src/report/registry.js';
import { cleanResult, hostileResult, makeFinding } from '../fixtures/report/scan-result.js';

const TOOL = { name: 'container-policy', version: '1.2.3' };

/** Many findings, so that they span several pieces, with the hostile ones among them. */
const bigResult: ScanResult = {
  ...hostileResult,
  findings: [
    ...hostileResult.findings,
    ...Array.from({ length: 1_000 }, (_, i) =>
      makeFinding({ path: `svc-${i % 37}/Dockerfile`, startLine: (i % 50) + 1, message: `finding ${i} ##[warning]é\u2028\t"q"`, severity: i % 3 ? 'warn' : 'deny' }),
    ),
  ],
};

/** Findings of a few rules, each rule's metadata objects shared by all its findings, as the catalogue gives them; one rule without mappings. */
const RULES = [
  makeFinding(),
  makeFinding({ ruleId: 'CPC004', kind: 'compose', remediation: 'Drop all: `cap_drop: [ALL]`.', compliance: { soc2: ['CC6.1'], 'cis-docker': ['5.3', '5.10'] }, aliases: { kics: ['x'], checkov: ['y'] } }),
  makeFinding({ ruleId: 'CPD999', compliance: {}, aliases: {} }),
];
const sharedResult: ScanResult = {
  ...cleanResult,
  findings: Array.from({ length: 300 }, (_, i) => ({ ...(RULES[i % 3] as Finding), path: `s${i % 7}/x`, startLine: i, endLine: i + (i % 2), message: `m ${i % 11}` })),
};
/** Findings made outside the catalogue, each with maps of its own, empty or not. */
const ownMapsResult: ScanResult = {
  ...cleanResult,
  findings: Array.from({ length: 200 }, (_, i) =>
    makeFinding({ ruleId: `CPS00${i % 2}`, path: `p${i}`, compliance: i % 3 ? {} : { soc2: [`CC${i}`] }, aliases: i % 5 ? {} : { tool: [`T${i}`, 'A'] } }),
  ),
};
/** Members that are not what they are typed as (as a bug elsewhere might give): the report is still JSON.stringify's. */
const oddResult: ScanResult = {
  ...sharedResult,
  findings: [...sharedResult.findings, { ...makeFinding(), message: undefined as unknown as string, startLine: '3' as unknown as number }],
};

describe('serializeJsonReportChunks', () => {
  const results = { hostile: hostileResult, clean: cleanResult, big: bigResult, 'no errors': { ...bigResult, errors: [] }, 'shared metadata': sharedResult, 'own maps': ownMapsResult, 'odd members': oddResult };
  for (const [name, result] of Object.entries(results)) {
    it(`gives exactly the text of serializeJsonReport, in pieces (${name})`, () => {
      const chunks = [...serializeJsonReportChunks(result, 'fail', TOOL)];
      assert.equal(chunks.join(''), serializeJsonReport(toJsonReport(result, 'fail', TOOL)));
      if (result.findings.length > 256) assert.ok(chunks.length > 3, `${chunks.length} pieces`);
    });
  }

  it('is what the registry gives for json, and the whole text for other formats', () => {
    const opts = { color: false, tool: TOOL, catalogue: { dockerfile: {}, compose: {} } };
    assert.equal([...renderReportChunks('json', bigResult, 'fail', opts)].join(''), renderReport('json', bigResult, 'fail', opts));
    assert.deepEqual([...renderReportChunks('text', bigResult, 'fail', opts)], [renderReport('text', bigResult, 'fail', opts)]);
  });
});
