/**
 * The entry of a worker thread that parses files and evaluates them with the built-in policy (bundled
 * as dist/worker/index.js), serving the pool's requests (see serve-checks.ts).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadPolicyEngine } from '../evaluate/policy-engine.js';
import { checkFile, workerRefiner } from './check-file.js';
import type { AwaitingSetup, MainMessage, SetupMessage, WorkerSetup } from './messages.js';
import { endThread, serveChecks } from './serve-checks.js';

const port = parentPort;
if (port === null) throw new Error('check-worker runs as a worker thread only.');

const given = workerData as WorkerSetup | AwaitingSetup;
if ('awaitSetup' in given) {
  // Started ahead (prestart-workers.ts): the setup is the first message. Requests sent after it, while
  // the engine loads, are kept here and handed to serveChecks in the order they came.
  const earlier: MainMessage[] = [];
  let started = false;
  const hold = (message: SetupMessage | MainMessage): void => {
    if (message.type === 'setup' && !started) {
      started = true;
      serve(port, message.setup, earlier, () => port.off('message', hold));
    } else if (message.type !== 'setup') {
      earlier.push(message);
    }
  };
  port.on('message', hold);
} else {
  // Requests that arrive while the engine loads wait in the port's queue until the listener is attached.
  serve(port, given, [], () => undefined);
}

/** Loads the engine, then serves the requests: first those that came while it loaded (`earlier`), from the moment `handOver` stops the holding. */
function serve(port: MessagePort, setup: WorkerSetup, earlier: readonly MainMessage[], handOver: () => void): void {
  const progress = new Int32Array(setup.progress);
  loadPolicyEngine(setup.policy).then((engine) => {
    const refine = workerRefiner(setup, engine);
    handOver();
    serveChecks(port, setup, (request, context) => checkFile(request, engine, progress, context, refine), undefined, earlier);
  }, endThread);
}
