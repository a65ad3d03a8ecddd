import { test } from 'node:test';
import assert from 'node:assert/strict';
import { substituteArgs } from '../../src/parse/substitute-args.js';

const values = new Map<string, string | undefined>([
  ['TAG', '20'],
  ['EMPTY', ''],
  ['NOVALUE', undefined],
]);
const run = (text: string) => substituteArgs(text, values);

test('$VAR and ${VAR} take the known value', () => {
  assert.deepEqual(run('node:$TAG-${TAG}'), { value: 'node:20-20', unresolved: false });
});

test('a variable without a value, declared or not, is unresolved: never guessed', () => {
  assert.equal(run('node:${NOVALUE}').unresolved, true);
  assert.equal(run('node:$MISSING').unresolved, true);
});

test(':- and - use the default when unset; :- also when empty', () => {
  assert.deepEqual(run('${MISSING:-18}'), { value: '18', unresolved: false });
  assert.deepEqual(run('${MISSING-18}'), { value: '18', unresolved: false });
  assert.deepEqual(run('${EMPTY:-18}'), { value: '18', unresolved: false });
  assert.deepEqual(run('${EMPTY-18}'), { value: '', unresolved: false });
  assert.deepEqual(run('${TAG:-18}'), { value: '20', unresolved: false });
});

test(':+ gives the alternative only when set', () => {
  assert.deepEqual(run('a${TAG:+-slim}'), { value: 'a-slim', unresolved: false });
  assert.deepEqual(run('a${MISSING:+-slim}'), { value: 'a', unresolved: false });
  assert.deepEqual(run('a${EMPTY:+-slim}'), { value: 'a', unresolved: false });
});

test('an ARG declared without a value is unknown even with a default form (it comes from --build-arg)', () => {
  assert.equal(run('${NOVALUE:-x}').unresolved, true);
});

test('defaults nest, escapes stay literal, other operators are unresolved', () => {
  assert.deepEqual(run('${MISSING:-${TAG}}'), { value: '20', unresolved: false });
  assert.deepEqual(run('\\$TAG'), { value: '$TAG', unresolved: false });
  assert.deepEqual(substituteArgs('`$TAG', values, '`'), { value: '$TAG', unresolved: false });
  assert.equal(run('${TAG#2}').unresolved, true);
  assert.deepEqual(run('price$'), { value: 'price$', unresolved: false });
});
