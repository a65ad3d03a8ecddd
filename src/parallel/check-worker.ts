/**
 * The entry of a worker thread that parses Dockerfiles and evaluates them with the built-in policy
 * (bundled as dist/worker/index.js). It answers CheckRequests in the order they come; anything that
 * escapes checkDockerfile is a bug that ends the thread, which the pool reports against the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPolicyEngine } from '../evaluate/policy-engine.js';
import { checkDockerfile, workerRefiner } from './check-dockerfile.js';
import { STAGE, markProgress, type CheckRequest, type WorkerReply, type WorkerSetup } from './messages.js';

const setup = workerData as WorkerSetup;
const progress = new Int32Array(setup.progress);
const port = parentPort;
if (port === null) throw new Error('check-worker runs as a worker thread only.');

// Requests that arrive while the engine loads wait in the port's queue until the listener is attached.
loadPolicyEngine(setup.policy).then(
  (engine) => {
    const refine = workerRefiner(setup, engine);
    port.on('message', (request: CheckRequest) => {
      const reply: WorkerReply = { type: 'done', id: request.id, outcome: checkDockerfile(request, engine, progress, refine) };
      port.postMessage(reply);
      // Between files: a thread that stopped now stopped on none of them.
      markProgress(progress, -1, STAGE.parse);
    });
    port.postMessage({ type: 'ready' } satisfies WorkerReply);
  },
  (thrown: unknown) => {
    // Thrown outside the promise, so it ends the thread before 'ready' (which fails the run) whatever
    // the process's unhandled-rejection mode.
    setImmediate(() => {
      throw thrown;
    });
  },
);
