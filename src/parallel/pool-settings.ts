import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import type { WorkerScript } from './spawn-worker.js';

/** When a scan checks its files on worker threads, and how. */
export interface ParallelSettings {
  /** Scans with fewer files the workers could check (see useWorkers) stay on the main thread. */
  readonly minFiles: number;
  /** Worker threads besides the main thread; 0 means none. */
  readonly workers: number;
  /** Whether the main thread, its own files done, also checks files the workers have not taken. */
  readonly mainThreadJoins: boolean;
  /** A worker that takes longer to check one file is stopped, and the file becomes an error. */
  readonly fileTimeoutMs: number;
  /** A worker that takes longer to start fails the run. */
  readonly startTimeoutMs: number;
  /** The worker's entry; found beside the running code when not given. */
  readonly script?: WorkerScript;
}

/**
 * A worker takes 100–200 ms of CPU to start (its bundle, its Wasm instance), and compiles the parsers
 * again, while a corpus Dockerfile or compose file takes a few milliseconds to parse and evaluate
 * cold, so a worker pays for its start from about 60 files on; and a pull request touching a few
 * files must not start any (the action's cold start).
 */
export const MIN_FILES_FOR_WORKERS = 64;

/**
 * Worker threads at most. A big scan starts one fewer than cores and the main thread, its own files
 * (compose projects, reading, the report) done, checks files alongside them: every thread is an
 * isolate that compiles the same parsers and holds its own heap and Wasm memory, so on two cores one
 * worker and the main thread did the corpus scan with ~10% less CPU and ~25 MiB less peak memory than
 * two workers beside an idle main thread, and 10,000 small Dockerfiles with ~20% less of both
 * (bench/README.md). The main thread's young generation is kept from growing (young-generation.ts),
 * which is what had made its joining in cost memory before. Handing files out and collecting their
 * findings grows with every worker: a few are enough.
 */
export const MAX_WORKERS = 4;

/**
 * The longest legitimate file known (a generated Dockerfile of 10,000 instructions) takes a few
 * seconds; a file that takes minutes is stuck, and must not hold the job to its time limit.
 */
export const FILE_TIMEOUT_MS = 300_000;

/** A worker starts in well under a second (its bundle, its Wasm instance); a minute means something is wrong. */
export const START_TIMEOUT_MS = 60_000;

export function defaultParallelSettings(): ParallelSettings {
  return {
    minFiles: MIN_FILES_FOR_WORKERS,
    // The main thread is one of the cores' checkers; on one core a worker would only add its heap.
    workers: Math.min(MAX_WORKERS, availableParallelism() - 1),
    mainThreadJoins: true,
    fileTimeoutMs: FILE_TIMEOUT_MS,
    startTimeoutMs: START_TIMEOUT_MS,
  };
}

/**
 * Whether a scan with `files` the workers could check (its Dockerfiles, and its compose files outside
 * a project when the workers take them: see worker-share.ts) is worth worker threads.
 */
export function useWorkers(files: number, settings: ParallelSettings): boolean {
  return settings.workers >= 1 && files >= settings.minFiles;
}

/**
 * The worker's entry. Under the sources (tests, run through tsx) it is check-worker.ts beside this
 * file and needs tsx too; in the bundles it is dist/worker/index.js, which scripts/bundle.mjs builds
 * next to the action (dist/index.js) and the CLI (dist/cli/index.js).
 */
export function findWorkerScript(): WorkerScript {
  const here = dirname(fileURLToPath(import.meta.url));
  const source = join(here, 'check-worker.ts');
  if (existsSync(source)) return { path: source, register: import.meta.resolve('tsx/esm/api') };
  for (const bundled of [join(here, 'worker', 'index.js'), join(here, '..', 'worker', 'index.js')]) {
    if (existsSync(bundled)) return { path: bundled };
  }
  // An incomplete checkout or copy of the action, not a bug: say what is missing and how to restore it.
  throw new UserError(`The worker script worker/index.js is missing beside ${here}: the action's dist/ is incomplete; restore it (npm run bundle).`);
}
