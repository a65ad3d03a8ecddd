import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compose } from './helpers.js';

const SOURCE = [
  '# leading comment', //  1
  'x-logging: &logging', // 2
  '  driver: json-file', // 3
  '  options:', // 4
  '    max-size: 10m', // 5
  '', // 6
  '  # trailing comment', // 7
  'x-env: &env', // 8
  '  TZ: UTC', // 9
  'services:', // 10
  '  web:', // 11
  '    image: nginx', // 12
  '    <<: { logging: *logging }', // 13
  '    command: |', // 14
  '      echo one', // 15
  '      echo two', // 16
  '', // 17
  '    ports: [ "80:80",', // 18
  '      "443:443" ]', // 19
  '    environment:', // 20
  '      <<: *env', // 21
  '      "quoted key": yes', // 22
  '  "db":', // 23
  '    image: postgres # pinned later', // 24
  '    volumes:', // 25
  '      - data:/var/lib/postgresql', // 26
  '      - type: bind', // 27
  '        source: ./init', // 28
  '    x-8080: numeric key', // 29
  '', // 30
].join('\n');

const { locate } = compose(SOURCE);
const at = (startLine: number, endLine = startLine) => ({ path: 'compose.yaml', startLine, endLine });

test('a key runs from its line to the last line of its value', () => {
  assert.deepEqual(locate(['services', 'web', 'image']), at(12));
  assert.deepEqual(locate(['services', 'web']), at(11, 22));
  assert.deepEqual(locate(['services']), at(10, 29));
});

test('trailing blank lines and comments are not part of a value', () => {
  assert.deepEqual(locate(['x-logging']), at(2, 5));
  assert.deepEqual(locate(['services', 'web', 'command']), at(14, 16));
});

test('flow collections and sequence items', () => {
  assert.deepEqual(locate(['services', 'web', 'ports']), at(18, 19));
  assert.deepEqual(locate(['services', 'web', 'ports', 1]), at(19));
  assert.deepEqual(locate(['services', 'db', 'volumes', 0]), at(26));
  assert.deepEqual(locate(['services', 'db', 'volumes', 1]), at(27, 28));
  assert.deepEqual(locate(['services', 'db', 'volumes', '1', 'source']), at(28));
});

test('quoted and numeric keys match their values', () => {
  assert.deepEqual(locate(['services', 'db', 'image']), at(24));
  assert.deepEqual(locate(['services', 'web', 'environment', 'quoted key']), at(22));
  assert.deepEqual(locate(['services', 'db', 'x-8080']), at(29));
});

test('a path past what exists gives the nearest existing ancestor', () => {
  assert.deepEqual(locate(['services', 'web', 'privileged']), at(11, 22));
  assert.deepEqual(locate(['services', 'db', 'volumes', 5]), at(25, 28));
  assert.deepEqual(locate(['services', 'db', 'image', 'tag']), at(24));
  assert.deepEqual(locate(['networks']), at(2, 29));
  assert.deepEqual(locate([]), at(2, 29));
});

test('merged keys resolve to where the value is written', () => {
  assert.deepEqual(locate(['services', 'web', 'environment', 'TZ']), at(9));
  assert.deepEqual(locate(['services', 'web', 'logging']), at(13));
  assert.deepEqual(locate(['services', 'web', 'logging', 'options', 'max-size']), at(5));
});

test('a key written in the mapping wins over a merged one; earlier merge sources over later ones', () => {
  const { locate: find, document } = compose(
    'x-a: &a\n  image: a\n  user: a\nx-b: &b\n  image: b\n  init: true\nservices:\n  s:\n    <<: [*a, *b]\n    user: own\n',
  );
  assert.deepEqual(document.data.services, { s: { image: 'a', user: 'own', init: true } });
  assert.deepEqual(find(['services', 's', 'image']), at(2));
  assert.deepEqual(find(['services', 's', 'init']), at(6));
  assert.deepEqual(find(['services', 's', 'user']), at(10));
});

test('a self-referencing merge does not loop', () => {
  const { locate: find } = compose('x-a: &a\n  b: 1\nx-c:\n  <<: *a\n');
  assert.deepEqual(find(['x-c', 'zzz']), at(3, 4));
});
