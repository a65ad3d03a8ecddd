import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliReadScope, scopedReaders } from '../../src/discover/read-scope-fs.js';
import { writeTree } from '../support/temp-tree.js';

const text = async (bytes: Promise<Uint8Array>) => new TextDecoder().decode(await bytes);

describe('scopedReaders', () => {
  it('reads inside the action\'s workspace and refuses what resolves outside it', async () => {
    const workspace = writeTree({ 'app/compose.yaml': 'services: {}\n', 'app/.env': 'TAG=1\n' });
    const { readFile, readRelated } = scopedReaders({ workspace, maxBytes: 1024 });
    assert.equal(await text(readFile('app/.env')), 'TAG=1\n');
    assert.equal(await text(readRelated('app/compose.yaml')), 'services: {}\n');
    await assert.rejects(readFile('../outside'), /resolves outside the workspace/);
    await assert.rejects(readFile('app/missing.yml'), /does not exist/);
  });

  it('keeps a named file inside the root it was found under, and a related one inside the first root holding it', async () => {
    const cwd = writeTree({ 'a/b/compose.yaml': 'services: {}\n', 'a/b/.env': 'X=1\n', 'a/shared.yml': 'services: {}\n', 'elsewhere/.env': 'Y=2\n' });
    // a/b/link.yml points up into a/: inside root a, outside root a/b.
    symlinkSync(join(cwd, 'a', 'shared.yml'), join(cwd, 'a', 'b', 'link.yml'));
    const files = [
      { path: 'a/b/compose.yaml', root: join(cwd, 'a', 'b'), relative: 'compose.yaml' },
      // Found under a, though a/b, listed first, holds it too.
      { path: 'a/b/link.yml', root: join(cwd, 'a'), relative: 'b/link.yml' },
      { path: 'a/shared.yml', root: join(cwd, 'a'), relative: 'shared.yml' },
    ];
    const scope = cliReadScope(files, cwd, 1024);
    // Only the file the roots would place otherwise is listed.
    assert.deepEqual('named' in scope && scope.named.map((f) => f.path), ['a/b/link.yml']);
    const { readFile, readRelated } = scopedReaders(scope);
    assert.equal(await text(readFile('a/b/compose.yaml')), 'services: {}\n');
    assert.equal(await text(readFile('a/shared.yml')), 'services: {}\n');
    // Named under a, the link stays inside a; as a file some other file refers to, it falls under a/b, and points out of it.
    assert.equal(await text(readFile('a/b/link.yml')), 'services: {}\n');
    await assert.rejects(readRelated('a/b/link.yml'), /symbolic link to a file outside the workspace/);
    assert.equal(await text(readFile('a/b/.env')), 'X=1\n');
    await assert.rejects(readFile('elsewhere/.env'), /outside the paths given to scan/);
  });
});
