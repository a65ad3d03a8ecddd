import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RefusedFileError, readTargetFile } from '../../src/discover/read-target-fs.js';

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'cpa-read-'));
  mkdirSync(join(root, 'app'));
  writeFileSync(join(root, 'app', 'Dockerfile'), 'FROM alpine:3.20\n');
  return root;
}

describe('readTargetFile', () => {
  it('reads a regular file inside the workspace', async () => {
    const root = workspace();
    const bytes = await readTargetFile(root, 'app/Dockerfile', 1024);
    assert.equal(Buffer.from(bytes).toString(), 'FROM alpine:3.20\n');
  });

  it('follows a symbolic link that stays inside the workspace', async () => {
    const root = workspace();
    symlinkSync('app/Dockerfile', join(root, 'Dockerfile'));
    assert.equal((await readTargetFile(root, 'Dockerfile', 1024)).length, 17);
  });

  it('refuses a symbolic link to a file outside the workspace', async () => {
    const root = workspace();
    symlinkSync('/etc/passwd', join(root, 'Dockerfile'));
    await assert.rejects(readTargetFile(root, 'Dockerfile', 1024), (e: unknown) => e instanceof RefusedFileError && /outside the workspace/.test(e.message));
  });

  it('refuses a path that climbs out with ..', async () => {
    const root = workspace();
    await assert.rejects(readTargetFile(root, '../etc/Dockerfile', 1024), /outside the workspace/);
  });

  it('refuses a symbolic link loop, a directory and a file over the size limit', async () => {
    const root = workspace();
    symlinkSync('loop-b', join(root, 'loop-a'));
    symlinkSync('loop-a', join(root, 'loop-b'));
    await assert.rejects(readTargetFile(root, 'loop-a', 1024), /loop/);
    await assert.rejects(readTargetFile(root, 'app', 1024), /not a regular file/);
    await assert.rejects(readTargetFile(root, 'app/Dockerfile', 10), /over the 10-byte limit/);
  });
});
