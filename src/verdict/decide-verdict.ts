import type { ScanResult, Severity, Verdict } from '../model.js';

/** Which findings fail the gate: `deny` only, `warn` and above, or none (`never`). */
export type FailOn = 'deny' | 'warn' | 'never';

/** The part of the settings the verdict depends on. */
export interface VerdictPolicy {
  readonly failOn: FailOn;
  /** When true, files that could not be checked do not fail the run. Off by default: fail closed. */
  readonly allowErrors?: boolean;
}

/** Findings per severity. */
export type SeverityCounts = Readonly<Record<Severity, number>>;

/** Severities that fail the gate at each threshold. */
const FAILING: Readonly<Record<FailOn, readonly Severity[]>> = {
  deny: ['deny'],
  warn: ['deny', 'warn'],
  never: [],
};

/** Counts the run's findings by severity. */
export function countBySeverity(result: ScanResult): SeverityCounts {
  const counts: Record<Severity, number> = { deny: 0, warn: 0 };
  for (const finding of result.findings) counts[finding.severity] += 1;
  return counts;
}

/**
 * Fails when a finding at or above `failOn` exists, or when any file (or the run) could not be
 * checked, unless `allowErrors` says so. A `failOn` outside the known values throws rather than
 * passing silently.
 */
export function decideVerdict(result: ScanResult, policy: VerdictPolicy): Verdict {
  if (!Object.hasOwn(FAILING, policy.failOn)) {
    throw new Error(`Unknown fail-on threshold "${String(policy.failOn)}"; valid values: ${Object.keys(FAILING).join(', ')}`);
  }
  if (result.errors.length > 0 && policy.allowErrors !== true) return 'fail';
  const failing = FAILING[policy.failOn];
  return result.findings.some((finding) => failing.includes(finding.severity)) ? 'fail' : 'pass';
}
