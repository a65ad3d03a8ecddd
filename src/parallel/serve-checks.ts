import type { MessagePort } from 'node:worker_threads';
import type { ParseContext } from '../parse/registry.js';
import { STAGE, markProgress, type CheckRequest, type MainMessage, type WorkerOutcome, type WorkerReply, type WorkerSetup } from './messages.js';
import { workerReads } from './worker-reads.js';
import { scopedReaders } from '../discover/read-scope-fs.js';

/**
 * A worker's side of the pool: checks the files it is sent one at a time, in the order they come (a
 * compose file whose related files the main thread reads for it waits for them, and the next file
 * waits behind it), answers each through `send`, and hands the main thread's read answers to the file
 * waiting for them. A `check` that rejects is a bug: it ends the thread, and the pool reports it
 * against the file. `earlier` are messages that came before this was called (a worker started ahead
 * keeps them while its engine loads), served first.
 */
export function serveChecks(
  port: MessagePort,
  setup: WorkerSetup,
  check: (request: CheckRequest, context: ParseContext) => Promise<WorkerOutcome>,
  send: (reply: WorkerReply) => void = (reply) => port.postMessage(reply),
  earlier: readonly MainMessage[] = [],
): void {
  const progress = new Int32Array(setup.progress);
  const reads = workerReads((reply) => port.postMessage(reply));
  // The scan's own reader, built here from its description; else each read is asked of the main thread.
  const readFile = setup.readScope ? scopedReaders(setup.readScope).readFile : reads.readFile;
  const context: ParseContext = { readFile, ...(setup.composeVariables ? { variables: setup.composeVariables } : {}) };
  const queue: CheckRequest[] = [];
  let checking = false;
  const checkQueued = async (): Promise<void> => {
    checking = true;
    for (let request = queue.shift(); request !== undefined; request = queue.shift()) {
      send({ type: 'done', id: request.id, outcome: await check(request, context) });
      // Between files: a thread that stopped now stopped on none of them.
      markProgress(progress, -1, STAGE.parse);
    }
    checking = false;
  };
  const onMessage = (message: MainMessage): void => {
    if (message.type === 'read') return reads.answer(message);
    queue.push(message);
    if (!checking) checkQueued().catch(endThread);
  };
  port.on('message', onMessage);
  // Messages that came before this listener, kept by the worker's entry: no other can come in between.
  for (const message of earlier) onMessage(message);
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}

/** Thrown outside any promise, so it ends the thread whatever the process's unhandled-rejection mode. */
export function endThread(thrown: unknown): void {
  setImmediate(() => {
    throw thrown;
  });
}
