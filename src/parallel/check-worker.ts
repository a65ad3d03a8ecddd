/**
 * The entry of a worker thread that parses files and evaluates them with the built-in policy (bundled
 * as dist/worker/index.js). It checks the files it is sent one at a time, in the order they come
 * (a compose file may wait for the main thread to read its related files, and the next file waits
 * behind it); anything that escapes checkFile is a bug that ends the thread, which the pool reports
 * against the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPolicyEngine } from '../evaluate/policy-engine.js';
import { checkFile, workerRefiner } from './check-file.js';
import { STAGE, markProgress, type CheckRequest, type MainMessage, type WorkerReply, type WorkerSetup } from './messages.js';
import { workerReads } from './worker-reads.js';

const setup = workerData as WorkerSetup;
const progress = new Int32Array(setup.progress);
const port = parentPort;
if (port === null) throw new Error('check-worker runs as a worker thread only.');

/** Thrown outside any promise, so it ends the thread whatever the process's unhandled-rejection mode. */
const endThread = (thrown: unknown): void => {
  setImmediate(() => {
    throw thrown;
  });
};

// Requests that arrive while the engine loads wait in the port's queue until the listener is attached.
loadPolicyEngine(setup.policy).then((engine) => {
  const refine = workerRefiner(setup, engine);
  const reads = workerReads((reply) => port.postMessage(reply));
  const context = { readFile: reads.readFile, ...(setup.composeVariables ? { variables: setup.composeVariables } : {}) };
  const queue: CheckRequest[] = [];
  let checking = false;
  const checkQueued = async (): Promise<void> => {
    checking = true;
    for (let request = queue.shift(); request !== undefined; request = queue.shift()) {
      const reply: WorkerReply = { type: 'done', id: request.id, outcome: await checkFile(request, engine, progress, context, refine) };
      port.postMessage(reply);
      // Between files: a thread that stopped now stopped on none of them.
      markProgress(progress, -1, STAGE.parse);
    }
    checking = false;
  };
  port.on('message', (message: MainMessage) => {
    if (message.type === 'read') return reads.answer(message);
    queue.push(message);
    if (!checking) checkQueued().catch(endThread);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}, endThread);
