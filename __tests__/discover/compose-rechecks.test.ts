import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goneComposeRechecks } from '../../src/discover/compose-rechecks.js';

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
