import type { ComplianceMap, ErrorKind, FileKind, Finding, ScanResult, Severity, Verdict } from '../model.js';
import { FRAMEWORK_ORDER } from './compliance-titles.js';
import { compareControlIds, compareText, sortErrors, sortFindings } from './sort-findings.js';

/** The program that wrote a report. */
export interface ToolInfo {
  readonly name: string;
  readonly version: string;
}

/** A finding as the JSON report carries it. Lines are 1-based and inclusive. */
export interface JsonFinding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly kind: FileKind;
  /** Workspace-relative, forward slashes. */
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly message: string;
  readonly remediation: string;
  /** Control ids per framework key (`cis-docker`, `nist-800-190`, `owasp-docker`, `pci-dss`, `soc2`). */
  readonly compliance: ComplianceMap;
  /** Equivalent rule ids in other tools, e.g. `{ "hadolint": ["DL3002"] }`. */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
}

/** A file or run that could not be checked. `path` and `line` are null when not known. */
export interface JsonError {
  readonly kind: ErrorKind;
  readonly path: string | null;
  readonly line: number | null;
  readonly message: string;
}

/**
 * The JSON report: a public contract read by other tools, so fields are only ever added within a
 * version; removing or changing the meaning of one means `version: 2`.
 *
 * - `version`: always `1` for this shape.
 * - `tool`: name and version of the program that wrote the report.
 * - `verdict`: `"pass"` or `"fail"`, the gate's decision under the run's settings.
 * - `summary`: counts — files checked, findings, findings by severity (`deny`, `warn`), errors.
 * - `files`: every file checked, sorted by path.
 * - `findings`: every finding (never truncated), sorted by severity (`deny` first), path, line,
 *   rule id, message — the order of every other report.
 * - `errors`: files (or the run) that could not be checked; run-wide errors first, then by path and line.
 *
 * Strings are as found in the repository, unescaped: consumers must escape them for their medium.
 */
export interface JsonReport {
  readonly version: 1;
  readonly tool: ToolInfo;
  readonly verdict: Verdict;
  readonly summary: {
    readonly files: number;
    readonly findings: number;
    readonly deny: number;
    readonly warn: number;
    readonly errors: number;
  };
  readonly files: readonly { readonly path: string; readonly kind: FileKind }[];
  readonly findings: readonly JsonFinding[];
  readonly errors: readonly JsonError[];
}

/** Known frameworks in report order, then any other keys sorted; controls in natural id order. */
function normaliseCompliance(compliance: ComplianceMap): ComplianceMap {
  const keys = Object.keys(compliance) as (keyof ComplianceMap)[];
  const rank = (key: string): number => {
    const i = FRAMEWORK_ORDER.indexOf(key as (typeof FRAMEWORK_ORDER)[number]);
    return i < 0 ? FRAMEWORK_ORDER.length : i;
  };
  keys.sort((a, b) => rank(a) - rank(b) || compareText(a, b));
  const out: Record<string, readonly string[]> = {};
  for (const key of keys) {
    const controls = compliance[key];
    if (controls !== undefined) out[key] = [...controls].sort(compareControlIds);
  }
  return out;
}

function normaliseAliases(aliases: Finding['aliases']): Finding['aliases'] {
  const out: Record<string, readonly string[]> = {};
  for (const tool of Object.keys(aliases).sort(compareText)) out[tool] = [...(aliases[tool] ?? [])];
  return out;
}

const NO_MAPPINGS = Object.freeze({});

/**
 * Converts findings for the report. A finding's compliance and aliases are nearly always its rule's
 * objects, shared by every finding of the rule, so each object is put in report order once, not once
 * per finding (16,000 times for the 2,000-service compose file's findings, of ~70 rules).
 */
export function jsonFindings(): (f: Finding) => JsonFinding {
  const compliances = new Map<ComplianceMap, ComplianceMap>();
  const aliasMaps = new Map<Finding['aliases'], Finding['aliases']>();
  const once = <T extends object>(known: Map<T, T>, value: T, normalise: (value: T) => T): T => {
    // Empty maps share one entry: findings made outside the catalogue (suppression comments, custom
    // rules without metadata) each carry a fresh `{}`, and the caches would grow by one per finding.
    const key = Object.keys(value).length === 0 ? (NO_MAPPINGS as T) : value;
    let done = known.get(key);
    if (done === undefined) known.set(key, (done = normalise(key)));
    return done;
  };
  return (f) => ({
    ruleId: f.ruleId,
    title: f.title,
    severity: f.severity,
    kind: f.kind,
    path: f.path,
    startLine: f.startLine,
    endLine: f.endLine,
    message: f.message,
    remediation: f.remediation,
    compliance: once(compliances, f.compliance, normaliseCompliance),
    aliases: once(aliasMaps, f.aliases, normaliseAliases),
  });
}

/** Builds the JSON report (see `JsonReport`) from a run and its verdict. */
export function toJsonReport(result: ScanResult, verdict: Verdict, tool: ToolInfo): JsonReport {
  return withFindings(result, verdict, tool, sortFindings(result.findings).map(jsonFindings()));
}

/** The report of `result` with `findings` in place of its own (the summary still counts its own). */
export function withFindings(result: ScanResult, verdict: Verdict, tool: ToolInfo, findings: readonly JsonFinding[]): JsonReport {
  const deny = result.findings.filter((f) => f.severity === 'deny').length;
  return {
    version: 1,
    tool: { name: tool.name, version: tool.version },
    verdict,
    summary: {
      files: result.files.length,
      findings: result.findings.length,
      deny,
      warn: result.findings.length - deny,
      errors: result.errors.length,
    },
    files: [...result.files].sort((a, b) => compareText(a.path, b.path)).map((f) => ({ path: f.path, kind: f.kind })),
    findings,
    errors: sortErrors(result.errors).map((e) => ({ kind: e.kind, path: e.path ?? null, line: e.line ?? null, message: e.message })),
  };
}

/**
 * Serialises a report as indented JSON with a final newline. `##[` is written `#\u0023[` (the same
 * string to any JSON parser) so that, printed in a workflow log, repository text cannot form the
 * runner's legacy `##[command]` syntax; `::` commands need a line start, which JSON never gives them.
 */
export function serializeJsonReport(report: JsonReport): string {
  return `${escapeLegacyCommands(JSON.stringify(report, null, 2))}\n`;
}

export function escapeLegacyCommands(json: string): string {
  return json.replace(/##\[/g, '#\\u0023[');
}
