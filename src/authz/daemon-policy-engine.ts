import { instantiatePolicy, type LoadedPolicy } from '../evaluate/instantiate-policy.js';
import { UserError, describeError } from '../errors.js';
import type { CustomCatalogue } from '../evaluate/custom-policy.js';
import { hostBuiltins, type Clock } from './host-builtins.js';

/** One reason a request is refused: the message, and the built-in rule that gave it when known. */
export interface Denial {
  readonly msg: string;
  readonly rule?: string;
}

/** What the policy decided for one request. `allowed` is undefined when `allow` is undefined. */
export interface Decision {
  readonly allowed: boolean | undefined;
  readonly denials: readonly Denial[];
}

/** Whether the daemon would refuse the request: `allow` not true, or any `deny`. */
export const isRefused = (d: Decision): boolean => d.allowed !== true || d.denials.length > 0;

/** A loaded daemon policy: decides create requests (`docker.authz`) and builds (`docker.build`, when defined). */
export interface DaemonPolicy {
  readonly source: string;
  /** True for the built-in set, whose audit document names the rule behind each message. */
  readonly builtin: boolean;
  readonly catalogue: CustomCatalogue;
  readonly hasBuild: boolean;
  decide(input: unknown): Decision;
  decideBuild(input: unknown): Decision;
}

/** The compiled module and how it was compiled. */
export interface DaemonModule {
  readonly wasm: Uint8Array;
  readonly data: Record<string, unknown>;
  readonly catalogue: CustomCatalogue;
  readonly builtin: boolean;
}

/**
 * Instantiates a daemon policy with the host builtins. A user's policy is compiled with the
 * packages as entrypoints (`docker/authz`, `docker/build`), so rules it does not define (no
 * `deny`, say) need not exist; the built-in set is compiled with `docker/authz/allow`, `deny` and
 * `audit`. Evaluation failures throw, and the caller turns them into errors against the file.
 */
export async function loadDaemonPolicy(module: DaemonModule, source: string, data: Record<string, unknown>, clock: Clock): Promise<DaemonPolicy> {
  let policy: LoadedPolicy;
  try {
    policy = await instantiatePolicy(module.wasm, hostBuiltins(clock));
    policy.setData(merge(module.data, data));
  } catch (thrown) {
    throw new UserError(`Cannot load the daemon policy ${source}: ${describeError(thrown)}`);
  }
  const available = Object.keys(policy.entrypoints);
  const needed = module.builtin ? ['docker/authz/allow', 'docker/authz/deny', 'docker/authz/audit'] : ['docker/authz'];
  const missing = needed.filter((e) => !available.includes(e));
  if (missing.length > 0) {
    throw new UserError(`The daemon policy ${source} has no ${missing.join(', ')} (it has: ${available.join(', ') || 'none'}). A daemon policy is \`package docker.authz\` with an \`allow\` rule.`);
  }
  const run = (input: unknown, entrypoint: string): unknown => {
    let results: { result: unknown }[];
    try {
      results = policy.evaluate(input, entrypoint);
    } catch (thrown) {
      throw new Error(`The daemon policy ${source} failed: ${describeError(thrown)}`, { cause: thrown });
    }
    return Array.isArray(results) && results.length > 0 ? results[0]?.result : undefined;
  };
  const packageDecision = (input: unknown, entrypoint: string): Decision => {
    const doc = (run(input, entrypoint) ?? {}) as Record<string, unknown>;
    return { allowed: toAllowed(doc.allow, source), denials: toDenials(doc.deny, source) };
  };
  return {
    source,
    builtin: module.builtin,
    catalogue: module.catalogue,
    hasBuild: available.includes('docker/build'),
    decide(input) {
      if (!module.builtin) return packageDecision(input, 'docker/authz');
      const audit = (run(input, 'docker/authz/audit') ?? {}) as { violations?: unknown };
      const violations = Array.isArray(audit.violations) ? (audit.violations as { msg?: unknown; rule?: unknown }[]) : [];
      const denials = toDenials(run(input, 'docker/authz/deny'), source).map((d) => {
        const rule = violations.find((v) => v.msg === d.msg)?.rule;
        return typeof rule === 'string' ? { ...d, rule } : d;
      });
      return { allowed: toAllowed(run(input, 'docker/authz/allow'), source), denials };
    },
    decideBuild(input) {
      return packageDecision(input, 'docker/build');
    },
  };
}

function toAllowed(value: unknown, source: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new Error(`The daemon policy ${source} made allow ${JSON.stringify(value)}; the daemon accepts only true.`);
}

/**
 * `deny` as its authors write it: a boolean, or a set of messages (strings, or objects with `msg`).
 * Anything else is an error rather than "no denial": a gate must not pass what it cannot read.
 */
export function toDenials(value: unknown, source: string): Denial[] {
  if (value === undefined || value === false) return [];
  if (value === true) return [{ msg: 'deny is true' }];
  if (!Array.isArray(value)) throw new Error(`The daemon policy ${source} made deny ${JSON.stringify(value)}; expected a boolean or a set of messages.`);
  return value.map((item) => {
    if (typeof item === 'string' && item !== '') return { msg: item };
    const msg = (item as { msg?: unknown } | null)?.msg;
    if (typeof msg === 'string' && msg !== '') return { msg };
    throw new Error(`The daemon policy ${source} has a deny without a message: ${JSON.stringify(item)}. Use a string or an object with "msg".`);
  });
}

/** Deep merge of plain objects: the policy's own data, then the configuration's on top. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const existing = out[key];
    const bothObjects = [existing, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    out[key] = bothObjects ? merge(existing as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}
