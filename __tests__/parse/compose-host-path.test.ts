import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanHostPath } from '../../src/parse/compose/host-path.js';
import { compose } from './helpers.js';

test('an absolute host path is cleaned: //, . and .. collapse, a trailing slash goes', () => {
  const cases: [string, string][] = [
    ['/', '/'],
    ['/.', '/'],
    ['//', '/'],
    ['/tmp/..', '/'],
    ['/./etc/', '/etc'],
    ['/srv/../var/run', '/var/run'],
    ['//var//run/docker.sock/.', '/var/run/docker.sock'],
    ['/../../etc', '/etc'],
    ['/etc${X}', '/etc${X}'],
  ];
  for (const [source, cleaned] of cases) assert.equal(cleanHostPath(source, '.'), cleaned, source);
});

test('a relative path is joined to the project directory and stays relative to the repository', () => {
  assert.equal(cleanHostPath('./data', '.'), './data');
  assert.equal(cleanHostPath('data/../conf', 'app'), './app/conf');
  assert.equal(cleanHostPath('..', 'app'), '.');
  assert.equal(cleanHostPath('.', '.'), '.');
});

test('climbing above the repository root reaches /, since the checkout could sit anywhere', () => {
  assert.equal(cleanHostPath('..', '.'), '/');
  assert.equal(cleanHostPath('../../../../../../../../../../..', '.'), '/');
  assert.equal(cleanHostPath('../../etc', 'app'), '/etc');
  assert.equal(cleanHostPath('../../../var/run/docker.sock', 'a/b'), '/var/run/docker.sock');
});

test('a start nothing here knows (~, an unset variable) is kept; climbing above it reaches /', () => {
  assert.equal(cleanHostPath('~/.docker/./run/docker.sock', '.'), '~/.docker/run/docker.sock');
  assert.equal(cleanHostPath('~/../../etc', '.'), '/etc');
  assert.equal(cleanHostPath('${HOME}/x/../y', 'app'), '${HOME}/y');
  assert.equal(cleanHostPath('$ROOT/..', '.'), '/');
});

test('Windows paths are kept as written', () => {
  assert.equal(cleanHostPath('C:\\data\\..', '.'), 'C:\\data\\..');
  assert.equal(cleanHostPath('\\\\.\\pipe\\docker_engine', '.'), '\\\\.\\pipe\\docker_engine');
});

test('the normalised view carries the cleaned host path and keeps the source as written', () => {
  const { document } = compose(
    [
      'services:',
      '  web:',
      '    volumes:',
      '      - /tmp/..:/h',
      '      - ../../..:/up',
      '      - {type: bind, source: /srv/../var/run, target: /r}',
      '      - conf:/conf',
      'volumes:',
      '  conf:',
      '    driver_opts: {type: none, o: bind, device: /etc/./ssl/}',
      '',
    ].join('\n'),
  );
  const volumes = document.services?.web?.volumes ?? [];
  assert.deepEqual(
    volumes.map((v) => [v.source, v.host_path]),
    [
      ['/tmp/..', '/'],
      ['../../..', '/'],
      ['/srv/../var/run', '/var/run'],
      ['conf', '/etc/ssl'],
    ],
  );
});
