import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageRef } from '../../src/parse/image-ref.js';

const cases: [string, string, string, string | null, string | null][] = [
  ['node', 'docker.io', 'library/node', null, null],
  ['node:20-alpine', 'docker.io', 'library/node', '20-alpine', null],
  ['bitnami/redis:7', 'docker.io', 'bitnami/redis', '7', null],
  ['docker.io/nginx', 'docker.io', 'library/nginx', null, null],
  ['index.docker.io/library/nginx:1', 'docker.io', 'library/nginx', '1', null],
  ['ghcr.io/org/app:v1', 'ghcr.io', 'org/app', 'v1', null],
  ['host:5000/a/b:tag@sha256:abc', 'host:5000', 'a/b', 'tag', 'sha256:abc'],
  ['host:5000/a/b', 'host:5000', 'a/b', null, null],
  ['localhost/x', 'localhost', 'x', null, null],
  ['alpine@sha256:0123', 'docker.io', 'library/alpine', null, 'sha256:0123'],
  ['mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com', 'windows/servercore', 'ltsc2022', null],
];

for (const [raw, registry, repository, tag, digest] of cases) {
  test(`parses ${raw}`, () => {
    assert.deepEqual(parseImageRef(raw), { raw, registry, repository, tag, digest });
  });
}

test('an empty reference is null', () => {
  assert.equal(parseImageRef(''), null);
  assert.equal(parseImageRef(':tag'), null);
});
