/** Types for optimize-wasm.mjs, which node runs as it is in scripts/build-policy.mjs. */
export declare function optimizeWasm(wasm: Uint8Array, name?: string): Uint8Array;
