import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../src/parse/registry.js';
import { ParseError } from '../../src/parse/parse-error.js';
import type { FileKind } from '../../src/model.js';
import { bytes } from './helpers.js';

test('dispatches on kind', () => {
  assert.equal(parseFile('dockerfile', 'Dockerfile', bytes('FROM a\n')).document.kind, 'dockerfile');
  assert.equal(parseFile('compose', 'compose.yaml', bytes('services: {}\n')).document.kind, 'compose');
});

test('an unknown kind is a clear error, not a ParseError', () => {
  assert.throws(
    () => parseFile('helm' as FileKind, 'chart.yaml', bytes('a: 1\n')),
    (error: unknown) => error instanceof Error && !(error instanceof ParseError) && /No parser for file kind "helm".*dockerfile, compose/.test(error.message),
  );
});

test('a binary file named Dockerfile is a ParseError', () => {
  assert.throws(
    () => parseFile('dockerfile', 'Dockerfile', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00])),
    (error: unknown) => error instanceof ParseError && error.path === 'Dockerfile' && /binary/.test(error.message),
  );
});

test('Dockerfile locate: an instruction index, instructions/stages paths, else the whole file', () => {
  const { locate } = parseFile('dockerfile', 'Dockerfile', bytes('FROM a AS b\nRUN x \\\n  y\n\nFROM b\nUSER app\n'));
  assert.deepEqual(locate([1]), { startLine: 2, endLine: 3 });
  assert.deepEqual(locate(['instructions', 3, 'args']), { startLine: 6, endLine: 6 });
  assert.deepEqual(locate(['stages', 0]), { startLine: 1, endLine: 3 });
  assert.deepEqual(locate(['stages', 9]), { startLine: 1, endLine: 6 });
  assert.deepEqual(locate([]), { startLine: 1, endLine: 6 });
});
