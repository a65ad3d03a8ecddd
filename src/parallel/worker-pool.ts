/**
 * Worker threads that parse and evaluate files (see check-worker.ts), each with its own instance of
 * the policy's Wasm module; the files a compose file depends on they read through `readFile`. Fails
 * closed: a file whose worker dies or hangs becomes an error for that file (the worker is replaced and
 * the files queued behind it go to the others); a worker that cannot start fails every file still to
 * check, and so the run. close() always ends every thread.
 */
import type { Worker } from 'node:worker_threads';
import type { ConfigFile } from '../config/config-file.js';
import type { ReadScope } from '../discover/read-scope-fs.js';
import { describeError } from '../errors.js';
import type { CompiledPolicyBundle } from '../evaluate/policy-engine.js';
import type { CheckError, TargetFile } from '../model.js';
import { PROGRESS, STAGE, type CheckRequest, type MainMessage, type SetupMessage, type WorkerOutcome, type WorkerReply, type WorkerSetup } from './messages.js';
import type { PrestartedWorkers } from './prestart-workers.js';
import { spawnWorker, tuneForWorkerThreads, type WorkerScript } from './spawn-worker.js';

export type { WorkerScript } from './spawn-worker.js';

export interface PoolOptions {
  readonly workers: number;
  readonly script: WorkerScript;
  /** Given to every worker (see WorkerSetup.configuration): it then answers with each file's final findings. */
  readonly configuration?: ConfigFile;
  /** Values for compose `${VAR}` interpolation, given to every worker. */
  readonly composeVariables?: Readonly<Record<string, string>>;
  /** Reads a file a compose file being checked depends on, for the worker that asks (the scan's guarded reader). */
  readonly readFile?: (path: string) => Promise<Uint8Array>;
  /** That reader as data, given to every worker: each then reads those files itself (see WorkerSetup.readScope). */
  readonly readScope?: ReadScope;
  /** A worker that takes longer to check one file is stopped, and the file is an error. */
  readonly fileTimeoutMs: number;
  /** A worker that takes longer to start fails the pool. */
  readonly startTimeoutMs: number;
  /** Threads started ahead (see prestart-workers.ts): the pool's first threads are taken from them while any is alive. */
  readonly prestarted?: PrestartedWorkers;
}

/** Files checked on worker threads. */
export interface FilePool {
  /** How many worker threads check files. */
  readonly workers: number;
  /** Resolves with the file's outcome (an error outcome when its worker died or hung); rejects only when the pool failed. */
  check(file: TargetFile, bytes: Uint8Array): Promise<WorkerOutcome>;
  /** Ends every thread; files not yet answered are rejected. */
  close(): Promise<void>;
}

/**
 * Files handed to a worker at a time: the one it is on and those next, so that it does not wait for
 * the main thread in between. The main thread hears a worker's answers only between the files it
 * checks itself (see MAX_WORKERS), so a worker's files must outlast the main thread's longest: with
 * two, the worker was idle for a fifth of the corpus scan.
 */
const FILES_PER_THREAD = 8;

interface Job {
  readonly request: CheckRequest;
  resolve(outcome: WorkerOutcome): void;
  reject(error: Error): void;
}

interface Thread {
  readonly worker: Worker;
  readonly progress: Int32Array;
  /** Files sent, in the order the worker answers them: the first is the one it is on. */
  readonly jobs: Job[];
  ready: boolean;
  timer?: NodeJS.Timeout;
  /** The uncaught error that ended the thread, if one did. */
  error?: string;
  /** Stopped because the file it was on took too long. */
  timedOut?: boolean;
}

