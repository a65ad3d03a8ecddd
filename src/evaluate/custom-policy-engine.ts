import { instantiatePolicy, type LoadedPolicy } from './instantiate-policy.js';
import { UserError, describeError } from '../errors.js';
import type { CheckError, Finding } from '../model.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import { customFindings, isCustomRuleId, type CustomCatalogue } from './custom-policy.js';
import type { CompiledPolicy } from './custom-policy-build-fs.js';

/** A loaded custom policy: evaluates every selected namespace against one parsed file. */
export interface CustomPolicyEngine {
  /** Where it came from, for messages. */
  readonly source: string;
  readonly namespaces: readonly string[];
  readonly catalogue: CustomCatalogue;
  check(parsed: ParsedFile): { findings: Finding[]; errors: CheckError[] };
  /** Whether this policy can produce findings with this rule id (for validating the configuration). */
  knows(ruleId: string): boolean;
}

/**
 * Instantiates a compiled custom policy and checks that it has an entrypoint for every selected
 * namespace: a namespace the policy lacks would otherwise pass every file.
 */
export async function loadCustomPolicyEngine(
  compiled: CompiledPolicy,
  source: string,
  namespaces: readonly string[],
  data: Record<string, unknown>,
): Promise<CustomPolicyEngine> {
  let policy: LoadedPolicy;
  try {
    policy = await instantiatePolicy(compiled.wasm);
    policy.setData({ ...compiled.data, ...data });
  } catch (thrown) {
    throw new UserError(`Cannot load the custom policy ${source}: ${describeError(thrown)}`);
  }
  const available = Object.keys(policy.entrypoints);
  const entrypoints = namespaces.map((ns) => ns.replace(/\./g, '/'));
  const missing = entrypoints.filter((e) => !available.includes(e));
  if (missing.length > 0) {
    throw new UserError(
      `The custom policy ${source} has no namespace ${missing.map((e) => e.replace(/\//g, '.')).join(', ')} (it has: ${available.map((e) => e.replace(/\//g, '.')).join(', ') || 'none'}). Check the namespace input (--namespace), or build the bundle with -e <namespace>.`,
    );
  }
  return {
    source,
    namespaces,
    catalogue: compiled.catalogue,
    knows: (ruleId) => isCustomRuleId(ruleId, compiled.catalogue, namespaces),
    check(parsed) {
      const findings: Finding[] = [];
      const errors: CheckError[] = [];
      namespaces.forEach((namespace, i) => {
        let results: { result: unknown }[];
        try {
          results = policy.evaluate(parsed.document, entrypoints[i]);
        } catch (thrown) {
          errors.push({ kind: 'policy', path: parsed.document.path, message: `Custom policy ${namespace} failed: ${describeError(thrown)}` });
          return;
        }
        // A package with no rule true for this input evaluates to an empty object, not to undefined.
        const raw = Array.isArray(results) && results.length > 0 ? results[0]?.result : {};
        const out = customFindings(namespace, raw, parsed, compiled.catalogue);
        // Loops, not spreads: a file can have more findings than a call takes arguments.
        for (const finding of out.findings) findings.push(finding);
        for (const error of out.errors) errors.push(error);
      });
      return { findings, errors };
    },
  };
}
