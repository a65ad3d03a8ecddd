import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandCliPaths } from '../../src/discover/expand-cli-paths-fs.js';
import { DEFAULT_PATTERNS } from '../../src/discover/file-patterns.js';
import { cliReadScope, scopedReaders } from '../../src/discover/read-scope-fs.js';
import { writeTree } from '../support/temp-tree.js';

const text = async (bytes: Promise<Uint8Array>) => new TextDecoder().decode(await bytes);

describe('expandCliPaths: display paths of walked directories', () => {
  const tree = () =>
    writeTree({
      'repo/Dockerfile': 'FROM alpine:3.20\n',
      'repo/svc/api/Dockerfile': 'FROM alpine:3.20\n',
      'repo/svc/compose.yaml': 'services: {}\n',
      'repo/README.md': '# not checked\n',
      'other/Dockerfile': 'FROM alpine:3.20\n',
    });

  it('are relative to the current directory, from the directory itself and from one below it', async () => {
    const top = tree();
    const cwd = join(top, 'repo');
    const fromHere = await expandCliPaths(['.'], cwd, DEFAULT_PATTERNS, undefined);
    assert.deepEqual(fromHere.map((t) => [t.path, t.kind, t.relative]), [
      ['Dockerfile', 'dockerfile', 'Dockerfile'],
      ['svc/api/Dockerfile', 'dockerfile', 'svc/api/Dockerfile'],
      ['svc/compose.yaml', 'compose', 'svc/compose.yaml'],
    ]);
    const fromBelow = await expandCliPaths(['svc/'], cwd, DEFAULT_PATTERNS, undefined);
    assert.deepEqual(fromBelow.map((t) => [t.path, t.root, t.relative]), [
      ['svc/api/Dockerfile', join(cwd, 'svc'), 'api/Dockerfile'],
      ['svc/compose.yaml', join(cwd, 'svc'), 'compose.yaml'],
    ]);
  });

  it('lead back into the current directory when the directory walked is above it', async () => {
    const top = tree();
    const cwd = join(top, 'repo', 'svc');
    const walked = await expandCliPaths(['../..'], cwd, DEFAULT_PATTERNS, undefined);
    assert.deepEqual(walked.map((t) => t.path), ['../../other/Dockerfile', '../Dockerfile', 'api/Dockerfile', 'compose.yaml']);
    assert.ok(walked.every((t) => t.root === top));
  });

  it('count a configured project file as compose by its display path, whatever its name', async () => {
    const top = writeTree({ 'repo/deploy/stack.yml': 'services: {}\n', 'repo/deploy/other.yml': 'services: {}\n' });
    const walked = await expandCliPaths(['repo'], top, DEFAULT_PATTERNS, undefined, new Set(['repo/deploy/stack.yml']));
    assert.deepEqual(walked.map((t) => [t.path, t.kind]), [['repo/deploy/stack.yml', 'compose']]);
  });

  it('keep a backslash in a name (outside Windows), so that a\\b/Dockerfile and a/b/Dockerfile are both checked', async () => {
    const top = writeTree({ 'repo/a\\b/Dockerfile': 'FROM alpine:3.20\n', 'repo/a/b/Dockerfile': 'FROM debian\n' });
    const walked = await expandCliPaths(['repo'], top, DEFAULT_PATTERNS, undefined);
    assert.deepEqual(walked.map((t) => [t.path, t.relative]), [
      ['repo/a/b/Dockerfile', 'a/b/Dockerfile'],
      ['repo/a\\b/Dockerfile', 'a\\b/Dockerfile'],
    ]);
    const { readFile } = scopedReaders(cliReadScope(walked, top, 1024));
    assert.equal(await text(readFile('repo/a/b/Dockerfile')), 'FROM debian\n');
    assert.equal(await text(readFile('repo/a\\b/Dockerfile')), 'FROM alpine:3.20\n');
  });

  it('under one root, lists no file in the scope for the readers to place separately', async () => {
    const top = tree();
    const walked = await expandCliPaths(['repo'], top, DEFAULT_PATTERNS, undefined);
    const scope = cliReadScope(walked, top, 1024);
    assert.ok('roots' in scope);
    assert.deepEqual([scope.roots, scope.named], [[join(top, 'repo')], []]);
    const { readFile } = scopedReaders(scope);
    assert.equal(await text(readFile('repo/svc/compose.yaml')), 'services: {}\n');
  });
});
