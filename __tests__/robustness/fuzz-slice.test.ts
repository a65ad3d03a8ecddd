import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runTarget } from '../../fuzz/run-target.js';
import { composeTarget, corpusTarget, dockerfileTarget, loadCorpus, pipelineTarget, type FuzzTarget } from '../../fuzz/targets.js';
import { REPO_ROOT } from './helpers.js';

// The deterministic slice of the fuzz targets (fixed seed, a few hundred cases each) that runs with
// every test run; `npm run fuzz` runs 100,000 per target with a fresh seed. A crash here prints the
// grouped signature and the input that caused it.

const SEED = 20_240_901;

async function assertNoCrash(target: FuzzTarget<unknown>, numRuns: number): Promise<void> {
  const outcome = await runTarget(target, { numRuns, seed: SEED });
  console.log(`fuzz slice [${target.name}]: ${outcome.cases} cases, ${outcome.crashes.length} distinct crashes, ${(outcome.ms / 1000).toFixed(1)} s`);
  assert.equal(outcome.cases, numRuns);
  assert.deepEqual(outcome.crashes.map((c) => ({ signature: c.signature, count: c.count, example: c.example })), []);
}

describe('fuzz slice', { timeout: 180_000 }, () => {
  it('Dockerfile parser: 400 generated files', () => assertNoCrash(dockerfileTarget as FuzzTarget<unknown>, 400));
  it('compose loader: 300 generated projects', () => assertNoCrash(composeTarget as FuzzTarget<unknown>, 300));
  it('whole pipeline: 150 generated workspaces', () => assertNoCrash(pipelineTarget as FuzzTarget<unknown>, 150));
  it('real corpus mutations: 150 cases', async (t) => {
    const corpus = loadCorpus(REPO_ROOT);
    if ('missing' in corpus) return t.skip(`${corpus.missing}; skipped`);
    await assertNoCrash(corpusTarget(corpus.files) as FuzzTarget<unknown>, 150);
  });
});
