import { createHash } from 'node:crypto';
import type { Catalogue, RuleMeta } from '../evaluate/catalogue.js';
import type { CheckError, FileKind, Finding, ScanResult, Severity, SuppressedFinding } from '../model.js';
import { FRAMEWORK_ORDER, FRAMEWORKS } from './compliance-titles.js';
import type { ToolInfo } from './json-report.js';
import { SARIF_FULL_DESCRIPTION_MAX_CHARS, SARIF_TAGS_PER_RULE } from './limits.js';
import { compareControlIds, compareFindings, compareText, sortErrors, sortFindings } from './sort-findings.js';
import { truncateChars } from './text-utils.js';
import { capResults, capRules, describeSarifCut, type SarifCut } from './sarif-cut.js';

/** Where the tool's documentation lives; SARIF viewers link to it. */
export const TOOL_INFORMATION_URI = 'https://github.com/marketplace/actions/container-policy-gate';

/** The partial fingerprint key; the `/v1` changes only if the way the hash is computed does. */
export const FINGERPRINT_KEY = 'containerPolicy/v1';

/**
 * GitHub's `security-severity` per severity: deny is high (7.0–8.9), warn is medium (4.0–6.9).
 * GitHub ranks code scanning alerts by it; `level` drives the error/warning display.
 */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { deny: '8.0', warn: '5.0' };
const LEVEL: Readonly<Record<Severity, 'error' | 'warning'>> = { deny: 'error', warn: 'warning' };

/** Short tag prefixes for compliance controls, e.g. `CIS-Docker-5.5`. */
const TAG_PREFIX: Readonly<Record<string, string>> = {
  'cis-docker': 'CIS-Docker',
  'nist-800-190': 'NIST-800-190',
  'owasp-docker': 'OWASP-Docker',
  'pci-dss': 'PCI-DSS',
  soc2: 'SOC2',
};

/** A rule as the report needs it: the catalogue's metadata, or what a finding carries when the catalogue lacks it. */
interface RuleInfo extends Omit<RuleMeta, 'description'> {
  readonly description: string;
  readonly kind: FileKind;
}

/** SARIF is a large schema; the writer builds plain objects and tests validate them with the SARIF Multitool. */
type Json = Record<string, unknown>;

/** Percent-encodes each segment, so a path stays a relative reference (a `:` in the first segment would read as a scheme). */
export function toArtifactUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function complianceTags(compliance: RuleInfo['compliance']): string[] {
  const keys = Object.keys(compliance).sort((a, b) => {
    const rank = (k: string) => (FRAMEWORK_ORDER as readonly string[]).indexOf(k) + 1 || FRAMEWORK_ORDER.length + 1;
    return rank(a) - rank(b) || compareText(a, b);
  });
  return keys.flatMap((key) =>
    [...(compliance[key as keyof typeof compliance] ?? [])].sort(compareControlIds).map((id) => `${TAG_PREFIX[key] ?? key}-${id}`),
  );
}

function complianceLines(compliance: RuleInfo['compliance']): string[] {
  return Object.entries(compliance).flatMap(([key, ids]) =>
    ids && ids.length > 0 ? [`- ${FRAMEWORKS[key as keyof typeof FRAMEWORKS]?.name ?? key}: ${[...ids].sort(compareControlIds).join(', ')}`] : [],
  );
}

