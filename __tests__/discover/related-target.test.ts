import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CliTarget } from '../../src/discover/expand-cli-paths-fs.js';
import { RefusedFileError } from '../../src/discover/read-target-fs.js';
import { relatedTargetFinder } from '../../src/discover/related-target.js';

const target = (root: string, relative: string): CliTarget => ({ path: `${root}/${relative}`.slice(1), kind: 'compose', root, relative });

describe('relatedTargetFinder', () => {
  it('places a related file under the root of the first target that holds it, relative to that root', () => {
    const targets = [target('/w/a', 'compose.yml'), target('/w/a/b', 'compose.yml'), target('/w', 'Dockerfile')];
    const find = relatedTargetFinder(targets, '/w');
    // /w/a/b holds it too, and so does /w, but /w/a comes first.
    assert.deepEqual(find('a/b/.env'), { ...targets[0], path: 'a/b/.env', relative: 'b/.env' });
    assert.deepEqual(find('/w/c/x.yml'), { ...targets[2], path: '/w/c/x.yml', relative: 'c/x.yml' });
  });

  it('follows the targets order, not the depth of the root', () => {
    const targets = [target('/w', 'Dockerfile'), target('/w/a', 'compose.yml')];
    assert.equal(relatedTargetFinder(targets, '/w')('a/.env').root, '/w');
  });

  it('gives each file the same answer whatever was asked before it (directories are remembered)', () => {
    const targets = [target('/w/a/b', 'compose.yml'), target('/w', 'Dockerfile')];
    const asked = ['a/b/c/x.yml', 'a/y.yml', 'a/b/z.yml', 'q/.env', 'a/b/c/.env'];
    const alone = asked.map((path) => relatedTargetFinder(targets, '/w')(path));
    const find = relatedTargetFinder(targets, '/w');
    assert.deepEqual(asked.map((path) => find(path)), alone);
    assert.deepEqual(alone.map((placed) => placed.root), ['/w/a/b', '/w', '/w/a/b', '/w', '/w/a/b']);
  });

  it('refuses a file outside every root, and a root itself', () => {
    const find = relatedTargetFinder([target('/w/a', 'compose.yml')], '/w');
    assert.throws(() => find('../etc/passwd'), RefusedFileError);
    assert.throws(() => find('b/.env'), RefusedFileError);
    assert.throws(() => find('a'), RefusedFileError);
    assert.throws(() => find('a/../b/x'), RefusedFileError);
  });

  it('accepts a name that merely starts with two dots', () => {
    assert.equal(relatedTargetFinder([target('/w/a', 'compose.yml')], '/w')('a/..env').relative, '..env');
  });
});
