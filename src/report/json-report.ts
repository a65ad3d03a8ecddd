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

/**
 * Converts findings for the report. A finding's compliance and aliases are nearly always its rule's
 * objects, shared by every finding of the rule, so each object is put in report order once, not once
 * per finding (16,000 times for the 2,000-service compose file's findings, of ~70 rules).
 */
function jsonFindings(): (f: Finding) => JsonFinding {
  const compliances = new Map<ComplianceMap, ComplianceMap>();
  const aliasMaps = new Map<Finding['aliases'], Finding['aliases']>();
  const once = <T extends object>(known: Map<T, T>, value: T, normalise: (value: T) => T): T => {
    let done = known.get(value);
    if (done === undefined) known.set(value, (done = normalise(value)));
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
function withFindings(result: ScanResult, verdict: Verdict, tool: ToolInfo, findings: readonly JsonFinding[]): JsonReport {
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

function escapeLegacyCommands(json: string): string {
  return json.replace(/##\[/g, '#\\u0023[');
}

/**
 * Findings per piece of serializeJsonReportChunks: few writes, and each piece (~1 KiB a finding) well
 * under V8's large-object size (128 KiB). Pieces of 256 findings were large objects, and the corpus
 * scan's 280 of them made V8 double the main thread's young generation while the report was written
 * (peak RSS +45 MiB); the time is the same either way.
 */
const FINDINGS_PER_CHUNK = 64;

/**
 * The text of serializeJsonReport(toJsonReport(result, verdict, tool)), in pieces for a writer: each
 * finding is converted and serialised only when its piece is asked for, so the report of a big scan
 * (tens of thousands of findings, tens of MiB of JSON) is never held whole, nor its JSON objects.
 */
export function* serializeJsonReportChunks(result: ScanResult, verdict: Verdict, tool: ToolInfo): Generator<string> {
  const sorted = sortFindings(result.findings);
  const frame = serializeJsonReport(withFindings(result, verdict, tool, []));
  // JSON.stringify's layout: the key at depth 1 on its own line; a string never holds a raw newline, so this is the key.
  const empty = '\n  "findings": [],';
  const at = frame.indexOf(empty);
  if (sorted.length === 0 || at < 0) {
    yield sorted.length === 0 ? frame : serializeJsonReport(toJsonReport(result, verdict, tool));
    return;
  }
  yield `${frame.slice(0, at)}\n  "findings": [`;
  const piece = pieceWriter();
  for (let start = 0; start < sorted.length; start += FINDINGS_PER_CHUNK) {
    yield escapeLegacyCommands(`${start === 0 ? '' : ','}${piece(sorted.slice(start, start + FINDINGS_PER_CHUNK))}`);
  }
  yield `\n  ],${frame.slice(at + empty.length)}`;
}

/**
 * Writes pieces of the `findings` array: the elements as JSON.stringify(report, null, 2) lays them out
 * (indented by 4, their members by 6), joined by commas. A finding's remediation, compliance and
 * aliases are its rule's, and they are most of its text, so they are serialised once per rule and
 * reused; the rest is written member by member. The corpus scan's 72,000 findings (71 MB): 190 → 125
 * ms, sorting included.
 */
function pieceWriter(): (findings: readonly Finding[]) => string {
  const toJsonFinding = jsonFindings();
  const tails = new Map<ComplianceMap, Map<JsonFinding['aliases'], Map<string, string>>>();
  const tailOf = (f: JsonFinding): string => {
    const byAliases = tails.get(f.compliance) ?? tails.set(f.compliance, new Map()).get(f.compliance)!;
    const byRemediation = byAliases.get(f.aliases) ?? byAliases.set(f.aliases, new Map()).get(f.aliases)!;
    let tail = byRemediation.get(f.remediation);
    if (tail === undefined) {
      tail = membersInFinding({ remediation: f.remediation, compliance: f.compliance, aliases: f.aliases });
      byRemediation.set(f.remediation, tail);
    }
    return tail;
  };
  const member = (key: string, value: unknown): string => `      "${key}": ${JSON.stringify(value)},\n`;
  const write = (f: JsonFinding): string =>
    `\n    {\n${member('ruleId', f.ruleId)}${member('title', f.title)}${member('severity', f.severity)}${member('kind', f.kind)}${member('path', f.path)}` +
    `${member('startLine', f.startLine)}${member('endLine', f.endLine)}${member('message', f.message)}${tailOf(f)}\n    }`;
  return (findings) => {
    const json = findings.map(toJsonFinding);
    // By hand only when every member is what it is typed as; anything else is left to JSON.stringify.
    return json.every(isPlain) ? json.map(write).join(',') : elementsInFindings(json);
  };
}

function isPlain(f: JsonFinding): boolean {
  const strings = [f.ruleId, f.title, f.severity, f.kind, f.path, f.message, f.remediation];
  return strings.every((value) => typeof value === 'string') && typeof f.startLine === 'number' && typeof f.endLine === 'number';
}

/** `members` as JSON.stringify(report, null, 2) lays them out inside a finding: lines indented by 6, without braces. */
function membersInFinding(members: object): string {
  const text = JSON.stringify({ findings: [members] }, null, 2);
  return text.slice('{\n  "findings": [\n    {\n'.length, text.length - '\n    }\n  ]\n}'.length);
}

/**
 * `findings` as JSON.stringify(report, null, 2) lays them out in the report's `findings` array, each
 * after a line break, without the brackets: serialised as the member of an object of their own,
 * which puts them at the same depth, and cut out of it.
 */
function elementsInFindings(findings: readonly JsonFinding[]): string {
  const text = JSON.stringify({ findings }, null, 2);
  return text.slice('{\n  "findings": ['.length, text.length - '\n  ]\n}'.length);
}
