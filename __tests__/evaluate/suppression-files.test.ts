import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_CONFIG } from '../../src/config/config-file.js';
import { applyConfig } from '../../src/evaluate/apply-config.js';
import type { Finding } from '../../src/model.js';
import { decodeText } from '../../src/parse/decode-text.js';
import { buildComposeProject } from '../../src/parse/compose/project.js';
import { makeWorkspace, scanJson } from '../robustness/helpers.js';

// A suppression comment covers findings in its own file: in a compose project (base file plus override,
// extends and include files) a comment in compose.yaml must not suppress a finding on the same line
// number of the override file, and a comment in the override file must suppress the finding there.

const BASE = ['services:', '  web:', '    image: nginx:1.27', '    user: "1000"'];
const OVERRIDE = ['services:', '  web:', '    read_only: true', '    privileged: true'];
const COMMENT = '  # container-policy ignore=CPC001 -- the GPU plugin needs it';

function project(base: string[], override: string[]) {
  const files: Record<string, string[]> = { 'compose.yaml': base, 'compose.override.yaml': override };
  return buildComposeProject(['compose.yaml', 'compose.override.yaml'], (p) => (files[p] ? decodeText(p, new TextEncoder().encode(files[p].join('\n') + '\n')) : null), {});
}

const privileged: Finding = {
  ruleId: 'CPC001',
  title: 'Privileged service',
  severity: 'deny',
  kind: 'compose',
  path: 'compose.override.yaml',
  startLine: 4,
  endLine: 4,
  message: 'Service "web" runs privileged',
  remediation: 'Drop privileged.',
  compliance: {},
  aliases: {},
};

describe('suppression comments in a compose project', () => {
  it('a comment in the base file does not suppress a finding on the same line of the override file', () => {
    const parsed = project([...BASE.slice(0, 3), BASE[3] + COMMENT], OVERRIDE);
    const result = applyConfig([privileged], parsed, EMPTY_CONFIG);
    assert.deepEqual(result.suppressed, []);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.path, f.startLine]),
      [
        ['CPC001', 'compose.override.yaml', 4],
        ['CPS002', 'compose.yaml', 4],
      ],
    );
  });

  it('a comment in the override file suppresses the finding there, and is reported against that file', () => {
    const parsed = project(BASE, [...OVERRIDE.slice(0, 3), OVERRIDE[3] + COMMENT]);
    const result = applyConfig([privileged], parsed, EMPTY_CONFIG);
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressed.length, 1);
    assert.equal(result.suppressed[0]?.source, 'compose.override.yaml:4');
  });

  it('an unused comment in the override file is reported on its own file and line', () => {
    const parsed = project(BASE, [...OVERRIDE.slice(0, 2), `${OVERRIDE[2]}  # container-policy ignore=CPC009 -- stale`, ...OVERRIDE.slice(3)]);
    const result = applyConfig([privileged], parsed, EMPTY_CONFIG);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.path, f.startLine]),
      [
        ['CPC001', 'compose.override.yaml', 4],
        ['CPS002', 'compose.override.yaml', 3],
      ],
    );
  });

  it('through the CLI: the base file comment leaves the override finding in place', async () => {
    const workspace = makeWorkspace({
      'compose.yaml': [...BASE.slice(0, 3), BASE[3] + COMMENT].join('\n') + '\n',
      'compose.override.yaml': OVERRIDE.join('\n') + '\n',
    });
    const run = await scanJson(workspace);
    const found = run.report.findings.filter((f) => f.ruleId === 'CPC001' || f.ruleId === 'CPS002').map((f) => [f.ruleId, f.path, f.startLine]);
    assert.deepEqual(found.sort(), [
      ['CPC001', 'compose.override.yaml', 4],
      ['CPS002', 'compose.yaml', 4],
    ]);
    const moved = makeWorkspace({ 'compose.yaml': BASE.join('\n') + '\n', 'compose.override.yaml': [...OVERRIDE.slice(0, 3), OVERRIDE[3] + COMMENT].join('\n') + '\n' });
    assert.deepEqual(
      (await scanJson(moved)).report.findings.filter((f) => f.ruleId === 'CPC001' || f.ruleId === 'CPS002'),
      [],
    );
  });
});
