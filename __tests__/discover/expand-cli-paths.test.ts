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

describe('expandCliPaths: telling the caller a scan is big while the walk goes on', () => {
  const files = { 'a/Dockerfile': 'FROM a\n', 'b/Dockerfile': 'FROM b\n', 'b/notes.md': 'x\n', 'c/compose.yaml': 'services: {}\n', 'c/Dockerfile': 'FROM c\n' };

  it('calls reached once, when the count of files the patterns match is reached, before the walk ends', async () => {
    const cwd = writeTree(files);
    const calls: number[] = [];
    let walkDone = false;
    const result = expandCliPaths(['.'], cwd, DEFAULT_PATTERNS, undefined, new Set(), { count: 3, reached: () => calls.push(walkDone ? 1 : 0) });
    walkDone = true;
    assert.equal((await result).length, 4);
    // The walk is synchronous: reached was heard during it, before expandCliPaths returned its promise.
    assert.deepEqual(calls, [0]);
  });

  it('never calls it for fewer matching files, however many others there are, and counts files named one by one', async () => {
    const cwd = writeTree({ ...files, 'd/one.txt': '1\n', 'd/two.txt': '2\n', 'd/three.txt': '3\n' });
    let called = 0;
    await expandCliPaths(['.'], cwd, DEFAULT_PATTERNS, undefined, new Set(), { count: 5, reached: () => called++ });
    assert.equal(called, 0);
    await expandCliPaths(['a/Dockerfile', 'b/Dockerfile'], cwd, DEFAULT_PATTERNS, undefined, new Set(), { count: 2, reached: () => called++ });
    assert.equal(called, 1);
  });
});
