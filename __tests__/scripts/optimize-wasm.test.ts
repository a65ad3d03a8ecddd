import assert from 'node:assert/strict';
import { test } from 'node:test';
import { optimizeWasm } from '../../scripts/lib/optimize-wasm.mjs';

/** The part of the WebAssembly API used here (the type libraries in use do not declare it). */
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  instantiate(bytes: Uint8Array): Promise<{ instance: { exports: Record<string, unknown> } }>;
  Module: { new (bytes: Uint8Array): object; customSections(module: object, name: string): ArrayBuffer[] };
};

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
// One function type (i32, i32) → i32, one function of it, exported as `add`.
const SIGNATURE = [0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, ...ascii('add'), 0x00, 0x00];
// The name section, calling function 0 `add_numbers` (as OPA's module names its rules).
const NAMES = [0x00, 0x15, 0x04, ...ascii('name'), 0x01, 0x0e, 0x01, 0x00, 0x0b, ...ascii('add_numbers')];

/** local.get 0, local.get 1, i32.add, and a constant pushed and dropped: work an optimizer removes. */
const ADD = new Uint8Array([...HEADER, ...SIGNATURE, 0x0a, 0x0c, 0x01, 0x0a, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x41, 0x00, 0x1a, 0x0b, ...NAMES]);
/** A body using i32.extend8_s, from the sign-extension proposal rather than Wasm's first version. */
const SIGN_EXTEND = new Uint8Array([...HEADER, ...SIGNATURE, 0x0a, 0x07, 0x01, 0x05, 0x00, 0x20, 0x00, 0xc0, 0x0b]);

test('the optimized module does what the original did, smaller, with its exports and function names', async () => {
  assert.ok(WebAssembly.validate(ADD));
  const optimized = optimizeWasm(ADD);
  assert.ok(WebAssembly.validate(optimized));
  assert.ok(optimized.length < ADD.length, `${optimized.length} bytes, from ${ADD.length}`);
  const { instance } = await WebAssembly.instantiate(optimized);
  assert.equal((instance.exports.add as (a: number, b: number) => number)(2, 40), 42);
  const [names] = WebAssembly.Module.customSections(new WebAssembly.Module(optimized), 'name');
  assert.ok(names && Buffer.from(names).includes('add_numbers'), 'the name section is kept');
});

test('the same module gives the same bytes: dist/policy stays reproducible', () => {
  assert.deepEqual(optimizeWasm(ADD), optimizeWasm(ADD));
});

test('what is not a module of Wasm’s first version is refused with its name, not optimized', () => {
  assert.throws(() => optimizeWasm(new TextEncoder().encode('<html>not wasm</html>'), 'bundle/policy.wasm'), (thrown: Error) => {
    assert.equal(thrown.constructor.name, 'PolicyScriptError');
    assert.match(thrown.message, /binaryen cannot read bundle\/policy\.wasm as a WebAssembly module/);
    return true;
  });
  // Valid for V8, which has the sign-extension operators; not a first-version module, which is all OPA emits.
  assert.ok(WebAssembly.validate(SIGN_EXTEND));
  assert.throws(() => optimizeWasm(SIGN_EXTEND), /policy\.wasm is not a valid WebAssembly module of the first version/);
});
