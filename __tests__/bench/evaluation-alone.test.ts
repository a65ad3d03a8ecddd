import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluationAlone, evaluationFigures, WASM_EVAL } from '../../bench/lib/evaluation-alone.js';
import { REPO_ROOT } from '../../bench/lib/corpus.js';
import { parseFile } from '../../src/parse/registry.js';

// The benchmark shows the policy's own share of a scan apart, from what bench/wasm-eval.mjs times.

const run = (evaluation: unknown) => ({ stdout: JSON.stringify({ dockerfile_counts: [1], compose_counts: [], evaluation }) });

test('the evaluation figures are the medians of the runs, per document and divided by the cores', () => {
  const runs = [run({ documents: 4, wallMs: 30, cpuMs: 40 }), run({ documents: 4, wallMs: 10, cpuMs: 12 }), run({ documents: 4, wallMs: 20, cpuMs: 20 })];
  const evaluation = evaluationAlone(runs);
  assert.deepEqual(evaluation, { documents: 4, wallMs: 20, cpuMs: 20 });
  assert.equal(evaluationFigures(evaluation, 2), '20 ms of CPU, 5000 µs a document; ÷ 2 cores: 10 ms');
});

test('a run without evaluation figures, or runs over different documents, are refused rather than shown', () => {
  assert.throws(() => evaluationAlone([run({ documents: 1, wallMs: 1, cpuMs: 1 }), { stdout: '{"dockerfile_counts":[]}' }]), /run 2 .*printed no evaluation figures.*without --workers/);
  assert.throws(() => evaluationAlone([run({ documents: 1, wallMs: 1, cpuMs: 1 }), run({ documents: 2, wallMs: 1, cpuMs: 1 })]), /different numbers of documents/);
  assert.throws(() => evaluationAlone([]), /no run/);
});

test('bench/wasm-eval.mjs on one thread times its evaluation of every document, and on worker threads gives the same counts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evaluation-alone-'));
  try {
    const texts = ['FROM alpine\nRUN apk add curl\n', 'FROM ubuntu:22.04\nUSER root\nRUN apt-get install -y git\n', 'FROM scratch\n'];
    const dockerfile = texts.map((text, i) => parseFile('dockerfile', `svc${i}/Dockerfile`, Buffer.from(text)).document);
    const inputs = join(dir, 'inputs.json');
    writeFileSync(inputs, JSON.stringify({ bench_inputs: { dockerfile, compose: [] } }));
    const policy = join(REPO_ROOT, 'dist', 'policy');
    const once = spawnSync(process.execPath, [WASM_EVAL, policy, inputs], { encoding: 'utf8' });
    assert.equal(once.status, 0, once.stderr);
    const single = JSON.parse(once.stdout) as { dockerfile_counts: number[]; evaluation: { documents: number; wallMs: number; cpuMs: number } };
    assert.equal(single.evaluation.documents, texts.length);
    assert.ok(single.evaluation.wallMs > 0 && single.evaluation.cpuMs > 0);
    // The untagged alpine image and the apk add without --no-cache are findings: the documents were evaluated.
    assert.ok((single.dockerfile_counts[0] ?? 0) >= 2, `findings per document: ${single.dockerfile_counts.join(', ')}`);
    const threads = spawnSync(process.execPath, [WASM_EVAL, policy, inputs, '--workers', '2'], { encoding: 'utf8' });
    assert.equal(threads.status, 0, threads.stderr);
    const shared = JSON.parse(threads.stdout) as { dockerfile_counts: number[]; evaluation?: unknown };
    assert.deepEqual(shared.dockerfile_counts, single.dockerfile_counts);
    assert.throws(() => evaluationAlone([{ stdout: threads.stdout }]), /without --workers/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
