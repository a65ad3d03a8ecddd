/**
 * compose-go casts the text of its boolean fields after interpolation (loader/interpolate.go, toBoolean):
 * `true`/`false` in any case and the YAML 1.1 forms y/yes/on, n/no/off. The loader must read them as
 * compose does, or `privileged: yes` passes a gate that looks for `true`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../src/parse/parse-error.js';
import { buildComposeProject } from '../../src/parse/compose/project.js';
import { composeBoolean } from '../../src/parse/compose/booleans.js';
import type { ComposeDocument } from '../../src/parse/input-document.js';
import { compose } from './helpers.js';

const service = (yaml: string) => compose(`services:\n  web:\n${yaml}`).document.services?.web;

test('the YAML 1.1 forms and any case of true/false are booleans, as compose-go reads them', () => {
  for (const text of ['true', 'TRUE', 'y', 'Y', 'yes', 'Yes', 'on', 'ON']) assert.equal(composeBoolean(text), true, text);
  for (const text of ['false', 'False', 'n', 'N', 'no', 'NO', 'off', 'Off']) assert.equal(composeBoolean(text), false, text);
  for (const text of ['', '1', '0', 'maybe', ' true', 'enable']) assert.equal(composeBoolean(text), undefined, text);
});

test('privileged, read_only and healthcheck.disable written as yes/on/"Y" are true in the data and the normalised view', () => {
  const svc = service('    privileged: yes\n    read_only: on\n    healthcheck: {test: ["CMD", "true"], disable: "Y"}\n');
  assert.equal(svc?.privileged, true);
  assert.equal(svc?.read_only, true);
  assert.equal(svc?.healthcheck?.disabled, true);
  const { document } = compose('services:\n  web:\n    privileged: "Yes"\n    init: on\n    tty: n\n');
  assert.deepEqual(document.data, { services: { web: { privileged: true, init: true, tty: false } } });
});

test('no/off are false, and a list item field (volumes[].read_only) is cast too', () => {
  const svc = service('    privileged: "off"\n    read_only: no\n    volumes:\n      - {type: bind, source: /srv, target: /srv, read_only: yes}\n');
  assert.equal(svc?.privileged, false);
  assert.equal(svc?.read_only, false);
  assert.equal(svc?.volumes[0]?.read_only, true);
});

test('an interpolated value is cast; one holding an unset variable stays unknown', () => {
  const files: Record<string, string> = {
    'compose.yaml': 'services:\n  web:\n    privileged: ${PRIV}\n    read_only: ${UNSET}\n',
    '.env': 'PRIV=on\n',
  };
  const related = (path: string) => (path in files ? { text: files[path] as string, lines: (files[path] as string).split('\n'), loneCarriageReturnLine: null } : null);
  const document = buildComposeProject(['compose.yaml'], related, {}).document as ComposeDocument;
  assert.equal(document.services?.web?.privileged, true);
  assert.equal(document.services?.web?.read_only, null);
});

test('fields compose does not cast keep their text', () => {
  const { document } = compose('services:\n  web:\n    environment: {DEBUG: yes}\n    labels: [on=yes]\n');
  assert.deepEqual(document.data, { services: { web: { environment: { DEBUG: 'yes' }, labels: ['on=yes'] } } });
});

test('text compose refuses as a boolean is a ParseError at its line, naming the field', () => {
  assert.throws(
    () => compose('services:\n  web:\n    image: nginx\n    privileged: maybe\n'),
    (e) => e instanceof ParseError && e.path === 'compose.yaml' && e.line === 4 && /`services\.web\.privileged` is "maybe".*write true or false/.test(e.message),
  );
});