/** A readable identifier for the rule (SARIF's `name`, which must differ from the opaque `id`): its title in PascalCase. */
function ruleName(title: string): string {
  const words = title.match(/[A-Za-z0-9]+/g) ?? ['Rule'];
  return words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

function toRule(rule: RuleInfo): Json {
  const compliance = complianceLines(rule.compliance);
  const helpText = [rule.description, '', `Fix: ${rule.remediation}`, ...(compliance.length > 0 ? ['', 'Compliance controls:', ...compliance] : [])].join('\n');
  const helpMarkdown = [
    `**${rule.title}** (${rule.severity})`,
    '',
    rule.description,
    '',
    '**Fix:** ' + rule.remediation,
    ...(compliance.length > 0 ? ['', '**Compliance controls**', '', ...compliance] : []),
  ].join('\n');
  const tags = ['security', 'container', rule.kind, ...complianceTags(rule.compliance)].slice(0, SARIF_TAGS_PER_RULE);
  return {
    id: rule.id,
    name: ruleName(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: truncateChars(rule.description || rule.title, SARIF_FULL_DESCRIPTION_MAX_CHARS) },
    help: { text: helpText, markdown: helpMarkdown },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags, precision: 'high', 'problem.severity': LEVEL[rule.severity], 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

/** Every rule of the catalogue, plus any rule a finding names that the catalogue lacks; sorted by id. */
function collectRules(catalogue: Catalogue | undefined, findings: readonly Finding[]): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  for (const kind of Object.keys(catalogue ?? {}).sort(compareText) as FileKind[]) {
    for (const meta of Object.values(catalogue?.[kind] ?? {})) rules.set(meta.id, { ...meta, kind });
  }
  for (const f of findings) {
    if (!rules.has(f.ruleId)) {
      rules.set(f.ruleId, { id: f.ruleId, title: f.title, description: f.title, severity: f.severity, remediation: f.remediation, compliance: f.compliance, aliases: f.aliases, kind: f.kind });
    }
  }
  return [...rules.values()].sort((a, b) => compareText(a.id, b.id));
}

/**
 * A fingerprint that survives edits elsewhere in the file: rule, path and message, plus the occurrence
 * number among identical triples. Some messages name lines ("3 consecutive RUN instructions (lines
 * 5-7)", "overridden by the one on line 9"); those numbers are left out, or every edit above such a
 * finding closed its alert and opened a new one.
 */
function fingerprint(f: Finding, occurrence: number): string {
  return createHash('sha256').update([identity(f), String(occurrence)].join('\u0000')).digest('hex');
}

/** What makes two findings the same alert wherever their lines move: rule, path, and the message without line numbers. */
function identity(f: Finding): string {
  return [f.ruleId, f.path, f.message.replace(/\b(lines?) \d+(?:-\d+)?/g, '$1 #')].join('\u0000');
}

function region(startLine: number, endLine: number): Json {
  return { startLine, endLine: Math.max(startLine, endLine) };
}

function toResult(f: Finding, ruleIndex: number, occurrence: number, suppression?: SuppressedFinding): Json {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.remediation.trim() === '' ? f.message : `${f.message}\nFix: ${f.remediation}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: toArtifactUri(f.path), uriBaseId: '%SRCROOT%' }, region: region(f.startLine, f.endLine) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f, occurrence) },
    ...(suppression
      ? { suppressions: [{ kind: suppression.by === 'comment' ? 'inSource' : 'external', justification: `${suppression.reason} (${suppression.source})` }] }
      : {}),
  };
}

function toNotification(e: CheckError): Json {
  return {
    level: 'error',
    message: { text: `${e.kind} error: ${e.message}` },
    descriptor: { id: `${e.kind}-error` },
    ...(e.path === undefined
      ? {}
      : {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toArtifactUri(e.path), uriBaseId: '%SRCROOT%' },
                ...(e.line === undefined ? {} : { region: { startLine: e.line } }),
              },
            },
          ],
        }),
  };
}

/** A finding as the log lists it: its suppression when it has one, and its number among identical findings. */
interface Entry {
  readonly finding: Finding;
  readonly suppression?: SuppressedFinding;
  readonly occurrence: number;
}

/** What the run's log holds after GitHub's per-run limits, and what they took out. */
interface RunPlan {
  readonly results: readonly Entry[];
  readonly rules: readonly RuleInfo[];
  readonly cut: SarifCut;
}

/**
 * Findings in report order (denials first), then suppressed findings in the same order, cut to
 * GitHub's limit on results per run; the rules are those of the catalogue and the findings, cut to
 * the limit on rules without dropping one a kept result names.
 */
function planRun(result: ScanResult, catalogue: Catalogue | undefined): RunPlan {
  const findings = sortFindings(result.findings).map((finding) => ({ finding }));
  const suppressed = [...(result.suppressed ?? [])].sort((a, b) => compareFindings(a.finding, b.finding)).map((s) => ({ finding: s.finding, suppression: s }));
  const occurrences = numberOccurrences([...findings, ...suppressed].map((e) => e.finding));
  // Numbered over every finding, so a cut never changes a kept result's fingerprint either.
  const entries: Entry[] = [...findings, ...suppressed].map((e, i) => ({ ...e, occurrence: occurrences[i] as number }));
  const results = capResults(entries);
  const allRules = collectRules(catalogue, entries.map((e) => e.finding));
  const rules = capRules(allRules, new Set(results.map((e) => e.finding.ruleId)));
  return {
    results,
    rules,
    cut: { results: entries.length, resultsLeftOut: entries.length - results.length, rules: allRules.length, rulesLeftOut: allRules.length - rules.length },
  };
}

/**
 * Each finding's number among the findings with the same identity (rule, path, message), counted in the
 * order of their lines. Suppressed or not, a finding keeps its number: numbering the unsuppressed
 * first gave the remaining alert of two twins the fingerprint of the one just suppressed.
 */
function numberOccurrences(findings: readonly Finding[]): number[] {
  const byLocation = findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.startLine - b.f.startLine || a.f.endLine - b.f.endLine || a.i - b.i);
  const seen = new Map<string, number>();
  const numbers: number[] = new Array<number>(findings.length);
  for (const { f, i } of byLocation) {
    const key = identity(f);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    numbers[i] = n;
  }
  return numbers;
}

/** What GitHub's per-run limits take out of the log `toSarif` builds for this run (see `describeSarifCut`). */
export function sarifCut(result: ScanResult, catalogue: Catalogue | undefined): SarifCut {
  return planRun(result, catalogue).cut;
}

function cutNotification(text: string): Json {
  return { level: 'warning', message: { text }, descriptor: { id: 'sarif-limits' } };
}

/**
 * Builds a SARIF 2.1.0 log for code scanning: one run whose driver lists every rule of the
 * catalogue (description, help with the fix, tags with the compliance controls,
 * `security-severity`), one result per finding with a repository-relative location and a stable
 * partial fingerprint, suppressed findings as results carrying their suppression, and files that
 * could not be checked as tool notifications (the invocation is then unsuccessful). A run past
 * GitHub's limits on results or rules per run is cut to them (denials first, suppressed findings
 * last), and a warning notification says what was left out.
 */
export function toSarif(result: ScanResult, catalogue: Catalogue | undefined, tool: ToolInfo): Json {
  const plan = planRun(result, catalogue);
  const index = new Map(plan.rules.map((r, i) => [r.id, i]));
  const results = plan.results.map((e) => toResult(e.finding, index.get(e.finding.ruleId) ?? 0, e.occurrence, e.suppression));
  const cut = describeSarifCut(plan.cut);
  const notifications = [...sortErrors(result.errors).map(toNotification), ...(cut === undefined ? [] : [cutNotification(cut)])];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: TOOL_INFORMATION_URI,
            rules: plan.rules.map(toRule),
          },
        },
        invocations: [{ executionSuccessful: result.errors.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root (the workspace).' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** Serialises the log with a final newline; `##[` is escaped as in the JSON report, so a printed log cannot form a runner command. */
export function serializeSarif(log: Json): string {
  return `${JSON.stringify(log, null, 2).replace(/##\[/g, '#\\u0023[')}\n`;
}
