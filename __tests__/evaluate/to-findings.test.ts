import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalogue, RuleMeta } from '../../src/evaluate/catalogue.js';
import { toFindings } from '../../src/evaluate/to-findings.js';
import type { NodePath, ParsedFile } from '../../src/parse/parsed-file.js';

const meta = (id: string): RuleMeta => ({
  id,
  title: `Title ${id}`,
  description: 'd',
  severity: 'deny',
  remediation: `Fix ${id}`,
  compliance: { 'cis-docker': ['5.5'] },
  aliases: { kics: ['k'] },
});
const catalogue: Catalogue = { dockerfile: { root_user: meta('CPD002') }, compose: { privileged: meta('CPC001') } };

function composeFile(lines: number): ParsedFile & { asked: NodePath[] } {
  const asked: NodePath[] = [];
  return {
    asked,
    document: { kind: 'compose', path: 'c/compose.yaml', lines: Array.from({ length: lines }, () => 'x'), data: {} },
    locate(path) {
      asked.push(path);
      return path.length === 3 ? { startLine: 4, endLine: 4 } : { startLine: 2, endLine: 6 };
    },
  };
}

describe('toFindings', () => {
  it('joins raw results with rule metadata and maps YAML paths to lines', () => {
    const parsed = composeFile(10);
    const out = toFindings({ privileged: [{ msg: 'Service "web" is privileged', path: ['services', 'web', 'privileged'] }] }, parsed, catalogue);
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.findings, [
      {
        ruleId: 'CPC001',
        title: 'Title CPC001',
        severity: 'deny',
        kind: 'compose',
        path: 'c/compose.yaml',
        startLine: 4,
        endLine: 4,
        message: 'Service "web" is privileged',
        remediation: 'Fix CPC001',
        compliance: { 'cis-docker': ['5.5'] },
        aliases: { kics: ['k'] },
      },
    ]);
    assert.deepEqual(parsed.asked, [['services', 'web', 'privileged']]);
  });

  it('uses explicit lines, clamps them to the file and orders start before end', () => {
    const parsed = composeFile(5);
    const out = toFindings({ privileged: [{ msg: 'a', startLine: 3, endLine: 1 }, { msg: 'b', startLine: 99 }] }, parsed, catalogue);
    assert.deepEqual(out.findings.map((f) => [f.startLine, f.endLine]), [[3, 3], [5, 5]]);
  });

  it('reads the rules in name order, and an unknown rule is an error even with no results', () => {
    const parsed = composeFile(5);
    const both: Catalogue = { ...catalogue, compose: { privileged: meta('CPC001'), cap_add: meta('CPC002') } };
    const out = toFindings({ privileged: [{ msg: 'p' }], unknown_rule: [], cap_add: [{ msg: 'c' }], root_user: [] }, parsed, both);
    assert.deepEqual(out.findings.map((f) => f.ruleId), ['CPC002', 'CPC001']);
    assert.deepEqual(out.errors.map((e) => e.message), ['Rule compose/root_user produced results but has no entry in the policy catalogue.', 'Rule compose/unknown_rule produced results but has no entry in the policy catalogue.']);
  });

  it('turns contract breaches into errors against the file instead of dropping them', () => {
    const parsed = composeFile(5);
    const out = toFindings({ privileged: [{ path: ['services'] }, 'text'], unknown_rule: [{ msg: 'x' }], root_user: 'nope' }, parsed, catalogue);
    assert.equal(out.findings.length, 0);
    const messages = out.errors.map((e) => e.message).join('\n');
    assert.match(messages, /CPC001 returned a finding without a message/);
    assert.match(messages, /compose\/unknown_rule produced results but has no entry/);
    assert.match(messages, /compose\/root_user/);
    assert.ok(out.errors.every((e) => e.kind === 'policy' && e.path === 'c/compose.yaml'));
    assert.equal(toFindings(null, parsed, catalogue).errors.length, 1);
  });
});
