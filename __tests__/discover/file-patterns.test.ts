import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PATTERNS, classifyPath, matchesPattern } from '../../src/discover/file-patterns.js';

describe('classifyPath with the default patterns', () => {
  const cases: [string, string | undefined][] = [
    ['Dockerfile', 'dockerfile'],
    ['services/api/Dockerfile', 'dockerfile'],
    ['Dockerfile.prod', 'dockerfile'],
    ['build/app.Dockerfile', 'dockerfile'],
    ['build/app.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['.devcontainer/Dockerfile', 'dockerfile'],
    ['compose.yaml', 'compose'],
    ['deploy/compose.yml', 'compose'],
    ['compose.override.yaml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['docker-compose.prod.yaml', 'compose'],
    ['Dockerfile.md', 'dockerfile'],
    ['README.md', undefined],
    ['composer.yaml', undefined],
    ['docs/Dockerfiles/readme.txt', undefined],
    ['my-compose.yaml', undefined],
    ['dockerfile', undefined],
  ];
  for (const [path, kind] of cases) {
    it(`${path} → ${kind ?? 'not checked'}`, () => assert.equal(classifyPath(path, DEFAULT_PATTERNS), kind));
  }
});

describe('matchesPattern', () => {
  it('matches base names for patterns without a slash', () => {
    assert.ok(matchesPattern('a/b/Dockerfile.dev', 'Dockerfile.*'));
    assert.ok(!matchesPattern('a/Dockerfile.dev/x', 'Dockerfile.*'));
  });
  it('matches whole paths with ** spanning directories and * staying in one', () => {
    assert.ok(matchesPattern('docker/Dockerfile', 'docker/**/Dockerfile'));
    assert.ok(matchesPattern('docker/a/b/Dockerfile', 'docker/**/Dockerfile'));
    assert.ok(!matchesPattern('other/a/Dockerfile', 'docker/**/Dockerfile'));
    assert.ok(matchesPattern('infra/x.yaml', 'infra/*.yaml'));
    assert.ok(!matchesPattern('infra/a/x.yaml', 'infra/*.yaml'));
  });
  it('treats regular-expression characters literally', () => {
    assert.ok(matchesPattern('app+1.yaml', 'app+1.yaml'));
    assert.ok(!matchesPattern('appp1.yaml', 'app+1.yaml'));
    assert.ok(!matchesPattern('composeXyaml', 'compose.yaml'));
  });
});
