import assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { test } from 'node:test';
import { PROGRESS, type CheckRequest, type WorkerOutcome, type WorkerReply, type WorkerSetup } from '../../src/parallel/messages.js';
import { serveChecks } from '../../src/parallel/serve-checks.js';

const request = (id: number): CheckRequest => ({ type: 'check', id, file: { path: `svc${id}/Dockerfile`, kind: 'dockerfile' }, bytes: new Uint8Array() });

test('requests a worker kept while its engine loaded are served first, then those that come after, in order', { timeout: 10_000 }, async (t) => {
  const { port1, port2 } = new MessageChannel();
  // Open ports would keep the test process alive whatever the outcome.
  t.after(() => {
    port1.close();
    port2.close();
  });
  const setup = { progress: new SharedArrayBuffer(PROGRESS.length * 4) } as unknown as WorkerSetup;
  const checked: number[] = [];
  const replies: WorkerReply[] = [];
  const allDone = new Promise<void>((resolve) => {
    serveChecks(
      port1,
      setup,
      async (req) => {
        checked.push(req.id);
        return { error: { kind: 'parse', path: req.file.path, message: 'not checked here' } } satisfies WorkerOutcome;
      },
      (reply) => {
        replies.push(reply);
        if (replies.filter((r) => r.type === 'done').length === 4) resolve();
      },
      [request(1), request(2)],
    );
  });
  port2.postMessage(request(3));
  port2.postMessage(request(4));
  await allDone;
  assert.deepEqual(checked, [1, 2, 3, 4]);
  assert.deepEqual(replies.flatMap((r) => (r.type === 'done' ? [r.id] : [])), [1, 2, 3, 4]);
});
