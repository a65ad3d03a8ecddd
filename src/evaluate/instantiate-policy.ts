import * as opaWasm from '@open-policy-agent/opa-wasm';

/** A Wasm policy instantiated by the OPA SDK: evaluate inputs against it, set its data. */
export type LoadedPolicy = ReturnType<typeof opaWasm.loadPolicySync>;

/** The compiled-module half of the WebAssembly API (the type libraries in use do not declare it). */
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<object> };

// The SDK's ES module entry exports only `loadPolicy` by name; `loadPolicySync` is on its default export.
const sdk = (opaWasm as unknown as { default: { loadPolicySync: typeof opaWasm.loadPolicySync } }).default;

/**
 * Wasm pages (64 KiB) the policy's memory starts with: 256 MiB of address space, not of RSS (pages
 * are only resident once written). OPA's allocator reads the memory's size once, when it starts, and
 * beyond that grows it a page at a time at a cost that made a 4 MB input document evaluate ~8× slower
 * (10,000 Dockerfile instructions: 11.9 s against 1.5 s); an input needs roughly 27× its JSON size,
 * so this covers documents up to ~9 MB of JSON before the slow path starts.
 */
const INITIAL_MEMORY_PAGES = 4096;

/**
 * Instantiates a policy (its bytes, compiled here off the main thread, or a module compiled already),
 * with the host's own built-in functions if any.
 * Not the SDK's `loadPolicy`: that first asks whether it was handed a fetch `Response`, and merely
 * reading Node's `Response` global loads Node's whole fetch implementation, ~25 ms of a cold start.
 */
export async function instantiatePolicy(wasm: Uint8Array | object, builtins?: Parameters<typeof opaWasm.loadPolicySync>[2]): Promise<LoadedPolicy> {
  const compiled = wasm instanceof Uint8Array ? await WebAssembly.compile(wasm) : wasm;
  return sdk.loadPolicySync(compiled as Parameters<typeof opaWasm.loadPolicySync>[0], { initial: INITIAL_MEMORY_PAGES }, builtins);
}
