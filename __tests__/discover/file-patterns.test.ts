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
    // Names a pull request can add on Linux: any character but `/` and NUL.
    ['a\nb/Dockerfile', 'dockerfile'],
    ['a\rb/Dockerfile', 'dockerfile'],
    ['a\tb/Dockerfile', 'dockerfile'],
    ['c\u202Ed/Dockerfile', 'dockerfile'],
    ['Dockerfile.\n', 'dockerfile'],
    ['x/Dockerfile.prod\r', 'dockerfile'],
    ['\n.Dockerfile', 'dockerfile'],
    ['Containerfile.\u2028', 'dockerfile'],
    ['compose.\n.yaml', 'compose'],
    ['docker-compose\r\n.yml', 'compose'],
    ['ü/compose.yaml', 'compose'],
    ['Dockerfile\n', undefined],
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
  it('lets *, ? and ** match a newline, carriage return, tab or any other character in a name', () => {
    assert.ok(matchesPattern('a\nb/Dockerfile', '**/Dockerfile'));
    assert.ok(matchesPattern('docker/a\r\nb/c/Dockerfile', 'docker/**/Dockerfile'));
    assert.ok(matchesPattern('docker/\n/x', 'docker/**'));
    assert.ok(matchesPattern('infra/a\nb.yaml', 'infra/*.yaml'));
    assert.ok(matchesPattern('infra/a\tb.yaml', 'infra/a?b.yaml'));
    assert.ok(matchesPattern('infra/a\u{1F600}b.yaml', 'infra/a?b.yaml'));
    assert.ok(!matchesPattern('infra/a\nb/x.yaml', 'infra/*.yaml'));
  });
  it('treats regular-expression characters literally', () => {
    assert.ok(matchesPattern('app+1.yaml', 'app+1.yaml'));
    assert.ok(!matchesPattern('appp1.yaml', 'app+1.yaml'));
    assert.ok(!matchesPattern('composeXyaml', 'compose.yaml'));
  });
});
