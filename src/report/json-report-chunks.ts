/**
 * The JSON report written in pieces, for a big scan's report to be streamed rather than held whole.
 */
import type { ComplianceMap, Finding, ScanResult, Verdict } from '../model.js';
import { escapeLegacyCommands, jsonFindings, serializeJsonReport, toJsonReport, withFindings, type JsonFinding, type ToolInfo } from './json-report.js';
import { sortFindings } from './sort-findings.js';

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
