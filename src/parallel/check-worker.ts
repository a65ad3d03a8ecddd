/**
 * The entry of a worker thread that parses files and evaluates them with the built-in policy (bundled
 * as dist/worker/index.js), serving the pool's requests (see serve-checks.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPolicyEngine } from '../evaluate/policy-engine.js';
import { checkFile, workerRefiner } from './check-file.js';
import type { WorkerSetup } from './messages.js';
import { endThread, serveChecks } from './serve-checks.js';

const setup = workerData as WorkerSetup;
const progress = new Int32Array(setup.progress);
const port = parentPort;
if (port === null) throw new Error('check-worker runs as a worker thread only.');

// Requests that arrive while the engine loads wait in the port's queue until the listener is attached.
loadPolicyEngine(setup.policy).then((engine) => {
  const refine = workerRefiner(setup, engine);
  serveChecks(port, setup, (request, context) => checkFile(request, engine, progress, context, refine));
}, endThread);
