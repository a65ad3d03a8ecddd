import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { EMPTY_CONFIG } from '../../src/config/config-file.js';
import { workspaceFiles } from '../../src/config/config-file-fs.js';
import { groupComposeProjects } from '../../src/discover/compose-projects.js';
import { DEFAULT_PATTERNS, classifyPath } from '../../src/discover/file-patterns.js';
import { loadConfiguredEngine, loadRefiner } from '../../src/evaluate/apply-config-setup.js';
import type { FileRefiner } from '../../src/evaluate/file-refiner.js';
import { defaultBundleDir, readPolicyBundle, type PolicyBundle } from '../../src/evaluate/policy-bundle-fs.js';
import type { TargetFile } from '../../src/model.js';
import { defaultParallelSettings, findWorkerScript, useWorkers, type ParallelSettings } from '../../src/parallel/pool-settings.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline.js';
import { REPO_ROOT } from '../support/run-action.js';
import { writeTree } from '../support/temp-tree.js';
import { scopedReaders, type ReadScope } from '../../src/discover/read-scope-fs.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/file-size.js';

type Tree = Record<string, string | Uint8Array>;

const INSECURE = readFileSync(join(REPO_ROOT, 'examples', 'insecure', 'Dockerfile'), 'utf8');
const INSECURE_COMPOSE = readFileSync(join(REPO_ROOT, 'examples', 'insecure', 'compose.yaml'), 'utf8');

/** Dockerfiles of several shapes (multi-stage, heredocs, control structures for the shell parser, suppressions), numbered to differ. */
const DOCKERFILES: readonly ((i: number) => string)[] = [
  (i) => `FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl-${i} && rm -rf /var/lib/apt/lists/*\nUSER ${i % 2 ? 'root' : '1000'}\nCMD ["sh"]\n`,
  (i) => `FROM node:${18 + (i % 3)} AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM gcr.io/distroless/nodejs20\nCOPY --from=build /app /app\nEXPOSE ${3000 + i}\n`,
  (i) => `FROM alpine:latest\nRUN if [ -f /x${i} ]; then echo yes | tee /y; fi\n# container-policy ignore=CPD035 -- checked by the release job\nADD http://example.com/f${i}.tgz /tmp/\n`,
  (i) => `FROM python:3.12\nRUN <<EOF\npip install flask==${i}.0\nEOF\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n`,
  (i) => `${INSECURE}\nLABEL n=${i}\n`,
];

/**
 * A few hundred files: Dockerfiles, broken ones, a compose project with its override and .env, compose
 * files. Its compose files are few enough for the main thread to keep (see src/parallel/worker-share.ts);
 * with fewer services they are more than its share, and the workers take them too.
 */
function generatedTree(services = 240): Tree {
  const tree: Tree = {};
  for (let i = 0; i < services; i++) tree[`svc-${String(i).padStart(3, '0')}/Dockerfile`] = (DOCKERFILES[i % DOCKERFILES.length] as (i: number) => string)(i);
  for (let i = 0; i < 8; i++) {
    tree[`broken/binary-${i}/Dockerfile`] = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, i, 0xff]);
    tree[`broken/no-from-${i}/Dockerfile`] = `RUN echo ${i}\n`;
    tree[`broken/latin1-${i}/Dockerfile`] = new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xe9, 0xff, 0x0a]);
  }
  tree['broken/empty/Dockerfile'] = '';
  tree['project/compose.yaml'] = 'services:\n  web:\n    image: nginx:${TAG}\n    privileged: true\n';
  tree['project/compose.override.yaml'] = 'services:\n  web:\n    ports:\n      - "80:80"\n';
  tree['project/.env'] = 'TAG=latest\n';
  for (let i = 0; i < 20; i++) tree[`apps/app-${i}/compose.yaml`] = i % 5 === 0 ? INSECURE_COMPOSE : `services:\n  a${i}:\n    image: redis:7\n    user: "${i}"\n`;
  tree['broken/yaml/compose.yml'] = 'services: [\n';
  // Compose files on their own, whose related files a worker reads through the main thread: a .env,
  // an extends base (where the finding lands), and a base that is missing.
  tree['env-app/compose.yaml'] = 'services:\n  web:\n    image: nginx:${TAG}\n';
  tree['env-app/.env'] = 'TAG=latest\n';
  tree['ext-app/compose.yaml'] = 'services:\n  web:\n    extends:\n      file: base.yml\n      service: base\n';
  tree['ext-app/base.yml'] = 'services:\n  base:\n    image: redis:7\n    privileged: true\n';
  tree['gone-app/compose.yaml'] = 'services:\n  web:\n    extends:\n      file: gone.yml\n      service: base\n';
  // A service built from an inline Dockerfile, which the Dockerfile rules check within the compose file's check.
  tree['inline-app/compose.yaml'] = 'services:\n  web:\n    image: redis:7\n    build:\n      dockerfile_inline: |\n        FROM node:latest\n        USER root\n';
  return tree;
}

