import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { configValidatorSource } from '../../scripts/lib/config-validator-source.js';
import { validate as generated } from '../../src/config/config-schema-validator.generated.js';
import { REPO_ROOT } from '../support/run-action.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'container-policy.schema.json'), 'utf8')) as object;
const validator = generated as ((data: unknown) => boolean) & { errors?: unknown[] | null };

/** What a validator says about a document: its verdict and its errors, as the messages are built from them. */
function verdictOf(validate: ((data: unknown) => boolean) & { errors?: unknown[] | null }, data: unknown) {
  const ok = validate(data);
  return { ok, errors: validate.errors ?? null };
}

describe('the precompiled configuration validator', () => {
  it('is up to date with the schema (else run `npm run config:validator`)', () => {
    const committed = readFileSync(join(REPO_ROOT, 'src', 'config', 'config-schema-validator.generated.ts'), 'utf8');
    assert.equal(committed, configValidatorSource(schema), 'src/config/config-schema-validator.generated.ts is stale: run `npm run config:validator`');
  });

  it('gives the same verdict and errors as the schema compiled at run time, its own helpers included', () => {
    const compiled = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
    const documents: unknown[] = [
      {},
      { version: 1, 'fail-on': 'warn', frameworks: ['soc2', 'cis-docker'] },
      { version: 2, 'fail-on': 'high', extra: true },
      // uniqueItems (the deep-equality helper): equal strings, equal objects, objects that differ, NaN.
      { frameworks: ['soc2', 'soc2'] },
      { frameworks: [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }] },
      { frameworks: [{ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }, [1], { 0: 1 }] },
      { frameworks: [Number.NaN, Number.NaN], suppressions: { 'other-tools': ['trivy', 'kics', 'trivy'] } },
      // minLength (the code-point length helper): empty, one astral character, a lone surrogate.
      { files: { dockerfile: [''], compose: ['😀', '\ud800'] } },
      { 'compose-projects': [{ name: '', files: [] }, { files: ['a'] }] },
      { rules: { CPD001: { severity: 'high' }, 'not a rule id': {} }, exclusions: [{ rules: ['*'], reason: ' ' }, { paths: [], rules: [], reason: 'x' }] },
      { 'compose-variables': { '1BAD': 'x', GOOD: 2 }, daemon: { user: '' }, 'policy-data': { 'secret-patterns': [1], custom: [] } },
      [],
      'text',
    ];
    for (const data of documents) {
      assert.deepEqual(verdictOf(validator, data), verdictOf(compiled, data), JSON.stringify(data));
    }
  });
});
