import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refusedSprintfVerbs } from '../../scripts/lib/sprintf-verbs.mjs';

test('a sprintf verb the Wasm runtime cannot format is named with its line; the ones it can pass', () => {
  const rego = [
    'package p',
    'a := sprintf("rule %q allows %s", [x, y])',
    'b := sprintf("%d%% of %v, %.2f, %-5s, %1$s", [n])',
    'c := sprintf(`raw %w`, [e])',
    'd := sprintf("escaped \\" quote %q", [z])',
    'e := concat("", ["%q is not a format here"])',
  ].join('\n');
  assert.deepEqual(refusedSprintfVerbs(rego), [
    { line: 2, verb: '%q' },
    { line: 4, verb: '%w' },
    { line: 5, verb: '%q' },
  ]);
});
