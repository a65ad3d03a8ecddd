import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalogue, RuleMeta } from '../../src/evaluate/catalogue.js';
import type { Finding } from '../../src/model.js';
import { fromWire, rulesById, toWire, wireReceiver } from '../../src/parallel/wire-findings.js';

const META: RuleMeta = {
  id: 'CPD002',
  title: 'Runs as root',
  description: 'The image runs as root.',
  severity: 'deny',
  remediation: 'Add USER with a non-root user.',
  compliance: { 'cis-docker': ['4.1'] },
  aliases: { hadolint: ['DL3002'] },
};
const CATALOGUE: Catalogue = { dockerfile: { root_user: META }, compose: {} };

const ofRule = (line: number): Finding => ({
  ruleId: META.id,
  title: META.title,
  severity: 'warn', // a configured override: kept from the finding, not the catalogue
  kind: 'dockerfile',
  path: 'a/Dockerfile',
  startLine: line,
  endLine: line,
  message: `root on line ${line}`,
  remediation: META.remediation,
  compliance: META.compliance,
  aliases: META.aliases,
});
// A finding the configuration stage makes itself (an unused suppression comment): not the catalogue's.
const OWN: Finding = { ...ofRule(9), ruleId: 'CPS002', title: 'Suppression comment suppresses nothing', remediation: 'Remove the comment.', compliance: {}, aliases: {} };

describe('findings across threads', () => {
  it('leave their rule metadata behind and get the receiving catalogue’s objects back, the rest whole', () => {
    const checked = { findings: [ofRule(3), OWN], errors: [{ kind: 'policy' as const, path: 'a/Dockerfile', message: 'x' }], suppressed: [{ finding: ofRule(5), by: 'comment' as const, reason: 'r', source: 'a/Dockerfile:4' }] };
    const wire = toWire(checked, rulesById(CATALOGUE));
    assert.ok(!('compliance' in (wire.findings[0] as object)) && wire.findings[0]?.metadata === undefined);
    assert.deepEqual(wire.findings[1]?.metadata, { title: OWN.title, remediation: OWN.remediation, compliance: {}, aliases: {} });
    // What structured clone does on the way: copies of everything.
    const received = structuredClone(wire);
    const receiver = structuredClone(CATALOGUE);
    const back = fromWire(received, wireReceiver(receiver));
    assert.deepEqual(back, checked);
    assert.equal(back.findings[0]?.compliance, receiver.dockerfile.root_user?.compliance, 'the receiver’s own object, shared');
    assert.equal(back.suppressed?.[0]?.finding.aliases, receiver.dockerfile.root_user?.aliases);
    assert.deepEqual(Object.keys(back.findings[0] as object), Object.keys(checked.findings[0] as object), 'fields in the same order');
  });

  it('keeps one copy of each message across the files of a scan', () => {
    const receiver = wireReceiver(CATALOGUE);
    const fileOf = (path: string) => structuredClone(toWire({ findings: [{ ...ofRule(3), path }, { ...ofRule(4), path }, { ...ofRule(3), path, message: 'other' }], errors: [] }, rulesById(CATALOGUE)));
    const first = fromWire(fileOf('a/Dockerfile'), receiver);
    const second = fromWire(fileOf('b/Dockerfile'), receiver);
    assert.deepEqual(second.findings.map((f) => [f.path, f.message]), [['b/Dockerfile', 'root on line 3'], ['b/Dockerfile', 'root on line 4'], ['b/Dockerfile', 'other']]);
    assert.deepEqual(first.findings.map((f) => f.path), ['a/Dockerfile', 'a/Dockerfile', 'a/Dockerfile']);
    assert.deepEqual([...receiver.messages.keys()], ['root on line 3', 'root on line 4', 'other']);
  });

  it('sends whole a finding whose metadata differs from its rule’s, and refuses a rule the receiver does not know', () => {
    const changed = { ...ofRule(2), remediation: 'Something else.' };
    const wire = toWire({ findings: [changed], errors: [] }, rulesById(CATALOGUE));
    assert.deepEqual(fromWire(structuredClone(wire), wireReceiver(CATALOGUE)).findings, [changed]);
    const unknown = toWire({ findings: [ofRule(2)], errors: [] }, rulesById(CATALOGUE));
    assert.throws(() => fromWire(unknown, wireReceiver({ dockerfile: {}, compose: {} })), /rule CPD002, which the catalogue does not hold/);
  });
});
