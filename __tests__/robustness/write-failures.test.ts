import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeFailure, writeOutputFile } from '../../src/report/write-output-fs.js';
import { makeWorkspace, scanText } from './helpers.js';

// A report that cannot be written fails the run as a user error: the file, the OS error and what to
// do; never "please report this", never a stack, never a pass without the report.

const DOCKERFILE = 'FROM alpine:3.20\nUSER app\n';
const noDevFull = !existsSync('/dev/full') && 'no /dev/full';

function assertUserFacing(stderr: string) {
  assert.doesNotMatch(stderr, /please report/i);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
}

describe('write failures are user errors', () => {
  for (const [flag, what] of [
    ['--sarif', 'the SARIF log'],
    ['--json-report', 'the JSON report'],
    ['--output', 'the report'],
  ] as const) {
    it(`a full disk for ${flag} fails the CLI with ENOSPC, the path and the flag`, { skip: noDevFull }, async () => {
      const workspace = makeWorkspace({ Dockerfile: DOCKERFILE });
      symlinkSync('/dev/full', join(workspace, 'out.file'));
      const result = await scanText(workspace, [flag, 'out.file', 'Dockerfile']);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, new RegExp(`Could not write ${what} to .*out\\.file \\(ENOSPC: no space left on the device; .*give ${flag} a writable path`));
      assertUserFacing(result.stderr);
    });
  }

  it('a report path that is a directory names EISDIR', async () => {
    const workspace = makeWorkspace({ Dockerfile: DOCKERFILE });
    mkdirSync(join(workspace, 'report.sarif'));
    const result = await scanText(workspace, ['--sarif', 'report.sarif', 'Dockerfile']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Could not write the SARIF log to .*report\.sarif \(EISDIR: the path is a directory; name a file\)/);
    assertUserFacing(result.stderr);
  });

  it('a report under a file (ENOTDIR) names the error', async () => {
    const workspace = makeWorkspace({ Dockerfile: DOCKERFILE, blocker: 'x' });
    const result = await scanText(workspace, ['--json-report', 'blocker/report.json', 'Dockerfile']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Could not write the JSON report to .*blocker\/report\.json \((ENOTDIR|EEXIST)/);
    assertUserFacing(result.stderr);
  });

  it('the OS errors a runner meets are explained: ENOSPC, EACCES, EROFS, and the rest keep their code', () => {
    const os = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}, open '/x'`), { code });
    assert.equal(
      writeFailure('the SARIF log', '/w/r.sarif', os('EACCES', 'permission denied'), 'Fix it.').message,
      'Could not write the SARIF log to /w/r.sarif (EACCES: permission denied; make the directory writable by the job, or write the file elsewhere). Fix it.',
    );
    assert.match(writeFailure('x', '/p', os('EROFS', 'read-only file system'), '').message, /\(EROFS: the file system is read-only; write the file under the workspace/);
    assert.match(writeFailure('x', '/p', os('EMFILE', 'too many open files'), '').message, /\(EMFILE: too many open files\)/);
    assert.match(writeFailure('x', '/p', new Error('Unable to access summary file'), '').message, /\(Unable to access summary file\)/);
  });

  it('writeOutputFile creates missing directories and writes', async () => {
    const workspace = makeWorkspace({});
    await writeOutputFile('the report', join(workspace, 'a/b/c.txt'), 'hello', '');
    assert.ok(existsSync(join(workspace, 'a/b/c.txt')));
  });
});
