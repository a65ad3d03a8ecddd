import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AwaitingSetup, WorkerSetup } from './messages.js';
import { stopAtMidTierCompiler } from './compiler-tier.js';
import { limitOldGenerationGrowth } from './old-generation.js';
import { keepYoungGenerationsSmall } from './young-generation.js';

/** The script a worker thread runs. */
export interface WorkerScript {
  readonly path: string;
  /**
   * A module whose `register()` must run in the thread before the script: tsx's API, when the script
   * is TypeScript source (tests). A worker does not apply `--import` given in its execArgv.
   */
  readonly register?: string;
}

/**
 * The young generation of a worker's heap, in MiB (V8 makes semi-spaces a third of it). V8's default
 * lets it grow to tens of MiB per thread; parsing and evaluating the corpus's 3,467 Dockerfiles in one
 * thread with 4 MiB semi-spaces peaked at 193 MiB instead of 297 MiB, and took no more CPU time. 2 MiB
 * semi-spaces took the corpus scan's peak from ~225 to ~216 MiB and 10,000 small Dockerfiles' from
 * ~175 to ~162 MiB, again at the same CPU time (5 and 4 alternating runs); what a worker keeps alive
 * between files is small, so a smaller nursery promotes little more.
 */
const WORKER_YOUNG_GENERATION_MB = 6;

/**
 * The old generation of a worker's heap, in MiB. It is less a ceiling than a setting of V8's growth
 * heuristic: an old generation whose limit is 2 GiB or more (the default on a machine with 16 GB) may
 * grow to 4× its live data before a full collection, one with a smaller limit to 1.3–2× (1.6× here).
 * The corpus scan peaked ~50 MiB lower with it (two workers), at about the same CPU time; 2,048 made
 * no difference. The biggest input known (a generated Dockerfile of 10,000 instructions) needs ~33 MiB
 * of it, its bulk being in the Wasm memory; a worker that runs out stops, and its file is an error.
 */
const WORKER_OLD_GENERATION_MB = 1024;

/** The semi-spaces a worker's heap starts with under its young-generation limit, as V8 sizes them by default (measured). */
const WORKER_SEMI_SPACE_START_MB = 2;

/**
 * Sets the main thread up for a scan on worker threads, before the first is started (the settings of
 * heaps are read when they are set up): a scan big enough for workers is one where the main thread's
 * heap would grow most (its young generation, and its old one as findings come in), and where every
 * core is busy, so that V8's top-tier compiling on further threads would slow the checks.
 */
export function tuneForWorkerThreads(): void {
  keepYoungGenerationsSmall(WORKER_SEMI_SPACE_START_MB);
  limitOldGenerationGrowth();
  stopAtMidTierCompiler();
}

/** Starts a worker thread that checks files, given its setup now or (AwaitingSetup) in its first message. */
export function spawnWorker(script: WorkerScript, workerData: WorkerSetup | AwaitingSetup): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB };
  const options = { workerData, resourceLimits };
  if (script.register === undefined) return new Worker(script.path, options);
  const [register, entry] = [script.register, pathToFileURL(script.path).href].map((url) => JSON.stringify(url));
  // A failure to load either rejects, which ends the thread before it is ready.
  return new Worker(`import(${register}).then((m) => m.register()).then(() => import(${entry}))`, { ...options, eval: true });
}
