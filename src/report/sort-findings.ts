import type { CheckError, Finding, Severity } from '../model.js';

/** Lower ranks sort first: the findings that fail the gate lead every report. */
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { deny: 0, warn: 1 };

/**
 * Code-unit comparison, not `localeCompare`: the order must not change with the machine's locale,
 * or golden files and annotations would differ between a laptop and the runner.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Severity (deny first), then path, start line, end line, rule id, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.path, b.path) ||
    a.startLine - b.startLine ||
    a.endLine - b.endLine ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/** Returns a sorted copy; every renderer goes through this so all outputs list findings alike. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Run-wide errors (no path) first, as they invalidate the whole run; then path, line, kind, message. */
export function compareErrors(a: CheckError, b: CheckError): number {
  const aRun = a.path === undefined ? 0 : 1;
  const bRun = b.path === undefined ? 0 : 1;
  return (
    aRun - bRun ||
    compareText(a.path ?? '', b.path ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.kind, b.kind) ||
    compareText(a.message, b.message)
  );
}

/** Returns a sorted copy of the errors. */
export function sortErrors(errors: readonly CheckError[]): CheckError[] {
  return [...errors].sort(compareErrors);
}

/**
 * Orders control ids the way a reader expects: `4.2` before `4.10`, `CC6.1` before `CC6.6`.
 * Digit runs compare as numbers, everything else as text.
 */
export function compareControlIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i += 1) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    const bothNumeric = /^\d/.test(x) && /^\d/.test(y);
    const diff = bothNumeric ? Number(x) - Number(y) : compareText(x, y);
    if (diff !== 0) return diff;
  }
  return pa.length - pb.length || compareText(a, b);
}
