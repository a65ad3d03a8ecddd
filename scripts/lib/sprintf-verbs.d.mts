/** Types for sprintf-verbs.mjs, which node runs as it is in scripts/check-policy.mjs. */
export declare const WASM_SPRINTF_VERBS: ReadonlySet<string>;
export declare function refusedSprintfVerbs(rego: string): { line: number; verb: string }[];
