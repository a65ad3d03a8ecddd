import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MissingFileError, RefusedFileError, readTargetFile, targetFileReader } from '../../src/discover/read-target-fs.js';

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

  it('refuses a file reached through a directory link that leaves the workspace', async () => {
    const root = workspace();
    const outside = mkdtempSync(join(tmpdir(), 'cpa-outside-'));
    writeFileSync(join(outside, 'Dockerfile'), 'FROM scratch\n');
    symlinkSync(outside, join(root, 'linked'));
    await assert.rejects(readTargetFile(root, 'linked/Dockerfile', 1024), (e: unknown) => e instanceof RefusedFileError && /outside the workspace/.test(e.message));
  });

  it('names a missing file, a path through a file and a dangling link as missing, with the path in the message', async () => {
    const root = workspace();
    symlinkSync('gone', join(root, 'app', 'dangling.yaml'));
    for (const path of ['app/compose.yaml', 'app/Dockerfile/inner', 'app/dangling.yaml', 'nowhere/.env']) {
      await assert.rejects(readTargetFile(root, path, 1024), (e: unknown) => e instanceof MissingFileError && e.message.startsWith(`${path} does not exist in the workspace`));
    }
  });
});

describe('targetFileReader', () => {
  it('reads many files of one workspace and still refuses each link out, whichever directory it is in', async () => {
    const root = workspace();
    const outside = mkdtempSync(join(tmpdir(), 'cpa-outside-'));
    writeFileSync(join(outside, 'Dockerfile'), 'FROM scratch\n');
    mkdirSync(join(root, 'app', 'nested'));
    writeFileSync(join(root, 'app', 'nested', 'Dockerfile'), 'FROM busybox\n');
    symlinkSync('app', join(root, 'inside'));
    symlinkSync(join(outside, 'Dockerfile'), join(root, 'app', 'escape'));
    symlinkSync(outside, join(root, 'app', 'away'));
    const read = targetFileReader(root, 1024);
    const text = async (path: string) => Buffer.from(await read(path)).toString();
    assert.equal(await text('app/Dockerfile'), 'FROM alpine:3.20\n');
    assert.equal(await text('app/nested/Dockerfile'), 'FROM busybox\n');
    // The same directory again, and through a link that stays inside.
    assert.equal(await text('app/Dockerfile'), 'FROM alpine:3.20\n');
    assert.equal(await text('inside/nested/Dockerfile'), 'FROM busybox\n');
    await assert.rejects(read('app/escape'), /symbolic link to a file outside the workspace/);
    await assert.rejects(read('app/away/Dockerfile'), /outside the workspace/);
    await assert.rejects(read('app/nested'), /not a regular file/);
  });
});
