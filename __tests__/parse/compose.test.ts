import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../src/parse/parse-error.js';
import { compose } from './helpers.js';

const refusal = (line: number | undefined, pattern: RegExp) => (error: unknown) =>
  error instanceof ParseError && error.path === 'compose.yaml' && error.line === line && pattern.test(error.message);

test('the data is plain, with anchors and merge keys resolved', () => {
  const { document } = compose(
    'x-base: &base\n  restart: always\n  environment: { A: "1" }\nservices:\n  web:\n    <<: *base\n    image: nginx\n    restart: "no"\n  db:\n    <<: *base\n',
  );
  assert.deepEqual(document.data, {
    'x-base': { restart: 'always', environment: { A: '1' } },
    services: {
      web: { restart: 'no', environment: { A: '1' }, image: 'nginx' },
      db: { restart: 'always', environment: { A: '1' } },
    },
  });
  assert.deepEqual(document.lines.length, 10);
});

test('YAML 1.2: yes/no and on/off stay strings outside the fields compose reads as booleans', () => {
  const { document } = compose('services:\n  web:\n    tty: yes\n    privileged: true\n    labels: {a: yes, b: off}\n');
  assert.deepEqual(document.data, { services: { web: { tty: true, privileged: true, labels: { a: 'yes', b: 'off' } } } });
});

test('invalid YAML is refused at the line of the first error', () => {
  assert.throws(() => compose('services:\n  web:\n    image: a: b\n'), refusal(3, /invalid YAML: Nested mappings/));
  assert.throws(() => compose('services:\n  web: {a: 1\n'), (e) => e instanceof ParseError && e.line === 2);
});

test('a duplicate key is refused', () => {
  assert.throws(() => compose('services:\n  web: {}\n  web: {}\n'), refusal(3, /invalid YAML: Map keys must be unique/));
});

test('valid YAML that is not a mapping is refused at line 1', () => {
  assert.throws(() => compose('- services\n- web\n'), refusal(1, /must be a YAML mapping/));
  assert.throws(() => compose('just a string\n'), refusal(1, /must be a YAML mapping/));
  assert.throws(() => compose('# only a comment\n'), refusal(1, /must be a YAML mapping/));
  assert.throws(() => compose('---\n'), refusal(1, /must be a YAML mapping/));
});

test('more than one document is refused at the second', () => {
  assert.throws(() => compose('services: {}\n---\nservices: {}\n'), refusal(2, /more than one YAML document/));
});

test('an alias without an anchor is refused at its line', () => {
  assert.throws(() => compose('services:\n  db:\n    environment:\n      PASSWORD: ******\n'), refusal(4, /no anchor/));
});

test('a billion-laughs bomb is refused quickly', () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const started = performance.now();
  assert.throws(() => compose(`${levels.join('\n')}\nservices: {}\n`), refusal(undefined, /YAML "bomb"/));
  assert.ok(performance.now() - started < 2000, 'took too long');
});

test('a wide alias fan-out is refused by the expanded-size cap', () => {
  const list = `big: &big [${Array(1000).fill('1').join(',')}]`;
  const uses = Array.from({ length: 1000 }, (_, i) => `u${i}: *big`).join('\n');
  assert.throws(() => compose(`${list}\n${uses}\n`), refusal(undefined, /expands to more than/));
});

test('an anchor shared by many services is accepted', () => {
  const services = Array.from({ length: 300 }, (_, i) => `  s${i}:\n    <<: *base`).join('\n');
  const { document } = compose(`x-base: &base\n  image: nginx\nservices:\n${services}\n`);
  assert.equal(Object.keys(document.data.services as object).length, 300);
});

test('an alias stands for the last anchor of its name written before it, in merge keys too', () => {
  const { document, locate } = compose(
    'x-a: &x 1\nx-b: *x\nx-c: &x 2\nx-d: *x\nx-m1: &m {restart: always}\nx-m2: &m {restart: "no"}\nservices:\n  web:\n    <<: *m\n    image: nginx\n',
  );
  assert.deepEqual([document.data['x-b'], document.data['x-d']], [1, 2]);
  assert.deepEqual(document.data.services, { web: { restart: 'no', image: 'nginx' } });
  assert.equal(locate(['services', 'web', 'restart'])?.startLine, 6, 'a merged value points at the anchor it came from');
});

test('without aliases, a document of more values than the cap is still refused', () => {
  // Such a document skips the expansion check's copy of the data; the content-token limit refuses it
  // sooner, while it is read, at the line where the limit is passed.
  assert.throws(() => compose(`x-big: [${'1,'.repeat(500_000)}1]\nservices: {}\n`), refusal(1, /too large to read: past 200000 values/));
});

test('a merge key whose source is not a mapping is refused', () => {
  assert.throws(() => compose('services:\n  web:\n    <<: 1\n    image: nginx\n'), refusal(undefined, /cannot be loaded: Merge sources must be maps/));
  assert.throws(() => compose('x-l: &l [1]\nservices:\n  web:\n    <<: *l\n'), refusal(undefined, /cannot be loaded: Merge sources must be maps/));
});
