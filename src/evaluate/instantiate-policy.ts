import * as opaWasm from '@open-policy-agent/opa-wasm';

/** A Wasm policy instantiated by the OPA SDK: evaluate inputs against it, set its data. */
export type LoadedPolicy = ReturnType<typeof opaWasm.loadPolicySync>;

/** The compiled-module half of the WebAssembly API (the type libraries in use do not declare it). */
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<object> };

// The SDK's ES module entry exports only `loadPolicy` by name; `loadPolicySync` is on its default export.
const sdk = (opaWasm as unknown as { default: { loadPolicySync: typeof opaWasm.loadPolicySync } }).default;

/**
 * Wasm pages (64 KiB) of the policy's memory: 1 GiB of address space, not of RSS (pages are only
 * resident once written), from the start and for good. OPA's allocator reads the memory's size once,
 * when it starts, and beyond that grows it a page at a time, at a cost that grows with the memory:
 * a 4 MB input document evaluated ~8× slower past 256 MiB (10,000 Dockerfile instructions: 11.9 s
 * against 1.5 s), and a CMD of 110,000 URLs with a password, each a finding, took 179 s to reach
 * 1.2 GB where it takes 3 s with the memory there from the start. An input needs roughly 27× its
 * JSON size, so real files (the corpus's largest, or 10,000 instructions, ~110 MB) are far below
 * this; a file that needs more fails its evaluation at once ("opa_malloc: failed"), an error for
 * that file, rather than growing for minutes.
 */
export const POLICY_MEMORY_PAGES = 16_384;

/** A Wasm memory's size in pages, as `new WebAssembly.Memory` takes it. */
export interface MemorySize {
  readonly initial: number;
  readonly maximum?: number;
}

/**
 * The memories tried in turn: the one above, then, on a host that will not commit that much address
 * space at once (strict overcommit accounting refuses the allocation with a RangeError), the 256 MiB
 * the policy had before, grown a page at a time as needed: slow on a huge file, but checked.
 */
export const POLICY_MEMORIES: readonly MemorySize[] = [
  { initial: POLICY_MEMORY_PAGES, maximum: POLICY_MEMORY_PAGES },
  { initial: 4_096 },
];

/**
 * Instantiates a policy (its bytes, compiled here off the main thread, or a module compiled already),
 * with the host's own built-in functions if any.
 * Not the SDK's `loadPolicy`: that first asks whether it was handed a fetch `Response`, and merely
 * reading Node's `Response` global loads Node's whole fetch implementation, ~25 ms of a cold start.
 */
export async function instantiatePolicy(
  wasm: Uint8Array | object,
  builtins?: Parameters<typeof opaWasm.loadPolicySync>[2],
  memories: readonly MemorySize[] = POLICY_MEMORIES,
): Promise<LoadedPolicy> {
  const compiled = wasm instanceof Uint8Array ? await WebAssembly.compile(wasm) : wasm;
  for (const [i, memory] of memories.entries()) {
    try {
      return sdk.loadPolicySync(compiled as Parameters<typeof opaWasm.loadPolicySync>[0], { ...memory }, builtins);
    } catch (thrown) {
      if (!(thrown instanceof RangeError) || i === memories.length - 1) throw thrown;
    }
  }
  throw new Error('No memory to instantiate the policy with (a bug).');
}
