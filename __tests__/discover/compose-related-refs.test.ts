import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findRelatedReferences, nameProbe } from '../../src/discover/compose-related-refs.js';

describe('findRelatedReferences', () => {
  it('resolves env_file, extends and include paths against the compose file, as the loader does', () => {
    const text = [
      'include:',
      '  - svc/db.yml',
      '  - path: [../shared/cache.yml, ../shared/cache.prod.yml]',
      '    env_file: ../shared/cache.env',
      '  - path: mq/compose.yaml',
      '    project_directory: mq/dir',
      'services:',
      '  web:',
      '    env_file: web.env',
      '    extends: { file: ./common/base.yml, service: base }',
      '  api:',
      '    env_file: [a.env, { path: ./b.env, required: false }]',
      '    extends: web',
      '',
    ].join('\n');
    assert.deepEqual(
      findRelatedReferences('app/compose.yaml', text).map((r) => `${r.file} ${r.via}`),
      [
        'app/web.env env_file',
        'app/common/base.yml extends file',
        'app/a.env env_file',
        'app/b.env env_file',
        'app/svc/db.yml include',
        'app/svc/.env include .env',
        'shared/cache.yml include',
        'shared/cache.prod.yml include',
        'shared/cache.env include env_file',
        'app/mq/compose.yaml include',
        'app/mq/dir/.env include .env',
      ],
    );
  });

  it('leaves out what names no workspace file, and files that do not parse', () => {
    const text = 'services:\n  web:\n    env_file: [${ENV}.env, /etc/x.env, ../../out.env, "a\\\\b.env"]\ninclude: [https://example.com/c.yml]\n';
    assert.deepEqual(findRelatedReferences('app/compose.yaml', text), []);
    assert.deepEqual(findRelatedReferences('compose.yaml', 'services: [unclosed'), []);
  });
});

describe('nameProbe', () => {
  it('passes text whose words hold a changed base name, and text that could hide one', () => {
    const probe = nameProbe(['app/web.env', 'docs/my notes.txt']);
    assert.equal(probe('services:\n  web:\n    env_file: ./web.env\n'), true);
    assert.equal(probe('services: {web: {env_file: [web.env]}}'), true);
    assert.equal(probe('x-note: "my notes.txt"'), true, 'a name with a blank is looked for whole');
    assert.equal(probe('services:\n  web:\n    env_file: "web\\x2eenv"\n'), true, 'an escape may spell the name');
    assert.equal(probe('services:\n  web:\n    env_file: web.env.example\n'), false);
    assert.equal(probe('include: [db.yml]\n'), false);
    assert.equal(nameProbe(['svc/.env'])('include: [svc/db.yml]\n'), true, 'an include reads a .env it does not name');
  });
});
