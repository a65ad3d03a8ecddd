import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupComposeProjects, implicitProject } from '../../src/discover/compose-projects.js';
import { findBuildReferences, findNamedDockerfiles } from '../../src/discover/compose-build-refs.js';

const existing = (paths: string[]) => (p: string) => paths.includes(p);

describe('implicitProject', () => {
  it('picks the base file docker compose prefers and its override', () => {
    const exists = existing(['app/compose.yaml', 'app/docker-compose.yml', 'app/compose.override.yaml']);
    assert.deepEqual(implicitProject('app', exists), { name: 'app', files: ['app/compose.yaml', 'app/compose.override.yaml'] });
    assert.deepEqual(implicitProject('', existing(['docker-compose.yml'])), { name: '.', files: ['docker-compose.yml'] });
    assert.equal(implicitProject('none', exists), undefined);
  });
  it("follows compose-go's DefaultFileNames and DefaultOverrideFileNames, the override whatever the base is called", () => {
    const project = (paths: string[]) => implicitProject('d', existing(paths.map((p) => `d/${p}`)))?.files.map((f) => f.slice(2));
    assert.deepEqual(project(['compose.yaml', 'compose.override.yaml', 'compose.override.yml']), ['compose.yaml', 'compose.override.yml']);
    assert.deepEqual(project(['compose.yaml', 'docker-compose.override.yml']), ['compose.yaml', 'docker-compose.override.yml']);
    assert.deepEqual(project(['docker-compose.yaml', 'docker-compose.yml', 'compose.override.yaml']), ['docker-compose.yml', 'compose.override.yaml']);
    assert.deepEqual(project(['compose.yml', 'docker-compose.override.yaml', 'compose.override.yaml']), ['compose.yml', 'compose.override.yaml']);
  });
});

describe('groupComposeProjects', () => {
  it('brings the whole project when only its override changed', () => {
    const exists = existing(['app/compose.yaml', 'app/compose.override.yaml', 'other/compose.yaml']);
    const grouped = groupComposeProjects([{ path: 'app/compose.override.yaml', kind: 'compose' }], [], exists);
    const project = ['app/compose.yaml', 'app/compose.override.yaml'];
    assert.deepEqual(grouped, [
      { path: 'app/compose.override.yaml', kind: 'compose', project },
      { path: 'app/compose.yaml', kind: 'compose', project },
    ]);
  });

  it('brings the override compose merges over a changed base even when their names do not pair', () => {
    const exists = existing(['app/compose.yaml', 'app/docker-compose.override.yml']);
    const grouped = groupComposeProjects([{ path: 'app/compose.yaml', kind: 'compose' }], [], exists);
    assert.deepEqual(grouped.map((f) => [f.path, f.project?.join()]), [
      ['app/compose.yaml', 'app/compose.yaml,app/docker-compose.override.yml'],
      ['app/docker-compose.override.yml', 'app/compose.yaml,app/docker-compose.override.yml'],
    ]);
  });

  it('leaves a lone compose file and Dockerfiles as they are', () => {
    const selected = [
      { path: 'x/compose.yaml', kind: 'compose' as const },
      { path: 'x/Dockerfile', kind: 'dockerfile' as const },
    ];
    assert.deepEqual(groupComposeProjects(selected, [], existing(['x/compose.yaml'])), [selected[1], selected[0]]);
  });

  it('uses configured projects first, keeping files that do not exist so reading them fails', () => {
    const configured = [{ name: 'shop', files: ['./deploy/base.yml', 'deploy/prod.yml', 'deploy/missing.yml'] }];
    const grouped = groupComposeProjects([{ path: 'deploy/prod.yml', kind: 'compose' }], configured, existing(['deploy/base.yml', 'deploy/prod.yml']));
    assert.deepEqual(grouped.map((f) => f.path), ['deploy/base.yml', 'deploy/missing.yml', 'deploy/prod.yml']);
    assert.ok(grouped.every((f) => f.kind === 'compose' && f.project?.join() === 'deploy/base.yml,deploy/prod.yml,deploy/missing.yml'));
    const untouched = groupComposeProjects([{ path: 'Dockerfile', kind: 'dockerfile' }], configured, existing([]));
    assert.deepEqual(untouched, [{ path: 'Dockerfile', kind: 'dockerfile' }]);
  });
});

