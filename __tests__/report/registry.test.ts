import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UserError } from '../../src/errors.js';
import { toActionOutputs } from '../../src/report/action-outputs.js';
import { OUTPUT_FORMATS, UnknownFormatError, getRenderer, renderReport } from '../../src/report/registry.js';
import { hostileResult } from '../fixtures/report/scan-result.js';

const OPTS = { color: false, tool: { name: 'container-policy', version: '1.0.0' } };

describe('format registry', () => {
  it('renders every format to text ending in a newline', () => {
    for (const format of OUTPUT_FORMATS) {
      const out = getRenderer(format)(hostileResult, 'fail', OPTS);
      assert.ok(out.length > 0 && out.endsWith('\n'), format);
    }
  });

  it('renders github as one workflow command per line', () => {
    const lines = renderReport('github', hostileResult, 'fail', OPTS).trimEnd().split('\n');
    assert.ok(lines.every((l) => /^::(error|warning|notice)[ :]/.test(l)));
  });

  it('refuses an unknown format with a user error listing the valid ones', () => {
    assert.throws(
      () => renderReport('sarif2', hostileResult, 'fail', OPTS),
      (e: unknown) => e instanceof UnknownFormatError && e instanceof UserError && e.message === 'Unknown output format "sarif2"; valid formats: text, json, sarif, github, markdown',
    );
    assert.throws(() => getRenderer('toString'), UnknownFormatError);
  });
});

describe('toActionOutputs', () => {
  it('gives counts as strings and the verdict', () => {
    assert.deepEqual(toActionOutputs(hostileResult, 'fail'), {
      findings: '5', denials: '2', warnings: '3', errors: '3', suppressed: '0', verdict: 'fail', 'files-checked': '6',
    });
  });
});
