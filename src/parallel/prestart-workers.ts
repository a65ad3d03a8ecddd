/**
 * Worker threads started before their setup is known: while the CLI walks the directories it was given,
 * once they have shown the scan will be big, so that a thread's start-up (its bundle loaded and compiled,
 * ~150 ms on two cores) takes the core the walk leaves idle, rather than a core that could check files.
 * Measured on two cores: 10,000 small Dockerfiles 2.74 → 2.62 s, the corpus 3.53 → 3.45 s (9 alternating
 * runs each; bench/README.md). A thread waits for its setup in its first message (see check-worker.ts);
 * one not taken must be discarded, or it keeps the process alive.
 */
import type { Worker } from 'node:worker_threads';
import type { AwaitingSetup } from './messages.js';
import { spawnWorker, tuneForWorkerThreads, type WorkerScript } from './spawn-worker.js';

export interface PrestartedWorkers {
  /** A thread still alive and not yet taken, for the pool to send its setup to; undefined when none is left. */
  take(): Worker | undefined;
  /** The threads alive and not yet taken. */
  readonly waiting: number;
  /** Ends the threads not taken (a scan that turned out small, or one that failed before its pool started). */
  discard(): Promise<void>;
}

export function prestartWorkers(script: WorkerScript, count: number): PrestartedWorkers {
  // Each thread alive and not taken, with what hears its end until then.
  const alive = new Map<Worker, () => void>();
  tuneForWorkerThreads();
  for (let i = 0; i < count; i++) {
    const worker = spawnWorker(script, { awaitSetup: true } satisfies AwaitingSetup);
    // A thread that could not load is not handed out: the pool starts one of its own, whose failure it
    // reports. Until taken, its error is heard here (an 'error' no one hears would end the process).
    const gone = (): void => {
      alive.delete(worker);
    };
    alive.set(worker, gone);
    worker.on('error', gone);
    worker.on('exit', gone);
  }
  return {
    take() {
      const [entry] = alive;
      if (entry === undefined) return undefined;
      const [worker, gone] = entry;
      alive.delete(worker);
      worker.off('error', gone);
      worker.off('exit', gone);
      return worker;
    },
    get waiting() {
      return alive.size;
    },
    async discard() {
      const left = [...alive.keys()];
      alive.clear();
      await Promise.all(left.map((worker) => worker.terminate()));
    },
  };
}