export function startFilePool(policy: CompiledPolicyBundle, options: PoolOptions): FilePool {
  tuneForWorkerThreads();
  const queue: Job[] = [];
  const threads = new Set<Thread>();
  let nextId = 0;
  let failure: Error | undefined;
  let closed = false;

  const spawn = (): void => {
    const shared = new SharedArrayBuffer(PROGRESS.length * Int32Array.BYTES_PER_ELEMENT);
    const progress = new Int32Array(shared);
    Atomics.store(progress, PROGRESS.file, -1); // on no file yet
    const { configuration, composeVariables, readScope } = options;
    const setup: WorkerSetup = {
      policy,
      progress: shared,
      ...(configuration ? { configuration } : {}),
      ...(composeVariables ? { composeVariables } : {}),
      ...(readScope ? { readScope } : {}),
    };
    const thread: Thread = { worker: givenSetup(options.prestarted?.take(), setup) ?? spawnWorker(options.script, setup), progress, jobs: [], ready: false };
    threads.add(thread);
    thread.worker.on('message', (reply: WorkerReply) => onReply(thread, reply));
    thread.worker.on('error', (error) => (thread.error ??= describeError(error)));
    thread.worker.on('exit', (code) => onExit(thread, code));
    thread.timer = setTimeout(() => fail(new Error(`A worker thread checking files did not start within ${inSeconds(options.startTimeoutMs)}.`)), options.startTimeoutMs);
  };

  /** The file a thread is on gets the time limit from when it became the thread's first. */
  const armFirstJob = (thread: Thread): void => {
    clearTimeout(thread.timer);
    const current = thread.jobs[0];
    if (current === undefined || !thread.ready) return;
    thread.timer = setTimeout(() => {
      thread.timedOut = true;
      void thread.worker.terminate();
    }, options.fileTimeoutMs);
  };

  const dispatch = (): void => {
    if (failure || closed) return;
    for (const thread of threads) {
      while (!stopping(thread) && thread.jobs.length < FILES_PER_THREAD && queue.length > 0) {
        const job = queue.shift() as Job;
        thread.jobs.push(job);
        thread.worker.postMessage(job.request satisfies MainMessage);
        if (thread.jobs.length === 1) armFirstJob(thread);
      }
    }
  };

  const onReply = (thread: Thread, reply: WorkerReply): void => {
    // Heard even from a thread that has stopped: its error comes on another port and can be heard
    // before its 'ready', and a thread that started and then crashed on a file must be blamed on that
    // file (and replaced), not taken for one that could not start, which fails the whole run.
    if (reply.type === 'ready') thread.ready = true;
    if (stopping(thread) || failure || closed) return;
    if (reply.type === 'ready') {
      armFirstJob(thread);
      return;
    }
    if (reply.type === 'read') {
      answerRead(thread, reply);
      return;
    }
    const job = thread.jobs.shift();
    if (job?.request.id !== reply.id) {
      fail(new Error(`A worker thread answered for file #${reply.id} while on file #${job?.request.id ?? 'none'} (a bug).`));
      return;
    }
    job.resolve(reply.outcome);
    armFirstJob(thread);
    dispatch();
  };

  /** Reads a file for the worker that asked; a thread that has stopped meanwhile no longer hears the answer. */
  const answerRead = (thread: Thread, { read, path }: { read: number; path: string }): void => {
    const answer = (message: MainMessage): void => {
      if (!stopping(thread) && threads.has(thread)) thread.worker.postMessage(message);
    };
    const readFile = options.readFile ?? (() => Promise.reject(new Error(`${path} cannot be read: the worker threads were given no reader (a bug).`)));
    // Through a promise, so that a reader that throws rather than rejects is answered all the same
    // (thrown here, in a message handler, it would end the process).
    Promise.resolve(path).then(readFile).then(
      (bytes) => answer({ type: 'read', read, bytes }),
      (thrown: unknown) => {
        const code = (thrown as NodeJS.ErrnoException | null)?.code;
        answer({ type: 'read', read, error: { message: describeError(thrown), ...(typeof code === 'string' ? { code } : {}) } });
      },
    );
  };

  const onExit = (thread: Thread, code: number): void => {
    threads.delete(thread);
    clearTimeout(thread.timer);
    // Its files were answered already when the pool failed or closed.
    if (failure || closed) return;
    const jobs = thread.jobs.splice(0);
    if (!thread.ready) {
      // Back in the queue, so that failing the pool answers them too.
      queue.unshift(...jobs);
      fail(new Error(`A worker thread checking files could not start: ${thread.error ?? `it exited with code ${code}`}.`));
      return;
    }
    // The file the worker says it was on is the one that stopped it. The others go back in the queue:
    // those it had not started, and those it had answered, the answer still behind the thread's error
    // (which can be delivered first) or lost with the thread.
    const on = Atomics.load(thread.progress, PROGRESS.file);
    const current = jobs.find((job) => job.request.id === on);
    const why = thread.timedOut
      ? `Checking the file took longer than ${inSeconds(options.fileTimeoutMs)}; it was stopped.`
      : `The worker thread checking the file stopped: ${thread.error ?? `exit code ${code}`}.`;
    current?.resolve({ error: stoppedOn(current.request.file.path, thread, why) });
    queue.unshift(...jobs.filter((job) => job !== current));
    try {
      spawn();
    } catch (thrown) {
      fail(new Error(`A worker thread checking files could not be replaced: ${describeError(thrown)}`));
      return;
    }
    dispatch();
  };

  const unanswered = (): Job[] => [...queue.splice(0), ...[...threads].flatMap((t) => t.jobs.splice(0))];

  const fail = (error: Error): void => {
    if (failure || closed) return;
    failure = error;
    for (const job of unanswered()) job.reject(error);
    for (const thread of threads) {
      clearTimeout(thread.timer);
      void thread.worker.terminate();
    }
  };

  for (let i = 0; i < options.workers; i++) spawn();

  return {
    workers: options.workers,
    check(file, bytes) {
      if (failure) return Promise.reject(failure);
      if (closed) return Promise.reject(new Error('The worker threads checking files are closed.'));
      return new Promise<WorkerOutcome>((resolve, reject) => {
        queue.push({ request: { type: 'check', id: nextId++, file, bytes }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      if (!closed) {
        closed = true;
        const error = new Error('The worker threads checking files were closed before the file was checked.');
        for (const job of unanswered()) job.reject(error);
      }
      await Promise.all(
        [...threads].map((thread) => {
          clearTimeout(thread.timer);
          return thread.worker.terminate();
        }),
      );
    },
  };
}

function inSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function stopping(thread: Thread): boolean {
  return thread.error !== undefined || thread.timedOut === true;
}

/** The error for a file its worker stopped on: a parse error or a policy error by the stage it had reached. */
function stoppedOn(path: string, thread: Thread, message: string): CheckError {
  return { kind: Atomics.load(thread.progress, PROGRESS.stage) === STAGE.evaluate ? 'policy' : 'parse', path, message };
}

/** A thread started ahead, sent its setup (before anything else it is sent); undefined when there was none. */
function givenSetup(worker: Worker | undefined, setup: WorkerSetup): Worker | undefined {
  worker?.postMessage({ type: 'setup', setup } satisfies SetupMessage);
  return worker;
}
