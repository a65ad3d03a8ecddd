import { POLICY_MEMORY_PAGES, instantiatePolicy, type LoadedPolicy } from './instantiate-policy.js';
import type { FileKind } from '../model.js';
import { UserError, describeError } from '../errors.js';
import type { InputDocument } from '../parse/input-document.js';
import { builtinRuleInput } from './builtin-input.js';
import type { Catalogue } from './catalogue.js';
import type { PolicyBundle } from './policy-bundle-fs.js';

/** The entrypoint compiled for each file kind; it returns `{ <rule>: [raw findings] }`. */
export const ENTRYPOINTS: Readonly<Record<FileKind, string>> = {
  dockerfile: 'container_policy/main/dockerfile',
  compose: 'container_policy/main/compose',
};

/**
 * A compiled WebAssembly.Module, which structured clone shares with worker threads. The type libraries
 * in use (ES2023 and Node's) do not declare WebAssembly, hence this minimal view of it.
 */
export interface WasmModule {
  readonly __kind: 'WebAssembly.Module';
}
declare const WebAssembly: { readonly Module: abstract new () => WasmModule; compile(bytes: Uint8Array): Promise<WasmModule> };

/** A policy bundle whose Wasm is compiled: what another thread needs to load the same engine without compiling it again. */
export interface CompiledPolicyBundle extends Omit<PolicyBundle, 'wasm'> {
  readonly wasm: WasmModule;
}

/** A loaded policy: evaluate one input document, get each rule's raw results. */
export interface PolicyEngine {
  readonly catalogue: Catalogue;
  evaluate(document: InputDocument): unknown;
  /** The bundle as loaded (module compiled, data set), for worker threads that evaluate with the same engine. */
  readonly compiled?: CompiledPolicyBundle;
}

/**
 * Instantiates the Wasm module once per run and checks it exposes every entrypoint, so a bundle
 * built wrongly stops the run instead of passing every file.
 */
export async function loadPolicyEngine(bundle: PolicyBundle | CompiledPolicyBundle): Promise<PolicyEngine> {
  let policy: LoadedPolicy;
  let compiled: CompiledPolicyBundle;
  try {
    // Compiled here rather than inside loadPolicy so that worker threads can be handed the module.
    compiled = { ...bundle, wasm: bundle.wasm instanceof WebAssembly.Module ? bundle.wasm : await WebAssembly.compile(bundle.wasm) };
    policy = await instantiatePolicy(compiled.wasm);
    policy.setData(bundle.data);
  } catch (thrown) {
    throw new UserError(`Cannot load the policy bundle ${bundle.source}: ${describeError(thrown)}`);
  }
  const available = Object.keys(policy.entrypoints);
  for (const entrypoint of Object.values(ENTRYPOINTS)) {
    if (!available.includes(entrypoint)) {
      throw new UserError(
        `The policy bundle ${bundle.source} has no entrypoint ${entrypoint} (it has: ${available.join(', ') || 'none'}).`,
      );
    }
  }
  return {
    catalogue: bundle.catalogue,
    compiled,
    evaluate(document) {
      let results: { result: unknown }[];
      try {
        results = policy.evaluate(builtinRuleInput(document), ENTRYPOINTS[document.kind]);
      } catch (thrown) {
        throw new Error(`Policy evaluation failed for ${document.path}: ${explainFailure(thrown)}`, { cause: thrown });
      }
      // An empty result set means the entrypoint was undefined: a broken policy, never a pass.
      if (!Array.isArray(results) || results.length === 0) {
        throw new Error(`The policy entrypoint ${ENTRYPOINTS[document.kind]} was undefined for ${document.path}.`);
      }
      return results[0]?.result;
    },
  };
}

/** OPA's allocator aborts so when the policy's memory is full: say what that means and what to do. */
function explainFailure(thrown: unknown): string {
  const text = describeError(thrown);
  if (!text.includes('opa_malloc: failed')) return text;
  return `${text}: judging it needed more than the policy's ${(POLICY_MEMORY_PAGES * 64) / (1024 * 1024)} GiB of memory, far past what real files need. Split the file, or make what repeats in it shorter.`;
}
