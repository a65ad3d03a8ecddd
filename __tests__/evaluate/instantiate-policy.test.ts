import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { POLICY_MEMORY_PAGES, instantiatePolicy } from '../../src/evaluate/instantiate-policy.js';

const bundled = async () => new Uint8Array(await readFile(new URL('../../dist/policy/policy.wasm', import.meta.url)));
const memoryBytes = (policy: object) => (policy as { mem: { buffer: ArrayBuffer } }).mem.buffer.byteLength;

test('the policy has its whole memory from the start: a big input never waits on growth a page at a time', async () => {
  const policy = await instantiatePolicy(await bundled());
  assert.equal(memoryBytes(policy), POLICY_MEMORY_PAGES * 64 * 1024);
  assert.ok(Object.keys(policy.entrypoints).includes('container_policy/main/dockerfile'));
});

test('a memory the host refuses is followed by the next one; the last one refused is the error', async () => {
  const wasm = await bundled();
  // Past the most pages a Wasm memory may have: V8 refuses it with a RangeError, as it refuses one that a
  // host with strict overcommit accounting will not commit.
  const policy = await instantiatePolicy(wasm, undefined, [{ initial: 70_000 }, { initial: 4_096 }]);
  assert.equal(memoryBytes(policy), 4_096 * 64 * 1024);
  await assert.rejects(instantiatePolicy(wasm, undefined, [{ initial: 70_000 }]), RangeError);
});
