import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeChanges, envRechecks, goneComposeRechecks, referenceRechecks } from '../../src/discover/compose-rechecks.js';
import { DEFAULT_PATTERNS } from '../../src/discover/file-patterns.js';

const existing = (paths: string[]) => (p: string) => paths.includes(p);

describe('goneComposeRechecks', () => {
  it('re-checks the project left in a directory when its override is removed or renamed away', () => {
    const exists = existing(['app/compose.yaml', 'app/compose.override.yaml.bak']);
    const removed = goneComposeRechecks([{ filename: 'app/compose.override.yaml', status: 'removed' }], [], exists);
    assert.deepEqual(removed.map((r) => r.path), ['app/compose.yaml']);
    assert.match(removed[0]?.why ?? '', /removes app\/compose\.override\.yaml, so `docker compose` in app now loads app\/compose\.yaml alone/);
    const renamed = goneComposeRechecks([{ filename: 'app/compose.override.yaml.bak', status: 'renamed', previous_filename: 'app/compose.override.yaml' }], [], exists);
    assert.deepEqual(renamed.map((r) => r.path), ['app/compose.yaml']);
    assert.match(renamed[0]?.why ?? '', /renames app\/compose\.override\.yaml to app\/compose\.override\.yaml\.bak/);
  });

  it('re-checks the base file that takes over when the preferred one is removed, with its override', () => {
    const exists = existing(['docker-compose.yml', 'compose.override.yml']);
    const rechecks = goneComposeRechecks([{ filename: 'compose.yaml', status: 'removed' }], [], exists);
    assert.deepEqual(rechecks.map((r) => r.path), ['docker-compose.yml']);
    assert.match(rechecks[0]?.why ?? '', /in \. now loads docker-compose\.yml merged with compose\.override\.yml/);
  });

  it('re-checks a configured project that lists the removed file, and nothing for other names or files still there', () => {
    const configured = [{ name: 'shop', files: ['./deploy/base.yml', 'deploy/prod.yml'] }];
    const exists = existing(['deploy/base.yml', 'app/compose.yaml']);
    const rechecks = goneComposeRechecks([{ filename: 'deploy/prod.yml', status: 'removed' }], configured, exists);
    assert.deepEqual(rechecks.map((r) => r.path), ['deploy/base.yml']);
    assert.match(rechecks[0]?.why ?? '', /configured compose project "shop"/);
    assert.deepEqual(goneComposeRechecks([{ filename: 'app/compose.prod.yaml', status: 'removed' }, { filename: 'app/notes.txt', status: 'removed' }], configured, exists), []);
    assert.deepEqual(goneComposeRechecks([{ filename: 'gone/compose.override.yaml', status: 'removed' }], [], exists), [], 'no project left in that directory');
    assert.deepEqual(goneComposeRechecks([{ filename: 'app/compose.override.yaml', status: 'modified' }], [], existing(['app/compose.yaml', 'app/compose.override.yaml'])), []);
  });
});

describe('describeChanges', () => {
  it('says what the change did to each path, both names of a rename', () => {
    const changed = describeChanges([
      { filename: 'a/.env', status: 'modified' },
      { filename: 'b/.env', status: 'added' },
      { filename: 'c/.env', status: 'removed' },
      { filename: 'd/new.env', status: 'renamed', previous_filename: 'd/old.env' },
      { filename: 'e/x', status: 'unchanged' },
    ]);
    assert.deepEqual([...changed], [
      ['a/.env', 'modifies a/.env'],
      ['b/.env', 'adds b/.env'],
      ['c/.env', 'removes c/.env'],
      ['d/old.env', 'renames d/old.env to d/new.env'],
      ['d/new.env', 'renames d/old.env to d/new.env'],
    ]);
  });
});

describe('envRechecks', () => {
  it('re-checks every compose file beside a changed .env, and configured projects whose first file is there', () => {
    const workspace = ['app/.env', 'app/compose.yaml', 'app/compose.prod.yaml', 'app/notes.yml', 'app/sub/compose.yaml', 'other/compose.yaml', 'deploy/base.yml'];
    const configured = [{ name: 'shop', files: ['./app/stack.yml', 'deploy/base.yml'] }];
    const rechecks = envRechecks(new Map([['app/.env', 'modifies app/.env']]), workspace, DEFAULT_PATTERNS, configured);
    assert.deepEqual(rechecks.map((r) => r.path), ['app/compose.yaml', 'app/compose.prod.yaml', 'deploy/base.yml']);
    assert.match(rechecks[0]?.why ?? '', /modifies app\/\.env, the `\.env` it reads its variables from/);
    assert.deepEqual(envRechecks(new Map([['.env', 'removes .env']]), ['compose.yaml', 'app/compose.yaml'], DEFAULT_PATTERNS, []).map((r) => r.path), ['compose.yaml']);
    assert.deepEqual(envRechecks(new Map([['app/web.env', 'modifies app/web.env']]), workspace, DEFAULT_PATTERNS, []), []);
  });
});

describe('referenceRechecks', () => {
  it('re-checks the compose files that name a changed file', () => {
    const refs = [
      { compose: 'app/compose.yaml', file: 'app/web.env', via: 'env_file' },
      { compose: 'app/compose.yaml', file: 'app/db.yml', via: 'include' },
    ];
    assert.deepEqual(referenceRechecks(refs, new Map([['app/db.yml', 'removes app/db.yml']])), [
      { path: 'app/compose.yaml', why: 'it names app/db.yml (include), and the change removes app/db.yml' },
    ]);
  });
});
