import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { EMPTY_CONFIG } from '../../src/config/config-file.js';
import { configurationRefiner } from '../../src/evaluate/file-refiner.js';
import { defaultBundleDir, readPolicyBundle } from '../../src/evaluate/policy-bundle-fs.js';
import { toFindings } from '../../src/evaluate/to-findings.js';
import { parseFile } from '../../src/parse/registry.js';
import { loadPolicyEngine, type CompiledPolicyBundle } from '../../src/evaluate/policy-engine.js';
import type { TargetFile } from '../../src/model.js';
import type { WorkerOutcome } from '../../src/parallel/messages.js';
import { findWorkerScript } from '../../src/parallel/pool-settings.js';
import { fromWire, wireReceiver } from '../../src/parallel/wire-findings.js';
import { startFilePool, type WorkerScript } from '../../src/parallel/worker-pool.js';
import { prestartWorkers } from '../../src/parallel/prestart-workers.js';
import { REPO_ROOT } from '../support/run-action.js';
import { inFreshProcess } from '../support/fresh-process.js';

const FAULTY: WorkerScript = { ...findWorkerScript(), path: join(REPO_ROOT, '__tests__', 'fixtures', 'parallel', 'faulty-worker.ts') };
const DOCKERFILE = new TextEncoder().encode('FROM alpine:latest\nUSER root\nRUN apk add curl\n');
const LIMITS = { fileTimeoutMs: 60_000, startTimeoutMs: 60_000 };

let policy: CompiledPolicyBundle;
before(async () => {
  const engine = await loadPolicyEngine(await readPolicyBundle(defaultBundleDir()));
  policy = engine.compiled as CompiledPolicyBundle;
});

const dockerfile = (path: string): TargetFile => ({ path, kind: 'dockerfile' });
const errorOf = (outcome: WorkerOutcome | undefined) => (outcome && 'error' in outcome ? outcome.error : undefined);

/** A pool that loses a file would leave the run waiting for ever: fail instead. */
const TEST_TIMEOUT_MS = 180_000;