describe('findNamedDockerfiles', () => {
  it('gives each build.dockerfile resolved against its context, with its line, wherever it leads', () => {
    const text = [
      'services:',
      '  a:',
      '    build:',
      '      context: ./svc',
      '      dockerfile: ../build/app.df',
      '  b:',
      '    build: {context: .., dockerfile: "x.df"}',
      '  c:',
      '    build: {dockerfile: /abs/Dockerfile}',
      '  default:',
      '    build: .',
      '  templated:',
      '    build: {dockerfile: "${DF}"}',
      '  remote:',
      '    build: {context: "https://github.com/o/r.git", dockerfile: d.df}',
      '',
    ].join('\n');
    assert.deepEqual(findNamedDockerfiles('deploy/compose.yaml', text), [
      { compose: 'deploy/compose.yaml', service: 'a', dockerfile: 'deploy/build/app.df', line: 5 },
      { compose: 'deploy/compose.yaml', service: 'b', dockerfile: 'x.df', line: 7 },
      { compose: 'deploy/compose.yaml', service: 'c', dockerfile: '/abs/Dockerfile', line: 9 },
    ]);
    assert.deepEqual(findNamedDockerfiles('compose.yaml', 'services:\n  a:\n    build: {context: .., dockerfile: x}\n')[0]?.dockerfile, '../x');
    assert.deepEqual(findNamedDockerfiles('compose.yaml', 'services: [dockerfile: x'), []);
  });

  it('reads block-style files through the compose reader\'s fast path with the yaml library\'s answers', () => {
    const block = [
      'services:',
      '  a:',
      '    build:',
      '      context: ./svc',
      '      dockerfile: ../build/app.df',
      '  b:',
      '    build:',
      '      dockerfile: "x.df"',
      '  c:',
      '    image: a:1',
      '  d:',
      '    build:',
      '      context: "git@github.com:o/r.git"',
      '      dockerfile: d.df',
      '',
    ].join('\n');
    // An anchor is outside the fast reader: the same services then go through the yaml library.
    const viaLibrary = `x-any: &any 1\n${block}`.split('\n');
    const shift = (found: ReturnType<typeof findNamedDockerfiles>) => found.map((f) => ({ ...f, line: f.line - 1 }));
    const expected = [
      { compose: 'deploy/compose.yaml', service: 'a', dockerfile: 'deploy/build/app.df', line: 5 },
      { compose: 'deploy/compose.yaml', service: 'b', dockerfile: 'deploy/x.df', line: 8 },
    ];
    assert.deepEqual(findNamedDockerfiles('deploy/compose.yaml', block), expected);
    assert.deepEqual(shift(findNamedDockerfiles('deploy/compose.yaml', viaLibrary.join('\n'))), expected);
  });
});

describe('findBuildReferences', () => {
  it('resolves build contexts and dockerfiles as compose does', () => {
    const text = [
      'services:',
      '  api:',
      '    build: ./api',
      '  worker:',
      '    build:',
      '      context: ..',
      '      dockerfile: docker/worker.Dockerfile',
      '  remote:',
      '    build: https://github.com/o/r.git#main',
      '  inline:',
      '    build:',
      '      dockerfile_inline: FROM alpine',
      '  image-only:',
      '    image: nginx:1.27',
      '  templated:',
      '    build: ${CONTEXT}',
      '',
    ].join('\n');
    assert.deepEqual(findBuildReferences('deploy/compose.yaml', text), [
      { compose: 'deploy/compose.yaml', service: 'api', dockerfile: 'deploy/api/Dockerfile' },
      { compose: 'deploy/compose.yaml', service: 'worker', dockerfile: 'docker/worker.Dockerfile' },
    ]);
  });
  it('yields nothing for files that do not parse or reach outside the workspace', () => {
    assert.deepEqual(findBuildReferences('compose.yaml', 'services: [unclosed'), []);
    assert.deepEqual(findBuildReferences('compose.yaml', 'services:\n  a:\n    build: ../outside\n'), []);
    assert.deepEqual(findBuildReferences('compose.yaml', '- a\n'), []);
  });
  it('leaves a file past the compose reader\'s bounds unparsed, as its own check will refuse it', () => {
    const building = 'services:\n  web:\n    build: web\n';
    assert.deepEqual(findBuildReferences('compose.yaml', building), [{ compose: 'compose.yaml', service: 'web', dockerfile: 'web/Dockerfile' }]);
    // Valid YAML, but 2 MiB of empty flow sequences the yaml library would spend seconds and a gigabyte on.
    assert.deepEqual(findBuildReferences('compose.yaml', `${building}    labels: [${'[],'.repeat(250_000)}]\n`), []);
    assert.deepEqual(findBuildReferences('compose.yaml', `${building}    x: ${'['.repeat(100)}${']'.repeat(100)}\n`), []);
  });
});
