import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { hasRepeatedKey } from '../../src/parse/compose/repeated-key.js';
import { ParseError } from '../../src/parse/parse-error.js';
import { compose } from './helpers.js';

/** The two answers for `text`: the library's own check, and ours over the documents read without it. */
function bothAnswers(text: string): { library: boolean; ours: boolean } {
  const options = { version: '1.2' as const, merge: true };
  const library = parseAllDocuments(text, { ...options, uniqueKeys: true });
  const without = parseAllDocuments(text, { ...options, uniqueKeys: false });
  const docs = Array.isArray(library) ? library : [library];
  const plain = Array.isArray(without) ? without : [without];
  return {
    library: docs.some((doc) => doc.errors.some((e) => e.code === 'DUPLICATE_KEY')),
    ours: plain.some((doc) => hasRepeatedKey(doc.contents)),
  };
}

test('a key is repeated exactly when the yaml library says so', () => {
  const cases: [string, boolean][] = [
    ['services:\n  web: {}\n  web: {}\n', true],
    ['services:\n  web: {}\n  db: {}\n', false],
    ['a: {x: 1, x: 2}\n', true],
    ['a:\n  - b: 1\n    b: 2\n', true],
    ['? {x: 1, x: 2}\n: v\n', true], // inside a key
    ['? [a]\n: 1\n? [a]\n: 2\n', false], // collection keys are compared by identity
    ['.nan: 1\n.NaN: 2\n', false], // NaN is not itself
    ['0: a\n-0: b\n', true],
    ['1: a\n"1": b\n', false], // a number and a string
    ['~: a\nnull: b\n', true],
    ['true: a\nTrue: b\n', true],
    ['x: &a {}\ny: &b {}\nz:\n  <<: *a\n  <<: *b\n', false], // each merge key is a value of its own
    ['x: &a k\n*a : 1\n*a : 2\n', false], // alias keys are not scalars
    ['- [a: 1, a: 2]\n', false], // each flow pair is a mapping of its own
    ['a: 1\n---\nb: 1\nb: 2\n', true],
    ['a: [1, 1, {c: 1}]\nb: {d: {e: 1, f: 1}}\n', false],
    ['a: 1\na: 2\nc: d: e\n', true], // alongside another error
    ['a: b: c\na: 1\n', false], // the error hides the second key from the library too
  ];
  for (const [text, expected] of cases) assert.deepEqual(bothAnswers(text), { library: expected, ours: expected }, text);
});

const REAL_COMPOSE = '../shared/corpus/real/compose';

test('the same answer as the library on every real compose file, and on each with a line repeated', { skip: !existsSync(REAL_COMPOSE) && `corpus ${REAL_COMPOSE} is missing` }, () => {
  const files = (readdirSync(REAL_COMPOSE, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  assert.ok(files.length > 300, `${files.length} compose files`);
  let repeated = 0;
  let variants = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    // Every 17th line repeated in its place: a key twice when it is a key, something else broken when not.
    for (let at = 0; at <= Math.min(lines.length - 1, 68); at += 17) {
      const variant = [...lines.slice(0, at + 1), ...lines.slice(at)].join('\n');
      const answers = at === 0 ? bothAnswers(text) : bothAnswers(variant);
      assert.equal(answers.ours, answers.library, `${file}, line ${at + 1}${at === 0 ? '' : ' repeated'}`);
      if (answers.library) repeated += 1;
      variants += 1;
    }
  }
  assert.ok(repeated > 500 && repeated < variants, `${repeated} of ${variants} with a repeated key`);
});

test('a file with a repeated key and another error is refused at the error the library gives first', () => {
  const cases = [
    'services:\n  web:\n    image: a: b\n  web: {}\n', // the other error first
    'services:\n  web: {}\n  web: {}\n  db:\n    image: a: b\n', // the repeated key first
    'services:\n  web: {a: 1, a: 2\n', // in an unclosed flow mapping
    'x:\n  y: 1\n  y: 2\n z: 3\n', // then a bad indent
  ];
  for (const text of cases) {
    const [doc] = parseAllDocuments(text, { version: '1.2', merge: true, uniqueKeys: true, prettyErrors: false }) as unknown as { errors: { message: string }[] }[];
    const first = doc?.errors[0];
    assert.ok(first, text);
    assert.throws(() => compose(text), (e: unknown) => e instanceof ParseError && e.message.includes(`invalid YAML: ${first.message}`), text);
  }
});
