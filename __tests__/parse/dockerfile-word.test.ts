import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandWord } from '../../src/parse/dockerfile-word.js';

// Known values; any other name is unknown before the build.
const known = new Map([['U', 'root'], ['EMPTY', ''], ['UID', '10001']]);
const expand = (word: string, escape = '\\') => expandWord(word, (name) => known.get(name), escape);
const value = (word: string, escape = '\\') => {
  const expanded = expand(word, escape);
  assert.equal(expanded.unresolved, false, word);
  return expanded.value;
};
const unresolved = (word: string) => expand(word).unresolved;

test('variables are expanded in every form BuildKit reads', () => {
  assert.equal(value('$U'), 'root');
  assert.equal(value('${U}:${UID}'), 'root:10001');
  assert.equal(value('${EMPTY:-root}'), 'root');
  assert.equal(value('${EMPTY-root}'), '');
  assert.equal(value('${UID:+root}'), 'root');
  assert.equal(value('${EMPTY:+x}'), '');
  assert.equal(value('${EMPTY+root}'), 'root');
  assert.equal(value('${U:?must be set}'), 'root');
  assert.equal(value('${UID:-$NOT_KNOWN}'), '10001', 'an alternative not taken does not matter');
});

test('quotes are removed and escapes taken as BuildKit takes them', () => {
  assert.equal(value('"root"'), 'root');
  assert.equal(value("'ro'ot"), 'root');
  assert.equal(value('"$U"'), 'root');
  assert.equal(value("'$U'"), '$U');
  assert.equal(value('r\\oot'), 'root');
  assert.equal(value('\\$U'), '$U');
  assert.equal(value('"a\\b\\"c"'), 'a\\b"c');
  assert.equal(value('${EMPTY:-"root"}'), 'root');
  assert.equal(value('`$U', '`'), '$U');
  assert.equal(value('a$'), 'a$');
});

test('a value not known before the build, or a word BuildKit refuses, leaves the word unresolved', () => {
  for (const word of ['$X', '${X}', '${X:-root}', '${X:+10001}', '$X${UID}', '${EMPTY:-$X}', '${U#r}', '${U/r/x}', '"root', "'root", '${U', '${:-x}', '${EMPTY:?}', '${U:#x}', '$1', '$$']) {
    assert.equal(unresolved(word), true, word);
  }
});

test('a word BuildKit refuses says so, apart from one that only waits on a value', () => {
  for (const word of ['"root', "'root", '${U', '${:-x}', '${EMPTY:?}', '${U:#x}']) assert.equal(expand(word).refused, true, word);
  for (const word of ['$X', '${X:-root}', '${U#r}', 'root']) assert.equal(expand(word).refused, undefined, word);
});

test('a name set from outside if at all (null) takes a default form\'s default, and alone is not known', () => {
  const outside = (word: string) => expandWord(word, (name) => known.get(name) ?? null);
  assert.deepEqual(outside('${X:-root}'), { value: 'root', unresolved: false });
  assert.deepEqual(outside('${X-root}'), { value: 'root', unresolved: false });
  assert.deepEqual(outside('a${X:+b}'), { value: 'a', unresolved: false });
  assert.deepEqual(outside('a${X+b}'), { value: 'a', unresolved: false });
  assert.equal(outside('$X').unresolved, true);
  assert.equal(outside('${X}').unresolved, true);
  assert.equal(outside('${X?unset}').unresolved, true);
  assert.equal(outside('${X?unset}').refused, undefined);
});
