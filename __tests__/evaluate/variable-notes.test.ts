import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blankVariableNote, variableSourceNote } from '../../src/evaluate/variable-notes.js';
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

const sourced: ComposeDocument = {
  kind: 'compose',
  path: 'app/compose.yaml',
  lines: [],
  data: {},
  interpolated: [
    { path: ['services', 'web', 'image'], sources: [{ name: 'IMAGE', file: 'app/.env', line: 1 }, { name: 'TAG', file: 'app/.env', line: 3 }] },
    { path: ['services', 'web', 'environment', 'DB_PASSWORD'], sources: [{ name: 'PGPASS', file: 'app/.env', line: 2 }] },
    { path: ['services', 'web', 'ports', '0', 'published'], sources: [{ name: 'PORT' }, { name: 'PGPASS', file: 'app/.env', line: 2 }] },
  ],
};

test('a finding at or over a value that read variables set in .env names them and the lines that set them', () => {
  assert.equal(variableSourceNote(sourced, ['services', 'web', 'environment', 'DB_PASSWORD']), ' (the value comes from PGPASS, set in app/.env line 2)');
  assert.equal(variableSourceNote(sourced, ['services', 'web', 'image']), ' (the value comes from IMAGE and TAG, set in app/.env lines 1 and 3)');
  assert.equal(variableSourceNote(sourced, ['services', 'web', 'ports', 0]), ' (the value comes from PORT, set in compose-variables; PGPASS, set in app/.env line 2)');
});

test('no source note for a finding elsewhere, on the whole service, or without marks', () => {
  assert.equal(variableSourceNote(sourced, ['services', 'web', 'pid']), '');
  assert.equal(variableSourceNote(sourced, ['services', 'web']), '');
  assert.equal(variableSourceNote(doc, ['services', 'web', 'pid']), '');
});
