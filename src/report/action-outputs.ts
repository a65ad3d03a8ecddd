import type { ScanResult, Verdict } from '../model.js';

/** Output names the action declares in `action.yml`, in one place. */
export const ACTION_OUTPUT_NAMES = ['findings', 'denials', 'warnings', 'errors', 'suppressed', 'verdict', 'files-checked'] as const;
export type ActionOutputName = (typeof ACTION_OUTPUT_NAMES)[number];

/**
 * The step outputs: counts as decimal strings (no separators, for `fromJSON` and comparisons) and
 * the verdict. Typed as a plain record so the entry point can add outputs of its own.
 */
export function toActionOutputs(result: ScanResult, verdict: Verdict): Record<string, string> {
  const denials = result.findings.filter((f) => f.severity === 'deny').length;
  const outputs: Record<ActionOutputName, string> = {
    findings: String(result.findings.length),
    denials: String(denials),
    warnings: String(result.findings.length - denials),
    errors: String(result.errors.length),
    suppressed: String(result.suppressed?.length ?? 0),
    verdict,
    'files-checked': String(result.files.length),
  };
  return { ...outputs };
}
