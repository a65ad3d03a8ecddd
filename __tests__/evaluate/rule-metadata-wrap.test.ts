import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../support/run-action.js';

/** The rule files of the embedded policy (tests aside), with their paths relative to the repository. */
function ruleFiles(): string[] {
  const root = join(REPO_ROOT, 'policies');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.rego') && !p.endsWith('_test.rego'))
    .map((p) => join('policies', p))
    .sort();
}

/**
 * Lines of folded block scalars (`>` or `>-`) in a file's METADATA comments that end in a word
 * and a hyphen: folding joins the next line with a space, so `max-` + `size` reads `max- size`.
 */
function hyphenBreaks(text: string): string[] {
  const found: string[] = [];
  let foldedIndent: number | undefined;
  text.split('\n').forEach((line, i) => {
    const m = /^#( *)(.*)$/.exec(line);
    if (!m) {
      foldedIndent = undefined;
      return;
    }
    const indent = (m[1] as string).length;
    const body = m[2] as string;
    if (foldedIndent !== undefined && indent >= foldedIndent && body !== '') {
      if (/\w-$/.test(body)) found.push(`line ${i + 1}: ${body}`);
      return;
    }
    // A key whose value is a folded scalar: the lines below, indented further, belong to it.
    foldedIndent = /^[\w-]+: *>-?\s*$/.test(body) ? indent + 1 : undefined;
  });
  return found;
}

describe('rule METADATA', () => {
  it('finds a folded line that ends in a hyphen (the check is really checking)', () => {
    assert.deepEqual(hyphenBreaks('# METADATA\n# custom:\n#   remediation: >-\n#     Set `options: {max-\n#     size: "10m"}`.\npackage x\n'), ['line 4: Set `options: {max-']);
    assert.deepEqual(hyphenBreaks('# METADATA\n# title: a-\n# description: >-\n#   fine\n#   text\n'), []);
  });

  for (const file of ruleFiles()) {
    it(`${file}: no folded line ends in a hyphen, which folding would follow with a space`, () => {
      assert.deepEqual(hyphenBreaks(readFileSync(join(REPO_ROOT, file), 'utf8')), []);
    });
  }
});
