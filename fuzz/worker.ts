import { parentPort, workerData } from 'node:worker_threads';
import { runTarget } from './run-target.js';
import { composeTarget, corpusTarget, dockerfileTarget, loadCorpus, pipelineTarget, type FuzzTarget } from './targets.js';

// One fuzz target in a worker thread, so the runner can stop it when a case hangs. The case index in
// shared memory is how the runner knows which case that was.

const { name, numRuns, seed, root, progress } = workerData as { name: string; numRuns: number; seed: number; root: string; progress: SharedArrayBuffer };
const counter = new Int32Array(progress);

async function targetNamed(): Promise<FuzzTarget<unknown> | string> {
  if (name === 'dockerfile') return dockerfileTarget as FuzzTarget<unknown>;
  if (name === 'compose') return composeTarget as FuzzTarget<unknown>;
  if (name === 'pipeline') return pipelineTarget as FuzzTarget<unknown>;
  const corpus = loadCorpus(root);
  if ('missing' in corpus) return `skipped: ${corpus.missing}`;
  return corpusTarget(corpus.files) as FuzzTarget<unknown>;
}

const target = await targetNamed();
if (typeof target === 'string') {
  parentPort?.postMessage({ skipped: target });
} else {
  const outcome = await runTarget(target, { numRuns, seed, progress: (i) => Atomics.store(counter, 0, i) });
  parentPort?.postMessage({ outcome, what: target.what, maxRssKb: process.resourceUsage().maxRSS });
}