function targetsOf(tree: Tree): TargetFile[] {
  const selected = Object.keys(tree)
    .sort()
    .flatMap((path): TargetFile[] => {
      const kind = classifyPath(path, DEFAULT_PATTERNS);
      return kind ? [{ path, kind }] : [];
    });
  return groupComposeProjects(selected, [], (path) => Object.hasOwn(tree, path));
}

let bundle: PolicyBundle;
before(async () => {
  bundle = await readPolicyBundle(defaultBundleDir());
});

/**
 * The pipeline over an in-memory tree as the CLI runs it: configured engine and refiner (suppression
 * comments), which `wrap` may put inside a refiner of its own (one that reads the whole document).
 */
function scan(tree: Tree, parallel: ParallelSettings, wrap: (refine: FileRefiner) => FileRefiner = (refine) => refine): Promise<PipelineResult> {
  const files = targetsOf(tree);
  return runPipeline({
    discover: async () => ({ files, scope: 'test' }),
    readFile: async (path) => {
      const content = tree[path];
      if (content === undefined) throw new Error(`${path} does not exist`);
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    loadEngine: () => loadConfiguredEngine(bundle, EMPTY_CONFIG),
    loadRefiner: async (engine) => wrap(await loadRefiner(engine, EMPTY_CONFIG, { policyPaths: [], namespaces: ['main'] }, workspaceFiles(REPO_ROOT), { path: process.env.PATH })),
    parallel,
  });
}

// The main thread stays out of the Dockerfiles here, so that every one goes through a worker (a faulty worker's file included).
const SETTINGS: ParallelSettings = { minFiles: 1, workers: 2, mainThreadJoins: false, fileTimeoutMs: 60_000, startTimeoutMs: 60_000 };
/** As a scan on two cores runs: one worker, and the main thread joining in once its own files are done. */
const JOINED: ParallelSettings = { ...SETTINGS, workers: 1, mainThreadJoins: true };
const SEQUENTIAL: ParallelSettings = { ...SETTINGS, minFiles: Number.POSITIVE_INFINITY };
const MISSING_SCRIPT = { path: join(REPO_ROOT, 'no-such-worker.js') };

/** The tree with compose files beyond the main thread's share under SETTINGS (two workers): 45 Dockerfiles, 27 compose files. */
const composeHeavyTree = (): Tree => generatedTree(20);

function withoutCatalogue(result: PipelineResult) {
  const { catalogue: _catalogue, ...rest } = result;
  return rest;
}

/** A pool that loses a file would leave the run waiting for ever: fail instead. */
const TEST_TIMEOUT_MS = 180_000;

describe('pipeline on worker threads', { timeout: TEST_TIMEOUT_MS }, () => {
  it('gives the same findings, errors and suppressions, in the same order, as the main thread alone', async () => {
    const tree = generatedTree();
    const sequential = await scan(tree, SEQUENTIAL);
    const parallel = await scan(tree, SETTINGS);
    assert.deepEqual(withoutCatalogue(parallel), withoutCatalogue(sequential));
    assert.deepEqual(withoutCatalogue(await scan(tree, JOINED)), withoutCatalogue(sequential));
    // The configuration alone is applied on the workers; a refiner that reads the whole document (as
    // custom and daemon policies do) gets it from them, and the result is the same.
    const instructionsSeen: number[] = [];
    const readsDocuments = (refine: FileRefiner): FileRefiner => (checked, parsed) => {
      if (parsed.document.kind === 'dockerfile') instructionsSeen.push(parsed.document.instructions.length);
      return refine(checked, parsed);
    };
    assert.deepEqual(withoutCatalogue(await scan(tree, SETTINGS, readsDocuments)), withoutCatalogue(sequential));
    assert.ok(instructionsSeen.length >= 240 && instructionsSeen.every((n) => n > 0), `${instructionsSeen.length} Dockerfile documents refined`);
    // The tree exercises what it should: findings, parse errors of every broken kind, suppressions, the compose project.
    assert.ok(sequential.findings.length > 500, `${sequential.findings.length} findings`);
    const errorPaths = new Set(sequential.errors.map((e) => e.path));
    for (const path of ['broken/binary-0/Dockerfile', 'broken/no-from-0/Dockerfile', 'broken/latin1-0/Dockerfile', 'broken/empty/Dockerfile', 'broken/yaml/compose.yml']) {
      assert.ok(errorPaths.has(path), `an error for ${path}`);
    }
    assert.ok((sequential.suppressed ?? []).some((s) => s.finding.ruleId === 'CPD035'), 'the suppression comment applied');
    assert.ok(sequential.findings.some((f) => f.path === 'project/compose.override.yaml'), 'a finding placed in the override file');
    assert.ok(sequential.findings.some((f) => f.path === 'env-app/compose.yaml' && /latest/.test(f.message)), 'the .env value interpolated');
    assert.ok(sequential.findings.some((f) => f.path === 'ext-app/base.yml'), 'a finding placed in the extends base');
    assert.ok(sequential.errors.some((e) => e.path === 'gone-app/compose.yaml' && /gone\.yml/.test(e.message)), 'an error for the missing base');
    // The same settings with a worker that cannot start fail the run: the workers did the work above.
    await assert.rejects(scan(tree, { ...SETTINGS, script: MISSING_SCRIPT }), /could not start/);
    // Also when the main thread could have checked every Dockerfile itself: a broken pool is never hidden.
    await assert.rejects(scan(tree, { ...JOINED, script: MISSING_SCRIPT }), /could not start/);
  });

  it('has the workers read a compose file\'s related files themselves when given the scan\'s reader as data', async () => {
    // The main thread's reader, built from the scope of the tree written to disk, noting what it is asked for.
    const scanOnDisk = async (tree: Tree, parallel: ParallelSettings) => {
      const readScope: ReadScope = { workspace: writeTree(tree), maxBytes: DEFAULT_MAX_FILE_BYTES };
      const asked: string[] = [];
      const read = scopedReaders(readScope).readFile;
      const result = await runPipeline({
        discover: async () => ({ files: targetsOf(tree), scope: 'test' }),
        readFile: (path) => (asked.push(path), read(path)),
        readScope,
        loadEngine: () => loadConfiguredEngine(bundle, EMPTY_CONFIG),
        loadRefiner: (engine) => loadRefiner(engine, EMPTY_CONFIG, { policyPaths: [], namespaces: ['main'] }, workspaceFiles(REPO_ROOT), { path: process.env.PATH }),
        parallel,
      });
      return { result, asked };
    };
    const related = ['env-app/.env', 'ext-app/base.yml', 'gone-app/gone.yml'];
    const tree = composeHeavyTree();
    const sequential = await scanOnDisk(tree, SEQUENTIAL);
    const parallel = await scanOnDisk(tree, SETTINGS);
    assert.deepEqual(withoutCatalogue(parallel.result), withoutCatalogue(sequential.result));
    assert.deepEqual(withoutCatalogue(parallel.result), withoutCatalogue(await scan(tree, SEQUENTIAL)), 'the same as the in-memory tree gives');
    // A worker checks a compose file's inline Dockerfile as the main thread does, its findings placed in the compose file.
    const inline = parallel.result.findings.filter((f) => f.path === 'inline-app/compose.yaml' && f.kind === 'dockerfile').map((f) => `${f.ruleId}:${f.startLine}`);
    assert.ok(inline.includes('CPD001:6') && inline.includes('CPD002:7'), inline.join(', '));
    // On one thread every related file goes through the main thread's reader; with workers, only the
    // compose project's (checked on the main thread), not those of compose files checked on a worker.
    for (const path of related) {
      assert.ok(sequential.asked.includes(path), `${path} read on one thread`);
      assert.ok(!parallel.asked.includes(path), `${path} read by a worker, not asked of the main thread`);
    }
    // Among many more Dockerfiles the main thread keeps the compose files, and reads their related files itself.
    const dockerfileHeavy = generatedTree();
    const kept = await scanOnDisk(dockerfileHeavy, SETTINGS);
    for (const path of related) assert.ok(kept.asked.includes(path), `${path} read on the main thread`);
    assert.deepEqual(withoutCatalogue(kept.result), withoutCatalogue(await scan(dockerfileHeavy, SEQUENTIAL)));
  });

  it('answers a worker\'s read with the error when the main thread\'s reader throws instead of rejecting', async () => {
    const tree = composeHeavyTree();
    const files = targetsOf(tree);
    const result = await runPipeline({
      discover: async () => ({ files, scope: 'test' }),
      // As the CLI's reader once did for a file outside every scanned root: a throw, not a rejection.
      readFile: (path) => {
        if (path === 'ext-app/base.yml') throw new Error(`${path} is outside the paths given to scan; it was not read.`);
        const content = tree[path];
        return content === undefined ? Promise.reject(new Error(`${path} does not exist`)) : Promise.resolve(typeof content === 'string' ? new TextEncoder().encode(content) : content);
      },
      loadEngine: () => loadConfiguredEngine(bundle, EMPTY_CONFIG),
      loadRefiner: (engine) => loadRefiner(engine, EMPTY_CONFIG, { policyPaths: [], namespaces: ['main'] }, workspaceFiles(REPO_ROOT), { path: process.env.PATH }),
      parallel: SETTINGS,
    });
    assert.ok(result.errors.some((e) => e.path === 'ext-app/compose.yaml' && /outside the paths given to scan/.test(e.message)), JSON.stringify(result.errors));
    assert.ok(result.findings.some((f) => f.path === 'env-app/compose.yaml'), 'the other files checked');
  });

  it('reports a file whose worker crashed or exited as an error, never as a pass, and checks the others', async () => {
    const tree = composeHeavyTree();
    tree['crash/Dockerfile'] = INSECURE;
    tree['exit/Dockerfile'] = INSECURE;
    // A compose file on its own goes to the workers too.
    tree['crash/compose.yaml'] = INSECURE_COMPOSE;
    const faulty = { ...findWorkerScript(), path: join(REPO_ROOT, '__tests__', 'fixtures', 'parallel', 'faulty-worker.ts') };
    const result = await scan(tree, { ...SETTINGS, script: faulty });
    const expected = await scan(tree, SEQUENTIAL);
    assert.deepEqual(
      result.errors.filter((e) => e.path?.startsWith('crash/') || e.path === 'exit/Dockerfile'),
      [
        { kind: 'policy', path: 'crash/Dockerfile', message: 'The worker thread checking the file stopped: the engine blew up.' },
        { kind: 'policy', path: 'crash/compose.yaml', message: 'The worker thread checking the file stopped: the engine blew up.' },
        { kind: 'parse', path: 'exit/Dockerfile', message: 'The worker thread checking the file stopped: exit code 3.' },
      ],
    );
    const others = (path: string | undefined) => !path?.startsWith('crash/') && path !== 'exit/Dockerfile';
    assert.deepEqual(result.findings, expected.findings.filter((f) => others(f.path)));
    assert.deepEqual(result.errors.filter((e) => others(e.path)), expected.errors);
  });

  it('checks a Dockerfile of 10,000 instructions on a worker, within its heap limits, as the main thread does', async () => {
    // The biggest legitimate input known; a worker whose heap limits it outgrew would turn it into an error.
    const shapes = [(i: number) => `RUN apt-get update && apt-get install -y pkg${i}=1.${i}`, (i: number) => `ENV VAR_${i}=value${i}`, (i: number) => `COPY src/part${i} /opt/part${i}`, (i: number) => `WORKDIR /opt/w${i}`];
    const lines = ['FROM debian:12.5-slim', ...Array.from({ length: 9_998 }, (_, i) => (shapes[i % shapes.length] as (i: number) => string)(i)), 'USER 10001'];
    const tree: Tree = { 'big/Dockerfile': lines.join('\n') + '\n' };
    const parallel = await scan(tree, SETTINGS);
    assert.deepEqual(parallel.errors, []);
    assert.deepEqual(withoutCatalogue(parallel), withoutCatalogue(await scan(tree, SEQUENTIAL)));
  });

  it('starts no worker for a small scan', async () => {
    // A worker that cannot start would fail the run: below the threshold the scan passes without one.
    const small: Tree = { 'a/Dockerfile': INSECURE, 'b/Dockerfile': 'FROM alpine:3.20\nUSER 10001\n', 'c/compose.yaml': INSECURE_COMPOSE };
    const result = await scan(small, { ...defaultParallelSettings(), workers: 2, script: MISSING_SCRIPT });
    assert.ok(result.findings.length > 0);
    assert.deepEqual(result.errors, []);
    await assert.rejects(scan(small, { ...SETTINGS, script: MISSING_SCRIPT }), /could not start/);
    // Compose files outside a project count as the workers would take them: three such files and two
    // Dockerfiles start workers under a threshold of five, and fail here for want of a worker.
    const mixed: Tree = { ...small, 'd/compose.yaml': INSECURE_COMPOSE, 'e/compose.yaml': INSECURE_COMPOSE };
    await assert.rejects(scan(mixed, { ...SETTINGS, minFiles: 5, script: MISSING_SCRIPT }), /could not start/);
    const justBelow: Tree = { ...small, 'd/compose.yaml': INSECURE_COMPOSE };
    assert.ok((await scan(justBelow, { ...SETTINGS, minFiles: 5, script: MISSING_SCRIPT })).findings.length > 0);
    // The defaults: a pull request's few Dockerfiles stay on the main thread, and so does any scan on one core.
    assert.equal(useWorkers(2, { ...defaultParallelSettings(), workers: 4 }), false);
    assert.equal(useWorkers(10_000, { ...defaultParallelSettings(), workers: 0 }), false);
    assert.equal(useWorkers(10_000, { ...defaultParallelSettings(), workers: 1 }), true);
    // A big scan's checkers: the main thread and one worker fewer than cores (none on one core).
    assert.equal(defaultParallelSettings().workers, Math.min(4, availableParallelism() - 1));
    assert.equal(defaultParallelSettings().mainThreadJoins, true);
  });
});
