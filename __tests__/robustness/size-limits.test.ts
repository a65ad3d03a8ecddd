import assert from 'node:assert/strict';
import { openSync, closeSync, ftruncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeWorkspace, scanChild, scanJson } from './helpers.js';

// Oversized input: refused by the size limit before it is read (an error naming the file and the
// input that raises the limit), and the limit is configurable. The CLI runs as a child process so its
// peak RSS is measured and printed; bounds are generous and only where the number means something.

/** A real 50 MB Dockerfile (not sparse): a FROM line, then 50 MiB of comment lines. */
function fiftyMegabytes(root: string): void {
  const fd = openSync(join(root, 'Dockerfile'), 'w');
  writeSync(fd, 'FROM alpine:3.20\n');
  const chunk = Buffer.alloc(1024 * 1024, '#'.padEnd(79, 'x') + '\n');
  for (let i = 0; i < 50; i++) writeSync(fd, chunk);
  closeSync(fd);
}

describe('size limits', { timeout: 120_000 }, () => {
  it('a 50 MB file is refused by the default limit, never read', async () => {
    const root = makeWorkspace({});
    fiftyMegabytes(root);
    const run = await scanChild(root, ['--format', 'json', '.']);
    console.log(`50 MB Dockerfile, default limit: exit ${run.code}, peak RSS ${run.peakRssMiB} MiB, ${run.seconds.toFixed(1)} s`);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { errors: { path: string; kind: string; message: string }[] };
    assert.equal(report.errors[0]?.path, 'Dockerfile');
    assert.match(report.errors[0]?.message ?? '', /over the 2097152-byte limit; it was not read\. Raise the max-file-size input/);
    // Not read: the process stays near its baseline, far below the file's size plus its decoded copy.
    assert.ok(run.peakRssMiB < 400, `peak RSS ${run.peakRssMiB} MiB`);
  });

  it('a single 10 MB line is refused by the default limit', async () => {
    const root = makeWorkspace({ 'compose.yaml': `services: {web: {image: "nginx:${'a'.repeat(10 * 1024 * 1024)}"}}\n` });
    const run = await scanJson(root);
    assert.equal(run.code, 1);
    assert.match(run.report.errors[0]?.message ?? '', /compose\.yaml is \d+ bytes, over the 2097152-byte limit/);
  });

  it('a single line just under the default limit (2 MB) is checked in bounded time and memory', async () => {
    const root = makeWorkspace({ Dockerfile: `FROM alpine:3.20\nUSER nobody\nRUN echo ${'a'.repeat(2 * 1024 * 1024 - 64)}\n` });
    const run = await scanChild(root, ['--format', 'json', '.']);
    console.log(`2 MB single-line Dockerfile, default limit: exit ${run.code}, peak RSS ${run.peakRssMiB} MiB, ${run.seconds.toFixed(1)} s`);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: unknown[]; errors: unknown[] };
    assert.deepEqual(report.errors, []);
    assert.ok(run.peakRssMiB < 1500, `peak RSS ${run.peakRssMiB} MiB`);
  });

  // Measured: 42 s and 2.5 GiB peak RSS on a 2-core machine, so it runs only when asked for.
  it('with the limit raised to 20m, a single 10 MB line is checked (CONTAINER_POLICY_LARGE=1)', { skip: process.env.CONTAINER_POLICY_LARGE !== '1' && 'set CONTAINER_POLICY_LARGE=1 to run (about 40 s, 2.5 GiB)' }, async () => {
    const root = makeWorkspace({ Dockerfile: `FROM alpine:3.20\nUSER nobody\nRUN echo ${'a'.repeat(10 * 1024 * 1024)}\n` });
    const run = await scanChild(root, ['--format', 'json', '--max-file-size', '20m', '.']);
    console.log(`10 MB single-line Dockerfile, --max-file-size 20m: exit ${run.code}, peak RSS ${run.peakRssMiB} MiB, ${run.seconds.toFixed(1)} s`);
    assert.equal(run.code, 0, run.stderr);
  });

  it('the limit is configurable downwards too (--max-file-size, the action input max-file-size)', async () => {
    const root = makeWorkspace({ Dockerfile: `FROM alpine:3.20\nUSER nobody\n# ${'x'.repeat(3000)}\n` });
    const run = await scanJson(root, ['--max-file-size', '1k', '.']);
    assert.equal(run.code, 1);
    assert.match(run.report.errors[0]?.message ?? '', /over the 1024-byte limit/);
    assert.equal((await scanJson(root, ['--max-file-size', '4k', '.'])).code, 0);
  });

  it('the biggest hostile YAML inside the limit (2 MB of nesting) is refused by the pre-scan, in little memory', async () => {
    const n = 1024 * 1024 - 16;
    const root = makeWorkspace({ 'compose.yaml': `services: ${'['.repeat(n)}${']'.repeat(n)}\n` });
    const run = await scanChild(root, ['--format', 'json', '.']);
    console.log(`2 MB of nested flow sequences: exit ${run.code}, peak RSS ${run.peakRssMiB} MiB, ${run.seconds.toFixed(1)} s`);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /nests too deeply: past 64 levels on this line/);
    // The parser alone took 1.2-1.3 GiB here (fuzz/bench-nesting.ts); the pre-scan stops at level 65.
    assert.ok(run.peakRssMiB < 400, `peak RSS ${run.peakRssMiB} MiB`);
  });

  it('a sparse file reported larger than the limit is refused by its size alone', async () => {
    const root = makeWorkspace({});
    const fd = openSync(join(root, 'Dockerfile'), 'w');
    ftruncateSync(fd, 5 * 1024 * 1024 * 1024);
    closeSync(fd);
    const run = await scanJson(root);
    assert.equal(run.code, 1);
    assert.match(run.report.errors[0]?.message ?? '', /5368709120 bytes, over the 2097152-byte limit/);
  });
});
