import assert from 'node:assert/strict';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isInside, isPlainRelative, relativeBelow, resolveUnder } from '../../src/discover/plain-paths.js';

// Parts that exercise normalisation: empty parts, `.` and `..`, dotted names that are plain names.
const part = fc.constantFrom('', '.', '..', '...', '.env', 'a', 'b', 'c..d', 'x.', 'Dockerfile');
const relativePath = fc.array(part, { maxLength: 6 }).map((parts) => parts.join('/'));
const absoluteNormal = fc.array(fc.constantFrom('a', 'b', 'w', '.git', 'x..y'), { maxLength: 4 }).map((parts) => resolve('/', ...parts));

/** node:path's own answer, as read-target-fs.ts computed it before. */
function insideByRelative(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

describe('plain path arithmetic', () => {
  it('tells plain relative paths from those resolve would normalise', () => {
    for (const plain of ['a', 'a/b', '.env', 'a/.env', '...', 'a/b..c/x']) assert.equal(isPlainRelative(plain), true, plain);
    for (const other of ['', '.', '..', '/a', 'a/', 'a//b', './a', 'a/./b', 'a/..', '../a', 'a/../b']) assert.equal(isPlainRelative(other), false, other);
  });

  it('resolves under a normal directory exactly as resolve does', () => {
    fc.assert(fc.property(absoluteNormal, relativePath, (directory, path) => resolveUnder(directory, path) === resolve(directory, path)), { numRuns: 5000 });
  });

  it('gives relative and inside answers equal to node:path for normal absolute paths', () => {
    fc.assert(
      fc.property(absoluteNormal, absoluteNormal, (root, candidate) => {
        assert.equal(isInside(root, candidate), insideByRelative(root, candidate));
        assert.equal(relativeBelow(root, candidate), relative(root, candidate));
      }),
      { numRuns: 5000 },
    );
    // A sibling whose name starts with the root's is not inside it.
    assert.equal(isInside('/w/a', '/w/ab/x'), false);
    assert.equal(relativeBelow('/w/a', '/w/ab/x'), '../ab/x');
    assert.equal(isInside('/', '/etc/passwd'), true);
  });
});