describe('worker pool', { timeout: TEST_TIMEOUT_MS }, () => {
  it('checks files with the real worker: documents and raw results, parse errors as outcomes', async () => {
    const pool = startFilePool(policy, { workers: 2, script: findWorkerScript(), ...LIMITS });
    try {
      const [good, binary] = await Promise.all([pool.check(dockerfile('svc/Dockerfile'), DOCKERFILE), pool.check(dockerfile('bin/Dockerfile'), new Uint8Array([0, 1, 2, 0xff]))]);
      assert.ok(good && 'document' in good, JSON.stringify(good));
      assert.equal(good.document.path, 'svc/Dockerfile');
      assert.ok(Object.keys(good.raw as object).length > 0);
      assert.equal(errorOf(binary)?.kind, 'parse');
      assert.equal(errorOf(binary)?.path, 'bin/Dockerfile');
    } finally {
      await pool.close();
    }
  });

  it('given the configuration, answers with the final findings instead of the document, suppressions applied', async () => {
    const suppressed = new TextEncoder().encode('FROM alpine:latest\n# container-policy ignore=CPD002 -- runs as root on purpose\nUSER root\nRUN apk add curl\n');
    const pool = startFilePool(policy, { workers: 1, script: findWorkerScript(), ...LIMITS, configuration: EMPTY_CONFIG });
    try {
      const [outcome, binary] = await Promise.all([pool.check(dockerfile('svc/Dockerfile'), suppressed), pool.check(dockerfile('bin/Dockerfile'), new Uint8Array([0, 1, 2, 0xff]))]);
      assert.ok(outcome && 'checked' in outcome && !('document' in outcome), JSON.stringify(outcome));
      const engine = await loadPolicyEngine(policy);
      const parsed = parseFile('dockerfile', 'svc/Dockerfile', suppressed);
      const expected = configurationRefiner(EMPTY_CONFIG)(toFindings(engine.evaluate(parsed.document), parsed, engine.catalogue), parsed);
      assert.deepEqual(fromWire(outcome.checked, wireReceiver(engine.catalogue)), expected);
      assert.deepEqual(outcome.checked.suppressed?.map((s) => s.finding.ruleId), ['CPD002']);
      assert.ok(outcome.checked.findings.length > 0);
      // The rules' metadata stays behind: the main thread has it already.
      assert.ok(outcome.checked.findings.every((f) => !('compliance' in f) && !('remediation' in f) && f.metadata === undefined), JSON.stringify(outcome.checked.findings[0]));
      assert.equal(errorOf(binary)?.kind, 'parse');
    } finally {
      await pool.close();
    }
  });

  it('checks a compose file, reading the files it depends on through the main thread', async () => {
    const asked: string[] = [];
    const readFile = async (path: string): Promise<Uint8Array> => {
      asked.push(path);
      if (path === 'app/.env') return new TextEncoder().encode('TAG=latest\n');
      if (path === 'app/secret.yml') throw new Error('app/secret.yml is a symbolic link to a file outside the workspace; it was not read.');
      throw Object.assign(new Error(`${path} does not exist in the workspace`), { code: 'ENOENT' });
    };
    const pool = startFilePool(policy, { workers: 1, script: findWorkerScript(), ...LIMITS, configuration: EMPTY_CONFIG, readFile });
    const compose = (text: string) => new TextEncoder().encode(text);
    try {
      const interpolated = await pool.check({ path: 'app/compose.yaml', kind: 'compose' }, compose('services:\n  web:\n    image: nginx:${TAG}\n'));
      assert.ok('checked' in interpolated, JSON.stringify(interpolated));
      assert.ok(interpolated.checked.findings.some((f) => /latest/.test(f.message)), JSON.stringify(interpolated.checked.findings));
      const refused = await pool.check({ path: 'app/other.yaml', kind: 'compose' }, compose('services:\n  web:\n    extends:\n      file: secret.yml\n      service: base\n'));
      assert.match(errorOf(refused)?.message ?? '', /secret\.yml is a symbolic link to a file outside the workspace/);
      assert.ok(asked.includes('app/.env') && asked.includes('app/secret.yml'), asked.join(', '));
    } finally {
      await pool.close();
    }
  });

  it('turns a worker that crashes, exits or hangs on a file into an error for that file, and checks the rest', async () => {
    const pool = startFilePool(policy, { workers: 2, script: FAULTY, ...LIMITS, fileTimeoutMs: 2_000 });
    try {
      const paths = ['a/Dockerfile', 'crash/Dockerfile', 'b/Dockerfile', 'exit/Dockerfile', 'c/Dockerfile', 'hang/Dockerfile', 'd/Dockerfile', 'e/Dockerfile'];
      const outcomes = new Map(await Promise.all(paths.map(async (path) => [path, await pool.check(dockerfile(path), DOCKERFILE)] as const)));
      for (const path of ['a', 'b', 'c', 'd', 'e'].map((dir) => `${dir}/Dockerfile`)) {
        assert.ok('document' in (outcomes.get(path) as object), `${path}: ${JSON.stringify(outcomes.get(path))}`);
      }
      // The kind says how far the file got: the crash was in evaluation, the exit and the hang in parsing.
      assert.deepEqual(errorOf(outcomes.get('crash/Dockerfile')), {
        kind: 'policy',
        path: 'crash/Dockerfile',
        message: 'The worker thread checking the file stopped: the engine blew up.',
      });
      assert.deepEqual(errorOf(outcomes.get('exit/Dockerfile')), { kind: 'parse', path: 'exit/Dockerfile', message: 'The worker thread checking the file stopped: exit code 3.' });
      assert.deepEqual(errorOf(outcomes.get('hang/Dockerfile')), { kind: 'parse', path: 'hang/Dockerfile', message: 'Checking the file took longer than 2 s; it was stopped.' });
      // Replacement workers keep checking.
      assert.ok('document' in (await pool.check(dockerfile('f/Dockerfile'), DOCKERFILE)));
    } finally {
      await pool.close();
    }
  });

  it('blames the file a worker was on when it stopped, and checks again a file whose answer the stop lost', async () => {
    // One worker, so both files are handed to it in turn: `late` is checked, its answer held back, and
    // the worker crashes on `crash` before sending it.
    const pool = startFilePool(policy, { workers: 1, script: FAULTY, ...LIMITS });
    try {
      const [late, crash] = await Promise.all([pool.check(dockerfile('late/Dockerfile'), DOCKERFILE), pool.check(dockerfile('crash/Dockerfile'), DOCKERFILE)]);
      assert.ok(late && 'document' in late, `late/Dockerfile: ${JSON.stringify(late)}`);
      assert.deepEqual(errorOf(crash), { kind: 'policy', path: 'crash/Dockerfile', message: 'The worker thread checking the file stopped: the engine blew up.' });
    } finally {
      await pool.close();
    }
  });

  it('blames the file a worker crashed on at once, whichever of its start and its crash the main thread hears first', async () => {
    // The thread's error and its 'ready' come on different ports, and the error can be heard first
    // (about one run in ten here): the thread must still count as started, the file be blamed, and a
    // new thread take the next file.
    for (let run = 0; run < 20; run++) {
      const pool = startFilePool(policy, { workers: 1, script: FAULTY, ...LIMITS });
      try {
        const [crash, next] = await Promise.all([pool.check(dockerfile('crash/Dockerfile'), DOCKERFILE), pool.check(dockerfile('next/Dockerfile'), DOCKERFILE)]);
        assert.deepEqual(errorOf(crash), { kind: 'policy', path: 'crash/Dockerfile', message: 'The worker thread checking the file stopped: the engine blew up.' }, `run ${run}`);
        assert.ok(next && 'document' in next, `run ${run}, next/Dockerfile: ${JSON.stringify(next)}`);
      } finally {
        await pool.close();
      }
    }
  });

  it('fails every file when a worker cannot start, those it was handed included, and still closes', async () => {
    // With one worker, the files are handed to the thread that fails; with two, to either.
    for (const workers of [1, 2]) {
      const pool = startFilePool(policy, { workers, script: { path: join(REPO_ROOT, 'no-such-worker.js') }, ...LIMITS });
      try {
        const files = ['a', 'b', 'c'].map((dir) => assert.rejects(pool.check(dockerfile(`${dir}/Dockerfile`), DOCKERFILE), /could not start/));
        await Promise.all(files);
        await assert.rejects(pool.check(dockerfile('d/Dockerfile'), DOCKERFILE), /could not start/);
      } finally {
        await pool.close();
      }
    }
  });

  // node 20's V8 grows a young generation past its starting size whatever the growth factor (measured:
  // 8 → 32 MiB here); node 24's, the action's runtime, honours it.
  const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
  it('keeps the main thread\'s young generation from growing once started', { skip: NODE_MAJOR < 24 && 'node 20 ignores the growth factor' }, () => {
    // In a fresh process each time, so that nothing else has grown the heap first: what a big scan's
    // main thread does to it (much kept, as findings are), with and without a pool started before.
    const newSpace = (startPool: boolean) =>
      inFreshProcess<{ before: number; after: number }>(
        startPool,
        `const { getHeapSpaceStatistics } = await import('node:v8');
        const size = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 2 ** 20;
        const before = size();
        const kept = Array.from({ length: 400000 }, (_, i) => ({ i, message: 'finding ' + i, lines: [i, i + 1] }));
        console.log(JSON.stringify({ before, after: size(), kept: kept.length }));`,
      );
    const without = newSpace(false);
    const withPool = newSpace(true);
    assert.ok(without.after >= 16 && without.after > without.before, `without a pool V8 grows it: ${JSON.stringify(without)} MiB`);
    // It does not shrink what loading the engine grew it to, but grows no further.
    assert.ok(withPool.after <= Math.max(withPool.before, 8), `after a pool started: ${JSON.stringify(withPool)} MiB`);
  });

  it('rejects files still waiting when it is closed', async () => {
    const pool = startFilePool(policy, { workers: 2, script: findWorkerScript(), ...LIMITS });
    const pending = assert.rejects(pool.check(dockerfile('a/Dockerfile'), DOCKERFILE), /closed/);
    await pool.close();
    await pending;
    await assert.rejects(pool.check(dockerfile('b/Dockerfile'), DOCKERFILE), /closed/);
  });

  describe('threads started ahead (prestartWorkers)', () => {
    const NOWHERE: WorkerScript = { path: join(REPO_ROOT, 'no-such-worker.js') };

    it('are taken by the pool, sent their setup, and serve in order the files sent while their engine loads', async () => {
      const prestarted = prestartWorkers(findWorkerScript(), 1);
      // A pool that started a thread of its own would fail: its script does not exist.
      const pool = startFilePool(policy, { workers: 1, script: NOWHERE, ...LIMITS, prestarted });
      try {
        assert.equal(prestarted.waiting, 0, 'the pool took the thread');
        const paths = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}/Dockerfile`);
        const outcomes = await Promise.all(paths.map((path) => pool.check(dockerfile(path), DOCKERFILE)));
        assert.deepEqual(outcomes.map((outcome) => (outcome && 'document' in outcome ? outcome.document.path : JSON.stringify(outcome))), paths);
      } finally {
        await pool.close();
      }
    });

    it('are not handed out once they could not load: the pool starts its own', async () => {
      const prestarted = prestartWorkers(NOWHERE, 1);
      for (let waited = 0; prestarted.waiting > 0 && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(prestarted.waiting, 0, 'the thread that failed to load is gone');
      const pool = startFilePool(policy, { workers: 1, script: findWorkerScript(), ...LIMITS, prestarted });
      try {
        const outcome = await pool.check(dockerfile('svc/Dockerfile'), DOCKERFILE);
        assert.ok(outcome && 'document' in outcome, JSON.stringify(outcome));
      } finally {
        await pool.close();
      }
    });

    it('are ended by discard when no pool takes them', async () => {
      const prestarted = prestartWorkers(findWorkerScript(), 2);
      assert.equal(prestarted.waiting, 2);
      await prestarted.discard();
      assert.equal(prestarted.waiting, 0);
      assert.equal(prestarted.take(), undefined);
    });
  });
});
