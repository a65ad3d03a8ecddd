import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { FINGERPRINT_KEY, serializeSarif, toArtifactUri, toSarif } from '../../src/report/sarif.js';
import { fixtureCatalogue, largeResult } from '../fixtures/report/large-result.js';
import { makeFinding } from '../fixtures/report/scan-result.js';

const TOOL = { name: 'container-policy', version: '1.2.3' };

/* eslint-disable @typescript-eslint/no-explicit-any -- reading SARIF back as untyped JSON */
type Log = any;

/**
 * The native SARIF Multitool the npm package ships. It is called directly: the package's `.bin`
 * wrapper runs it through a shell, which splits `Sarif;Ghas` at the semicolon.
 */
function multitool(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Validates with the SARIF rules and GitHub's ingestion rules; returns the validator's results. */
function validate(log: Log): { level: string; ruleId: string; text: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'cpa-sarif-'));
  const input = join(dir, 'in.sarif');
  const output = join(dir, 'out.sarif');
  writeFileSync(input, typeof log === 'string' ? log : serializeSarif(log));
  const run = spawnSync(multitool() as string, ['validate', input, '--output', output, '--rule-kind', 'Sarif;Ghas'], { encoding: 'utf8' });
  assert.ok(existsSync(output), `the validator wrote no report: ${run.stdout}${run.stderr}`);
  const report = JSON.parse(readFileSync(output, 'utf8')) as Log;
  return (report.runs[0].results ?? []).map((r: Log) => ({ level: r.level ?? 'warning', ruleId: r.ruleId, text: r.message?.text ?? JSON.stringify(r.message) }));
}

const skipValidator = multitool() === undefined ? 'the SARIF Multitool is not installed (npm ci installs it)' : false;

describe('SARIF validated by the SARIF Multitool (rule kinds Sarif;Ghas)', { skip: skipValidator }, () => {
  it('has no errors and no warnings for the large hostile run', () => {
    const problems = validate(toSarif(largeResult, fixtureCatalogue, TOOL));
    assert.deepEqual(problems, []);
  });

  it('has no errors for a run without a catalogue, findings or files', () => {
    assert.deepEqual(validate(toSarif({ files: [], findings: [], errors: [] }, undefined, TOOL)).filter((p) => p.level === 'error'), []);
  });

  it('does report a location GitHub could not place (the validator is really checking)', () => {
    const log = toSarif({ files: [], findings: [makeFinding()], errors: [] }, fixtureCatalogue, TOOL) as Log;
    delete log.runs[0].results[0].locations[0].physicalLocation.region;
    assert.ok(validate(log).some((p) => p.ruleId === 'SARIF2017'));
  });
});

/**
 * The Multitool reports nothing at all for a log its object model cannot read (e.g. an unknown
 * `level`), so the log is also checked against the SARIF 2.1.0 JSON schema the package ships.
 */
describe('SARIF validated against the SARIF 2.1.0 JSON schema', { skip: skipValidator }, () => {
  const schemaPath = join(dirname(multitool() ?? '.'), 'sarif-2.1.0.json');
  const check = () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  };

  it('accepts the large hostile run and a run without a catalogue', () => {
    const valid = check();
    for (const log of [toSarif(largeResult, fixtureCatalogue, TOOL), toSarif({ files: [], findings: [], errors: [] }, undefined, TOOL)]) {
      assert.ok(valid(JSON.parse(serializeSarif(log))), JSON.stringify(valid.errors));
    }
  });

  it('rejects a result with an unknown level', () => {
    const log = toSarif({ files: [], findings: [makeFinding()], errors: [] }, undefined, TOOL) as Log;
    log.runs[0].results[0].level = 'fatal';
    assert.equal(check()(log), false);
  });
});

