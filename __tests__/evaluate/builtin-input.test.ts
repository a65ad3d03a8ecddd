/**
 * The built-in rules are given the document without its copies of the source text, a RUN's script as
 * text and a compose file's model as written (see builtin-input.ts). That is only sound while no
 * built-in rule reads them: this runs the committed module on real files both ways and requires the
 * same results, rule by rule.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { builtinRuleInput } from '../../src/evaluate/builtin-input.js';
import { ENTRYPOINTS } from '../../src/evaluate/policy-engine.js';
import { REAL_CORPUS, corpusDocuments } from '../support/corpus-documents.js';

test('the built-in rules give the same results without what builtinRuleInput leaves out as with it', { skip: !existsSync(REAL_CORPUS) && `corpus ${REAL_CORPUS} is missing` }, async () => {
  const policy = await loadPolicy(readFileSync('dist/policy/policy.wasm'), { initial: 4096 });
  policy.setData(JSON.parse(readFileSync('dist/policy/data.json', 'utf8')) as object);
  const documents = await corpusDocuments();
  const kinds = new Set(documents.map((d) => d.kind));
  assert.ok(documents.length > 4000 && kinds.size === 2, `${documents.length} documents of ${[...kinds].join(', ')}`);
  let findings = 0;
  for (const document of documents) {
    const whole = policy.evaluate(document, ENTRYPOINTS[document.kind]) as { result: Record<string, unknown[]> }[];
    const trimmed = policy.evaluate(builtinRuleInput(document), ENTRYPOINTS[document.kind]);
    assert.deepEqual(trimmed, whole, document.path);
    findings += Object.values(whole[0]?.result ?? {}).reduce((sum, list) => sum + list.length, 0);
  }
  // The comparison exercises the rules: tens of thousands of findings, not an empty comparison.
  assert.ok(findings > 50000, `${findings} findings`);
});
