/** Types for compile-policy.mjs, which node runs as it is in scripts/build-policy.mjs. */
export declare const ENTRYPOINTS: readonly string[];
export declare function compilePolicyBundle(): Map<string, Uint8Array>;