describe('toSarif', () => {
  const log = toSarif(largeResult, fixtureCatalogue, TOOL) as Log;
  const run = log.runs[0];

  it('lists every catalogue rule with help, compliance tags and security-severity', () => {
    const rules = run.tool.driver.rules as Log[];
    assert.deepEqual(rules.map((r) => r.id), ['CPC010', 'CPD001', 'CPD010', 'CPD020', 'CPD030', 'CPD040', 'CPD050']);
    const root = rules.find((r) => r.id === 'CPD010');
    assert.deepEqual(root.properties.tags, ['security', 'container', 'dockerfile', 'CIS-Docker-4.1', 'OWASP-Docker-D01', 'PCI-DSS-7.2.1', 'SOC2-CC6.1']);
    assert.equal(root.properties['security-severity'], '5.0');
    assert.equal(rules.find((r) => r.id === 'CPD001').properties['security-severity'], '8.0');
    assert.match(root.help.markdown, /\*\*Fix:\*\* Fix CPD010 like this/);
    assert.match(root.help.text, /SOC 2: CC6\.1/);
  });

  it('has one result per finding and suppressed finding, with repository-relative locations', () => {
    assert.equal(run.results.length, largeResult.findings.length + (largeResult.suppressed?.length ?? 0));
    const odd = run.results.find((r: Log) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('odd'));
    assert.equal(odd.locations[0].physicalLocation.artifactLocation.uri, 'odd%20dir/a%2Cb%3Ac%7Cd%60e%60.Dockerfile');
    assert.equal(toArtifactUri('::add-mask::leak/Dockerfile'), '%3A%3Aadd-mask%3A%3Aleak/Dockerfile');
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    }
    const suppressed = run.results.filter((r: Log) => r.suppressions);
    assert.deepEqual(suppressed.map((r: Log) => r.suppressions[0].kind), ['inSource', 'external']);
  });

  it('reports files that could not be checked as notifications of an unsuccessful invocation', () => {
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.equal(run.invocations[0].toolExecutionNotifications.length, largeResult.errors.length);
  });

  it('keeps fingerprints when lines move, and tells duplicates and different findings apart', () => {
    const fp = (findings: ReturnType<typeof makeFinding>[]) =>
      (toSarif({ files: [], findings, errors: [] }, undefined, TOOL) as Log).runs[0].results.map((r: Log) => r.partialFingerprints[FINGERPRINT_KEY]);
    const [a] = fp([makeFinding({ startLine: 3, endLine: 3 })]);
    const [b] = fp([makeFinding({ startLine: 30, endLine: 31 })]);
    assert.equal(a, b);
    const [c] = fp([makeFinding({ message: 'another image' })]);
    assert.notEqual(a, c);
    const twins = fp([makeFinding({ startLine: 1 }), makeFinding({ startLine: 9 })]);
    assert.equal(new Set(twins).size, 2);
    assert.match(a, /^[0-9a-f]{64}$/);
    // A message that names lines keeps its fingerprint when they move; two such twins stay apart.
    const merged = (lines: string) => makeFinding({ ruleId: 'CPD055', message: `2 consecutive RUN instructions (${lines}) could be one` });
    const [d] = fp([{ ...merged('lines 2-3'), startLine: 2, endLine: 3 }]);
    const [e] = fp([{ ...merged('lines 12-13'), startLine: 12, endLine: 13 }]);
    assert.equal(d, e);
    const [f] = fp([makeFinding({ message: 'CMD on line 3 is overridden by the one on line 4' })]);
    const [g] = fp([makeFinding({ message: 'CMD on line 30 is overridden by the one on line 41' })]);
    assert.equal(f, g);
    assert.equal(new Set(fp([{ ...merged('lines 2-3'), startLine: 2, endLine: 3 }, { ...merged('lines 8-9'), startLine: 8, endLine: 9 }])).size, 2);
  });

  it('never lets repository text form a runner command when the file is printed', () => {
    assert.doesNotMatch(serializeSarif(log), /##\[/);
  });
});
