import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blankVariableNote } from '../../src/evaluate/blank-variables.js';
import type { ComposeDocument } from '../../src/parse/input-document.js';

const doc: ComposeDocument = {
  kind: 'compose',
  path: 'compose.yaml',
  lines: [],
  data: {},
  unresolved: [
    { path: ['services', 'web', 'pid'], variables: ['X'] },
    { path: ['services', 'web', 'volumes', '0', 'source'], variables: ['A', 'B'] },
  ],
};

test('a finding at or over a value that read an unset variable names it and says compose runs it blank', () => {
  assert.match(blankVariableNote(doc, ['services', 'web', 'pid']), /^ \(X is not set, and docker compose runs an unset variable as blank: set it in \.env or compose-variables, or give a default, e\.g\. \$\{X:-value\}\)$/);
  assert.match(blankVariableNote(doc, ['services', 'web', 'volumes', 0]), /^ \(A, B are not set, .* set them in/);
});

test('no note for a finding elsewhere, on the whole service, or in a Dockerfile', () => {
  assert.equal(blankVariableNote(doc, ['services', 'web', 'ipc']), '');
  assert.equal(blankVariableNote(doc, ['services', 'web']), '');
  assert.equal(blankVariableNote(doc, undefined), '');
  assert.equal(blankVariableNote({ kind: 'dockerfile', path: 'Dockerfile', lines: [], stages: [], instructions: [] } as never, ['services', 'web', 'pid']), '');
});
